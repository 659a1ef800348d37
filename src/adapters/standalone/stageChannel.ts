/**
 * How a standalone side panel asks the local launcher to show the stage view: a BroadcastChannel between
 * tabs and frames of the same origin. The launcher answers `stageShown` when its stage frame has the URL.
 */
export const STAGE_CHANNEL = 'tovholder-stage';

export type StageMessage =
  { type: 'shareToStage'; requestId: string; url: string } | { type: 'stageShown'; requestId: string };

export const isStageMessage = (data: unknown): data is StageMessage => {
  if (typeof data !== 'object' || data === null) return false;
  const { type, requestId } = data as Record<string, unknown>;
  if (typeof requestId !== 'string') return false;
  if (type === 'stageShown') return true;
  return type === 'shareToStage' && typeof (data as Record<string, unknown>).url === 'string';
};
