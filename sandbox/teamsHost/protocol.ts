/**
 * Teams' side of teams-js 2.x's window messaging, as @microsoft/teams-js 2.58 speaks it (its
 * internal/communication.ts, messageObjects.ts, nestedAppAuthUtils.ts, public/runtime.ts and app/app.ts in the
 * public repository; read, not copied). Pure: no DOM, so unit tests hold each answer to what teams-js expects.
 *
 * - A request from the app is `{ id, uuidAsString, func, args, apiVersionTag, timestamp, … }`; the host answers
 *   `{ id, uuidAsString, args }` to the same window, and sends events as `{ func, args }`.
 * - `initialize` is answered `[frameContext, hostClientType, runtimeConfig, clientSupportedSDKVersion]`. teams-js
 *   reads the runtime from the third and, for its nested app auth bridge, `supports.nestedAppAuth` from the fourth
 *   (which its own tests fill with the runtime JSON), so both carry it.
 */

export const TEAMS_JS_VERSION = '2.58.0';

/** teams-js `FrameContexts` the host frames pages in. */
export type FrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings';

export type HostClientType = 'desktop' | 'web';

/** teams-js ErrorCode values (public/interfaces.ts). */
export const ErrorCode = {
  NOT_SUPPORTED_ON_PLATFORM: 100,
  INTERNAL_ERROR: 500,
  NOT_SUPPORTED_IN_CURRENT_CONTEXT: 501,
  PERMISSION_DENIED: 1000,
  INVALID_ARGUMENTS: 4000,
} as const;

export interface SdkError {
  errorCode: number;
  message?: string;
}

/** A message from the app, as teams-js serialises it. */
export interface AppRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args: unknown[];
  apiVersionTag?: string;
  /** Only on `nestedAppAuth.execute`: the MSAL bridge envelope, a JSON string. */
  data?: string;
}

export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

export interface HostEvent {
  func: string;
  args: unknown[];
}

/** Reads a posted message as a teams-js request, or null (MSAL, React devtools and others post to frames too). */
export const asAppRequest = (data: unknown): AppRequest | null => {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.func !== 'string' || typeof record.id !== 'number') return null;
  return {
    id: record.id,
    func: record.func,
    args: Array.isArray(record.args) ? record.args : [],
    ...(typeof record.uuidAsString === 'string' ? { uuidAsString: record.uuidAsString } : {}),
    ...(typeof record.apiVersionTag === 'string' ? { apiVersionTag: record.apiVersionTag } : {}),
    ...(typeof record.data === 'string' ? { data: record.data } : {}),
  };
};

export const responseTo = (request: AppRequest, args: unknown[]): HostResponse => ({
  id: request.id,
  ...(request.uuidAsString ? { uuidAsString: request.uuidAsString } : {}),
  args,
});

/**
 * What this host supports (runtime v4, `public/runtime.ts`): the capabilities Tovholder's pages use, and nothing it
 * does not answer, so teams-js's `isSupported()` tells the truth.
 */
export const runtimeConfig = (): Record<string, unknown> => ({
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    meeting: {},
    nestedAppAuth: {},
    pages: { config: {} },
    teamsCore: {},
  },
});

/** The `initialize` answer for a frame. */
export const initializeAnswer = (frameContext: FrameContext, clientType: HostClientType): unknown[] => {
  const runtime = JSON.stringify(runtimeConfig());
  return [frameContext, clientType, runtime, runtime];
};

export interface ContextUser {
  id: string;
  upn: string;
  name: string;
  tenantId: string;
}

export interface FrameContextInput {
  frameContext: FrameContext;
  /** `page.id`: the tab's entityId (or the personal tab's "plans"). */
  entityId: string;
  /** `page.subPageId`: a deep link's sub-entity. */
  subEntityId?: string;
  user: ContextUser;
  /** Teams' names: default | dark | contrast. */
  theme: 'default' | 'dark' | 'contrast';
  /** Teams writes it lower case: "da-dk". */
  locale: string;
  clientType: HostClientType;
  teamsAppId: string;
  /** The meeting chat's thread id, for a meeting's frames. */
  chatId?: string;
  sessionId: string;
  appSessionId: string;
}

/**
 * The meeting id teams-js reports: base64 of "0#<chat thread id>#0" (what Teams gives, e.g. "MCMxOTptZWV0aW5n…").
 */
export const meetingIdOf = (chatId: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(`0#${chatId}#0`)));

/**
 * `getContext`'s answer: the legacy context object teams-js turns into `app.Context` (app/app.ts,
 * transformLegacyContextToAppContext), with the values Teams documents for a meeting tab.
 */
export const legacyContext = (input: FrameContextInput): Record<string, unknown> => ({
  locale: input.locale,
  osLocaleInfo: { platform: 'windows', regionalFormat: input.locale },
  theme: input.theme,
  entityId: input.entityId,
  subEntityId: input.subEntityId ?? '',
  frameContext: input.frameContext,
  hostClientType: input.clientType,
  hostName: 'Teams',
  ringId: 'general',
  sessionId: input.sessionId,
  appSessionId: input.appSessionId,
  appLaunchId: input.appSessionId,
  appId: input.teamsAppId,
  manifestVersion: '1.24',
  userObjectId: input.user.id,
  userPrincipalName: input.user.upn,
  loginHint: input.user.upn,
  userDisplayName: input.user.name,
  userLicenseType: 'Unknown',
  tid: input.user.tenantId,
  tenantSKU: 'enterprise',
  isFullScreen: false,
  isMultiWindow: input.frameContext === 'meetingStage',
  userClickTime: Date.now(),
  userFileOpenPreference: 'inline',
  ...(input.chatId ? { chatId: input.chatId, meetingId: meetingIdOf(input.chatId) } : {}),
});

/** Teams' answer to a capability it does not offer: `errorNotSupportedOnPlatform` (public/constants.ts). */
export const notSupported = (func: string): SdkError => ({
  errorCode: ErrorCode.NOT_SUPPORTED_ON_PLATFORM,
  message: `${func} is not supported by the local Teams host`,
});

/** Messages teams-js sends without waiting for an answer: they get none, as from Teams. */
export const ONE_WAY = new Set([
  'registerHandler',
  'settings.setValidityState',
  'settings.save.success',
  'settings.save.failure',
  'settings.remove.success',
  'settings.remove.failure',
]);
