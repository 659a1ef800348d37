/** The stage view of a plan's meeting: what "Vis for alle" shares. Only the plan id travels in it. */
export const stageUrl = (appBaseUrl: string, planId: string): string =>
  `${appBaseUrl.replace(/\/+$/, '')}/meeting.html?planId=${encodeURIComponent(planId)}&frame=meetingStage`;
