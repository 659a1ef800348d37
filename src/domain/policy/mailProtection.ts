/**
 * The admin's mail-protection setting (TOVHOLDER_MAIL_PROTECTION, TOVHOLDER_TLS_DOMAINS) checked, with a Danish
 * message for everything wrong that says what to fix — for the Send referat view, the setup check and
 * `npm run build`. The value itself and its rules are mailProtectionSetting.ts (small, on every first load); this
 * file holds the words, and is loaded only where they are shown.
 */
import { problem, type Problem } from '../problems';
import {
  parseMailProtection,
  type MailProtectionIssue,
  type MailProtectionMode,
  type MailProtectionSetting,
} from './mailProtectionSetting';

/** The environment variables the admin sets; the problems name them. */
export const MAIL_PROTECTION_SETTING = 'TOVHOLDER_MAIL_PROTECTION';
export const TLS_DOMAINS_SETTING = 'TOVHOLDER_TLS_DOMAINS';

/** The setting as read, with its problems in words (errors: it does less than the admin meant; warnings: noise). */
export interface MailProtectionSetup extends MailProtectionSetting {
  problems: Problem[];
}

const unknownMode = (value: string) =>
  problem(
    'mailProtection.unknownMode',
    'error',
    MAIL_PROTECTION_SETTING,
    `${MAIL_PROTECTION_SETTING} er »${value}«, som ikke er en kendt værdi. Skriv none, purview eller tls. Indtil det er rettet, sendes ingen e-mail med planens indhold: alle uden for Teams får kun besked om, at der er et nyt referat.`,
    `${MAIL_PROTECTION_SETTING} is "${value}", which is not a known value. Write none, purview or tls. Until it is fixed, no e-mail carries the plan: everyone outside Teams gets only the notice that there are new minutes.`,
  );

const invalidDomain = (value: string) => {
  const hint = value.includes('*')
    ? {
        da: 'Skriv hvert domæne helt ud (fx regionh.dk); jokertegn (*) kan ikke bruges.',
        en: 'Write each domain in full (e.g. regionh.dk); wildcards (*) cannot be used.',
      }
    : value.includes('@')
      ? {
          da: 'Skriv kun domænet efter @ (fx laegehuset-sundby.dk).',
          en: 'Write only the domain after the @ (e.g. laegehuset-sundby.dk).',
        }
      : /^[a-z]+:\/\//i.test(value.trim())
        ? {
            da: 'Skriv domænet uden https:// og uden sti (fx regionh.dk).',
            en: 'Write the domain without https:// or a path (e.g. regionh.dk).',
          }
        : {
            da: 'Et domæne er fx regionh.dk: bogstaver, tal og bindestreger, adskilt af punktummer.',
            en: 'A domain is e.g. regionh.dk: letters, digits and hyphens, separated by dots.',
          };
  return problem(
    'mailProtection.invalidDomain',
    'error',
    TLS_DOMAINS_SETTING,
    `»${value}« i ${TLS_DOMAINS_SETTING} er ikke et gyldigt domæne, så det er ikke med på listen, og modtagere på det domæne får kun besked om nyt referat. ${hint.da}`,
    `"${value}" in ${TLS_DOMAINS_SETTING} is not a valid domain, so it is left off the list: recipients there get only the notice of new minutes. ${hint.en}`,
  );
};

const noDomains = problem(
  'mailProtection.noPartnerDomains',
  'error',
  TLS_DOMAINS_SETTING,
  `${MAIL_PROTECTION_SETTING} er tls, men ${TLS_DOMAINS_SETTING} nævner ingen gyldige partnerdomæner, så alle uden for Teams får kun besked om nyt referat. Skriv domænerne med tvungen TLS adskilt af komma (fx regionh.dk, laegehuset-sundby.dk).`,
  `${MAIL_PROTECTION_SETTING} is tls, but ${TLS_DOMAINS_SETTING} names no valid partner domain, so everyone outside Teams gets only the notice of new minutes. List the domains with enforced TLS, separated by commas (e.g. regionh.dk, laegehuset-sundby.dk).`,
);

const domainsUnused = (mode: MailProtectionMode) =>
  problem(
    'mailProtection.domainsUnused',
    'warning',
    TLS_DOMAINS_SETTING,
    `${TLS_DOMAINS_SETTING} bruges kun, når ${MAIL_PROTECTION_SETTING} er tls (den er ${mode}), så listen gør ingenting. Fjern den, eller sæt ${MAIL_PROTECTION_SETTING}=tls.`,
    `${TLS_DOMAINS_SETTING} is used only when ${MAIL_PROTECTION_SETTING} is tls (it is ${mode}), so the list does nothing. Remove it, or set ${MAIL_PROTECTION_SETTING}=tls.`,
  );

const problemOf = (issue: MailProtectionIssue): Problem => {
  switch (issue.kind) {
    case 'unknownMode':
      return unknownMode(issue.value);
    case 'invalidDomain':
      return invalidDomain(issue.value);
    case 'noPartnerDomains':
      return noDomains;
    case 'domainsUnused':
      return domainsUnused(issue.mode);
  }
};

/** The issues of a setting as Danish (and English) problems, in the order found. */
export const mailProtectionProblems = (issues: readonly MailProtectionIssue[]): Problem[] => issues.map(problemOf);

/** The admin's setting read and checked: the value the app uses, and the problems with what was written. */
export const readMailProtection = (raw: {
  mode?: string | null | undefined;
  partnerDomains?: string | null | undefined;
}): MailProtectionSetup => {
  const setting = parseMailProtection(raw);
  return { ...setting, problems: mailProtectionProblems(setting.issues) };
};
