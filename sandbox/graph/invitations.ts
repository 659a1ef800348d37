import { randomUUID } from 'node:crypto';
import { requireScope } from '../auth';
import { stableGuid } from '../demoTenant';
import type { Ctx, Router } from '../router';
import type { State, TenantRecord, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { deliverMail } from './mail';
import { userByMail } from './users';
import { optionalBoolean, optionalString, rejectUnknownProperties } from './validation';

/**
 * Entra B2B guests and `POST /invitations` (Graph v1.0 invitation resource). A guest is a user record in the
 * resource tenant (kind `guest`, userType Guest) with its own object id and a `#EXT#` user principal name, standing
 * for a person whose own account is in another tenant (`homeUserId`). Inviting the same address again answers with
 * the same guest account.
 */

/** `karen.skov@regionms.example` in sundby-kommune.example → `karen.skov_regionms.example#EXT#@sundby-kommune.example`. */
export const guestPrincipalName = (mail: string, tenant: TenantRecord): string =>
  `${mail.toLowerCase().replace('@', '_')}#EXT#@${tenant.domain}`;

export const guestByMail = (state: State, tenantId: string, mail: string): UserRecord | undefined =>
  state.users.find(
    (user) => user.kind === 'guest' && user.tenantId === tenantId && user.mail.toLowerCase() === mail.toLowerCase(),
  );

/**
 * The guest account for `mail` in `tenant`, made if there is none (ids derived from tenant and address, so a seed
 * makes the same one every time). `home` is the person's own account when a demo tenant (or the e-mail list) has one.
 */
export const ensureGuest = (
  state: State,
  tenant: TenantRecord,
  mail: string,
  options: { displayName?: string | null; accepted: boolean },
): { guest: UserRecord; created: boolean } => {
  const existing = guestByMail(state, tenant.id, mail);
  if (existing) return { guest: existing, created: false };
  const home = userByMail(state, mail);
  const displayName = options.displayName || home?.displayName || mail.split('@')[0] || mail;
  const [givenName = '', ...rest] = displayName.split(' ');
  const guest: UserRecord = {
    id: stableGuid(`guest:${tenant.id}:${mail.toLowerCase()}`),
    userPrincipalName: guestPrincipalName(mail, tenant),
    mail: home?.mail ?? mail.toLowerCase(),
    displayName,
    givenName: home?.givenName ?? givenName,
    surname: home?.surname ?? rest.join(' '),
    jobTitle: home?.jobTitle ?? '',
    department: home?.department ?? '',
    companyName: home?.companyName ?? '',
    officeLocation: home?.officeLocation ?? null,
    tenantId: tenant.id,
    kind: 'guest',
    sector: home?.sector ?? 'andet',
    roleHint: null,
    preferredLanguage: home?.preferredLanguage ?? 'da-DK',
    businessPhones: home?.businessPhones ?? [],
    mobilePhone: home?.mobilePhone ?? null,
    homeUserId: home?.id ?? null,
    externalUserState: options.accepted ? 'Accepted' : 'PendingAcceptance',
    oneDrive: false,
  };
  state.users.push(guest);
  return { guest, created: true };
};

const forbidden = (message: string): GraphError => new GraphError(403, 'Authorization_RequestDenied', message);

const invite = (ctx: Ctx) => {
  requireScope(ctx.scopes, ['User.Invite.All', 'Directory.ReadWrite.All'], 'Authorization_RequestDenied');
  const state = ctx.sandbox.store.state;
  const tenant = state.tenants.find((candidate) => candidate.id === ctx.me.tenantId);
  if (!tenant) throw forbidden('Insufficient privileges to complete the operation.');
  if (ctx.me.kind === 'guest') throw forbidden('Guest users are not allowed to invite other users.');
  if (tenant.settings.allowInvitesFrom !== 'everyone') {
    // No one in the demo tenants holds the Guest Inviter or an admin role.
    throw forbidden('Insufficient privileges to complete the operation.');
  }
  const body = ctx.json();
  rejectUnknownProperties(
    body,
    [
      'invitedUserEmailAddress',
      'inviteRedirectUrl',
      'invitedUserDisplayName',
      'sendInvitationMessage',
      'invitedUserMessageInfo',
      'invitedUserType',
      'resetRedemption',
    ],
    'microsoft.graph.invitation',
  );
  const address = optionalString(body.invitedUserEmailAddress, 'invitedUserEmailAddress')?.trim() ?? '';
  if (!address) throw badRequest('Property invitedUserEmailAddress is required.', 'BadRequest');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address))
    throw badRequest('The specified invitedUserEmailAddress is invalid.', 'BadRequest');
  const redirect = optionalString(body.inviteRedirectUrl, 'inviteRedirectUrl')?.trim() ?? '';
  if (!redirect) throw badRequest('Property inviteRedirectUrl is required.', 'BadRequest');
  const displayName = optionalString(body.invitedUserDisplayName, 'invitedUserDisplayName');
  const send = optionalBoolean(body.sendInvitationMessage, 'sendInvitationMessage') ?? false;
  const type = optionalString(body.invitedUserType, 'invitedUserType') ?? 'Guest';
  if (type.toLowerCase() !== 'guest') throw forbidden('Only administrators may invite members.');

  const home = userByMail(state, address);
  if (home && home.tenantId === tenant.id) {
    // The reference does not document this answer: the sandbox's choice (a member is not invited as a guest).
    throw badRequest(
      'The invited user already exists in the directory as a member of this organization.',
      'BadRequest',
    );
  }
  if (home?.tenantId && !tenant.settings.b2bInbound) {
    throw forbidden(
      "The invitation is blocked by this organization's cross-tenant access policy for the user's organization.",
    );
  }

  const { guest, created } = ensureGuest(state, tenant, address, {
    displayName,
    accepted: tenant.settings.autoRedeem,
  });
  const redeemUrl = `https://login.microsoftonline.com/redeem?rd=${encodeURIComponent(
    Buffer.from(`${tenant.id}:${guest.id}`).toString('base64url'),
  )}`;
  if (send && (created || guest.externalUserState === 'PendingAcceptance')) {
    deliverMail(state, {
      from: { name: `Microsoft Invitations on behalf of ${tenant.displayName}`, address: 'invites@microsoft.com' },
      to: [{ name: guest.displayName, address: guest.mail }],
      subject: `${ctx.me.displayName} har inviteret dig til at få adgang til programmer i organisationen ${tenant.displayName}`,
      body: `<p>${ctx.me.displayName} (${ctx.me.mail}) har inviteret dig.</p><p><a href="${redeemUrl}">Accepter invitationen</a></p>`,
      contentType: 'html',
      saveToSentItems: false,
      at: ctx.now,
    });
  }
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#invitations/$entity`,
      id: randomUUID(),
      inviteRedeemUrl: redeemUrl,
      invitedUserDisplayName: guest.displayName,
      invitedUserType: 'Guest',
      invitedUserEmailAddress: address,
      sendInvitationMessage: send,
      resetRedemption: false,
      inviteRedirectUrl: redirect,
      status: guest.externalUserState === 'Accepted' ? 'Completed' : 'PendingAcceptance',
      invitedUserMessageInfo: { messageLanguage: null, customizedMessageBody: null, ccRecipients: [] },
      invitedUser: { id: guest.id },
    },
  };
};

export const registerInvitations = (router: Router): void => {
  router.add('POST', '/invitations', invite);
};
