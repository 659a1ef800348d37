import type { State, TenantRecord, TenantSettings } from './store';

/**
 * The tenants' admin settings as the tools show and change them (`GET /_sandbox/tenants`,
 * `PATCH /_sandbox/tenants/{tenantId}`): tests and the setup page's demo turn a tenant's consent, container type
 * registration, cross-tenant access, invitation and sharing settings on and off.
 */

const CHECKS: { [K in keyof TenantSettings]: (value: unknown) => boolean } = {
  containerTypeRegistered: (value) => typeof value === 'boolean',
  grantedScopes: (value) => Array.isArray(value) && value.every((scope) => typeof scope === 'string' && scope !== ''),
  b2bInbound: (value) => typeof value === 'boolean',
  b2bOutbound: (value) => typeof value === 'boolean',
  allowInvitesFrom: (value) => value === 'everyone' || value === 'adminsAndGuestInviters' || value === 'none',
  autoRedeem: (value) => typeof value === 'boolean',
  sharingCapability: (value) =>
    value === 'disabled' || value === 'existingExternalUserSharingOnly' || value === 'externalUserSharingOnly',
  isSharingRestricted: (value) => typeof value === 'boolean',
};

/** Why a PATCH body is refused (an unknown field or a bad value), or null when it can be applied as it is. */
export const tenantSettingsProblem = (change: unknown): string | null => {
  if (typeof change !== 'object' || change === null || Array.isArray(change))
    return 'The body must be a JSON object with some of: ' + Object.keys(CHECKS).join(', ') + '.';
  for (const [key, value] of Object.entries(change)) {
    const check = CHECKS[key as keyof TenantSettings] as ((value: unknown) => boolean) | undefined;
    if (!check) return `Unknown tenant setting '${key}'. Known: ${Object.keys(CHECKS).join(', ')}.`;
    if (!check(value)) return `Bad value for '${key}': ${JSON.stringify(value)}.`;
  }
  return null;
};

export const tenantView = (state: State, tenant: TenantRecord): Record<string, unknown> => ({
  id: tenant.id,
  displayName: tenant.displayName,
  domain: tenant.domain,
  ...tenant.settings,
  guests: state.users
    .filter((user) => user.kind === 'guest' && user.tenantId === tenant.id)
    .map((user) => ({
      id: user.id,
      upn: user.userPrincipalName,
      mail: user.mail,
      name: user.displayName,
      homeUserId: user.homeUserId,
      externalUserState: user.externalUserState,
    })),
  containers: state.containers.filter((container) => container.tenantId === tenant.id && !container.deletedDateTime)
    .length,
});
