import * as z from 'zod/mini';
import type { TenantPolicy } from '../domain/policy';
import { parseMailProtection } from '../domain/policy/mailProtectionSetting';
import type { LaunchParams } from './launchParams';

/** Injected by webpack's DefinePlugin (see webpack.config.js); absent under vitest. */
declare const __TOVHOLDER_BUILD__: unknown;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the build baked in, from the environment variables TOVHOLDER_*. */
export const BuildConfigSchema = z.object({
  backend: z.enum(['graph', 'sandbox']),
  sandboxOrigin: z.nullable(z.url()),
  clientId: z.string(),
  teamsAppId: z.string(),
  domain: z.string(),
  tenantId: z.nullable(z.string()),
  /** Tovholder's SharePoint Embedded container type (docs/decisions/0008-plan-access.md). */
  containerTypeId: z._default(z.string(), ''),
  /** The organisations whose tenants our people work in as guests (for "Tjek opsætning"): `id:Name,id:Name`. */
  partnerTenants: z._default(z.string(), ''),
  /** The first version's document library, to move plans from (empty: none). */
  driveId: z.string(),
  plansFolder: z.string(),
  cardDetail: z.enum(['summary', 'full']),
  pinTab: z.boolean(),
  /** TOVHOLDER_MAIL_PROTECTION and TOVHOLDER_TLS_DOMAINS as written: read (and judged) by parseMailProtection. */
  mailProtection: z.optional(z.string()),
  tlsPartnerDomains: z.optional(z.string()),
});
export type BuildConfig = z.infer<typeof BuildConfigSchema>;

/** The app's configuration at run time (the shared contract). */
export interface AppConfig {
  backend: 'graph' | 'sandbox';
  graphBaseUrl: string;
  /** Only with the sandbox backend: where its token and user endpoints are. */
  sandboxOrigin: string | null;
  clientId: string;
  tenantId: string | null;
  containerTypeId: string;
  /** Partner organisations' tenants ("Tjek opsætning" checks the user can work there as a guest). */
  partnerTenants: { tenantId: string; name: string }[];
  /** The old library plans are moved from, while one is configured; null when there is none. */
  legacyLibrary: { driveId: string; folder: string } | null;
  teamsAppId: string;
  appBaseUrl: string;
  policy: TenantPolicy;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; detail: string };

/** The id our app has in the local sandbox's app catalogue (any stable value works there). */
export const SANDBOX_TEAMS_APP_ID = 'tovholder-local';

/** The container type the local sandbox registers in both demo tenants (sandbox/graph/containers.ts). */
export const SANDBOX_CONTAINER_TYPE_ID = '4e0d9c1a-7d52-4b0e-9a53-2f6a1c9d0e11';

/** `id:Name,id:Name` as the build config carries it; entries without a GUID are left out. */
export const parsePartnerTenants = (text: string): { tenantId: string; name: string }[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      const tenantId = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
      return { tenantId, name: (at < 0 ? '' : part.slice(at + 1)).trim() || tenantId };
    })
    .filter((p) => GUID.test(p.tenantId));

export const bakedBuildConfig = (): unknown =>
  typeof __TOVHOLDER_BUILD__ === 'undefined' ? undefined : __TOVHOLDER_BUILD__;

/**
 * The configuration for this page: the baked build config, and in sandbox mode the URL's overrides.
 * In Graph mode every value must be set at build time; the message names what is missing, for the admin.
 */
export const resolveConfig = (baked: unknown, params: LaunchParams, pageOrigin: string): ConfigResult => {
  const parsed = BuildConfigSchema.safeParse(baked);
  if (!parsed.success)
    return { ok: false, detail: 'byggekonfigurationen mangler eller er ugyldig (byg igen med npm run build)' };
  const build = parsed.data;
  // A mail-protection setting with a typo does not stop the app: it reads as `none` (no plan content by e-mail),
  // and its problems show where they matter (Send referat).
  const policy: TenantPolicy = {
    cardDetail: build.cardDetail,
    pinTab: build.pinTab,
    mailProtection: parseMailProtection({ mode: build.mailProtection, partnerDomains: build.tlsPartnerDomains }),
  };

  if (build.backend === 'sandbox') {
    const sandboxOrigin = params.sandbox ?? build.sandboxOrigin;
    if (!sandboxOrigin) return { ok: false, detail: 'sandkassens adresse mangler (TOVHOLDER_SANDBOX_ORIGIN)' };
    const origin = new URL(sandboxOrigin).origin;
    return {
      ok: true,
      config: {
        backend: 'sandbox',
        graphBaseUrl: `${origin}/v1.0`,
        sandboxOrigin: origin,
        clientId: build.clientId || 'sandbox',
        tenantId: build.tenantId,
        containerTypeId: build.containerTypeId || SANDBOX_CONTAINER_TYPE_ID,
        partnerTenants: parsePartnerTenants(build.partnerTenants),
        legacyLibrary: { driveId: build.driveId || 'drive-tovholder', folder: build.plansFolder },
        teamsAppId: build.teamsAppId || SANDBOX_TEAMS_APP_ID,
        appBaseUrl: pageOrigin,
        policy: { ...policy, cardDetail: params.cardDetail ?? policy.cardDetail },
      },
    };
  }

  const missing = [
    !GUID.test(build.clientId) && 'TOVHOLDER_CLIENT_ID (Entra-appens klient-id)',
    !GUID.test(build.teamsAppId) && 'TOVHOLDER_APP_ID (Teams-appens id)',
    !build.domain && 'TOVHOLDER_DOMAIN (domænet appen ligger på)',
    !GUID.test(build.containerTypeId) &&
      'TOVHOLDER_CONTAINER_TYPE_ID (SharePoint Embedded-containertypen til planerne)',
  ].filter((item): item is string => typeof item === 'string');
  if (missing.length > 0) return { ok: false, detail: `disse værdier mangler: ${missing.join(', ')}` };
  return {
    ok: true,
    config: {
      backend: 'graph',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      sandboxOrigin: null,
      clientId: build.clientId,
      tenantId: build.tenantId,
      containerTypeId: build.containerTypeId,
      partnerTenants: parsePartnerTenants(build.partnerTenants),
      legacyLibrary: build.driveId ? { driveId: build.driveId, folder: build.plansFolder } : null,
      teamsAppId: build.teamsAppId,
      appBaseUrl: `https://${build.domain}`,
      policy,
    },
  };
};
