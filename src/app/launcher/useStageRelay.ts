import { useEffect, useState } from 'react';
import { STAGE_CHANNEL, isStageMessage, type StageMessage } from '../../adapters/standalone/stageChannel';

/**
 * The launcher's half of "Vis for alle" in local mode: when a standalone side panel shares its stage view, the
 * stage frame beside it shows that URL, and the panel is told it worked.
 */
export const useStageRelay = (active: boolean, initialUrl: string) => {
  const [stage, setStage] = useState<{ url: string; shared: boolean }>({ url: initialUrl, shared: false });
  useEffect(() => setStage({ url: initialUrl, shared: false }), [initialUrl]);
  useEffect(() => {
    if (!active || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(STAGE_CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      if (!isStageMessage(event.data) || event.data.type !== 'shareToStage') return;
      const url = new URL(event.data.url, window.location.href);
      if (url.origin !== window.location.origin) return; // only our own pages go on our stage
      setStage({ url: url.pathname + url.search, shared: true });
      const shown: StageMessage = { type: 'stageShown', requestId: event.data.requestId };
      channel.postMessage(shown);
    };
    return () => channel.close();
  }, [active]);
  return stage;
};
