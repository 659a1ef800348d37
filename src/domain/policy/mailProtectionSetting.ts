/**
 * How the tenant protects its outgoing mail, read from the admin's setting (TOVHOLDER_MAIL_PROTECTION,
 * TOVHOLDER_TLS_DOMAINS) into a value, with what was wrong as typed issues. Kept small and free of texts: the
 * composition root reads it at start and the privacy guard decides with it, both on every page's first load; the
 * Danish messages are mailProtection.ts, for where they are shown.
 *
 * Datatilsynet's practice: e-mail carrying sensitive personal data (health, substance use, social problems, CPR) must
 * be encrypted in transit at least, with TLS the sender can rely on, and end-to-end where the risk is high. So:
 * - `purview`: a mail-flow rule applies Microsoft Purview Message Encryption to every e-mail the app marks
 *   (MAIL_PROTECTION_HEADER, README › "Beskyttet e-mail").
 * - `tls`: an outbound connector enforces TLS to the partner domains listed; mail to any other domain gets only
 *   the notice that there are new minutes.
 * - `none` (the default): no e-mail carries plan content.
 *
 * Bad input never lets anything out unprotected: an unknown mode reads as `none`, and a domain that is not a domain
 * is left off the list (its recipients get the notice). The privacy guard decides per recipient
 * (privacyGuard.ts › mailDecision).
 */

export type MailProtection =
  | { mode: 'none' }
  | { mode: 'purview' }
  /** Partner domains in lower case, IDN as punycode (xn--…), as mail addresses are compared. */
  | { mode: 'tls'; partnerDomains: readonly string[] };

export type MailProtectionMode = MailProtection['mode'];

/** What is wrong with what the admin wrote; mailProtection.ts words each one. */
export type MailProtectionIssue =
  | { kind: 'unknownMode'; value: string }
  | { kind: 'invalidDomain'; value: string }
  | { kind: 'noPartnerDomains' }
  | { kind: 'domainsUnused'; mode: MailProtectionMode };

/** The setting as read: what the app does, and what is wrong with what the admin wrote (empty when nothing). */
export interface MailProtectionSetting {
  protection: MailProtection;
  issues: readonly MailProtectionIssue[];
}

export const MAIL_PROTECTION_MODES: readonly MailProtectionMode[] = ['none', 'purview', 'tls'];

export const NO_MAIL_PROTECTION: MailProtectionSetting = { protection: { mode: 'none' }, issues: [] };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A mail domain in the form addresses are compared in (lower case, punycode, no trailing dot), or null when the
 * text is not one (a URL, an address, a wildcard, a single word, spaces).
 */
export const normaliseMailDomain = (text: string): string | null => {
  const trimmed = text.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s/@:*?#\\[\]]/.test(trimmed)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split('.');
  if (ascii.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  return TOP_LEVEL.test(labels[labels.length - 1] ?? '') ? ascii : null;
};

/** The domain of a mail address, normalised; null when the address has none that is valid. */
export const mailDomainOf = (address: string): string | null => {
  const at = address.trim().lastIndexOf('@');
  return at < 1 ? null : normaliseMailDomain(address.trim().slice(at + 1));
};

/**
 * The admin's setting read: `mode` one of none, purview, tls (any case; empty means none), `partnerDomains`
 * separated by commas, semicolons or line breaks (a space inside an entry makes it invalid, so "regi on.dk" never
 * reads as the domain on.dk). Duplicates are dropped.
 */
export const parseMailProtection = (raw: {
  mode?: string | null | undefined;
  partnerDomains?: string | null | undefined;
}): MailProtectionSetting => {
  const modeText = (raw.mode ?? '').trim();
  const mode = modeText === '' ? 'none' : modeText.toLowerCase();
  const entries = (raw.partnerDomains ?? '')
    .split(/[,;\r\n]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (!MAIL_PROTECTION_MODES.includes(mode as MailProtectionMode)) {
    return { protection: { mode: 'none' }, issues: [{ kind: 'unknownMode', value: modeText }] };
  }
  if (mode !== 'tls') {
    const known = mode as 'none' | 'purview';
    return { protection: { mode: known }, issues: entries.length > 0 ? [{ kind: 'domainsUnused', mode: known }] : [] };
  }
  const issues: MailProtectionIssue[] = [];
  const partnerDomains: string[] = [];
  for (const entry of entries) {
    const domain = normaliseMailDomain(entry);
    if (domain === null) issues.push({ kind: 'invalidDomain', value: entry });
    else if (!partnerDomains.includes(domain)) partnerDomains.push(domain);
  }
  if (partnerDomains.length === 0) issues.push({ kind: 'noPartnerDomains' });
  return { protection: { mode: 'tls', partnerDomains }, issues };
};

/** True when mail to this address goes over the enforced-TLS connector (its domain is on the partner list). */
export const isTlsPartner = (protection: MailProtection, address: string): boolean => {
  if (protection.mode !== 'tls') return false;
  const domain = mailDomainOf(address);
  return domain !== null && protection.partnerDomains.includes(domain);
};
