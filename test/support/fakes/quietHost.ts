import type { Frame, MeetingHost } from '../../../src/domain/ports/meetingHost';

/**
 * A host that answers the plans tab's few questions and does nothing: light theme, Danish, no stage, links
 * ignored. For tests about something else than the host (the meeting tests use `FakeMeetingHost`, which records).
 */
export const quietHost = (kind: MeetingHost['kind'], frame: Frame = 'personal'): MeetingHost => ({
  kind,
  frame: () => frame,
  theme: () => 'light',
  onThemeChange: () => () => {},
  locale: () => 'da-DK',
  shareToStage: async () => 'notSupported',
  openLink: async () => {},
});
