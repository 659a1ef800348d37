/**
 * Tjek opsætning: what a tenant's setup lacks, in words an admin can act on. The probe's answers (SetupProbe) go in;
 * one finding per thing to set up comes out, in the order an admin would do them, each saying what is wrong, why it
 * matters to the users, and what to do — with the README's section for the exact steps.
 */
import { mailProtectionProblems } from '../policy/mailProtection';
import type { MailProtectionSetting } from '../policy/mailProtectionSetting';
import type { Failure, Outcome } from '../ports/outcome';

export type SetupState = 'ok' | 'missing' | 'warning' | 'info';

export interface SetupFinding {
  key: string;
  state: SetupState;
  title: { da: string; en: string };
  detail: { da: string; en: string };
}

export interface SetupObservations {
  scopes: Outcome<string[]>;
  places: Outcome<number>;
  oneDrive: Outcome<boolean>;
  /** Null when the admin has not asked to try making a plan's place. */
  tryPlace: Outcome<void> | null;
  partners: { tenantId: string; name: string; outcome: Outcome<'guest' | 'notGuest'> }[];
  /** Plans still in the first version's library, or null when none is configured. */
  legacyLeft: Outcome<number> | null;
  /** How outgoing mail is protected (TOVHOLDER_MAIL_PROTECTION), as the app read it; absent: not told. */
  mail?: MailProtectionSetting;
}

/** Permissions without which the app cannot work. */
export const REQUIRED_SCOPES = [
  'User.Read',
  'FileStorageContainer.Selected',
  'Calendars.ReadWrite',
  'ChatMessage.Send',
];

/** Permissions without which one thing is missing, and what. */
export const OPTIONAL_SCOPES: Record<string, { da: string; en: string }> = {
  'User.Invite.All': {
    da: 'Uden den kan Tovholder ikke give kolleger fra andre organisationer adgang, før it-afdelingen har gjort dem til gæster (fx med tværgående synkronisering).',
    en: 'Without it Tovholder cannot give colleagues from other organisations access until IT has made them guests (e.g. with cross-tenant synchronisation).',
  },
};

const had = (failure: Failure): string => `${failure.code}${failure.status ? `, ${failure.status}` : ''}`;

const finding = (key: string, state: SetupState, title: [string, string], detail: [string, string]): SetupFinding => ({
  key,
  state,
  title: { da: title[0], en: title[1] },
  detail: { da: detail[0], en: detail[1] },
});

const PERMISSIONS: [string, string] = ['Log-ind og tilladelser', 'Sign-in and permissions'];
const STORAGE: [string, string] = ['Lager til planerne', 'Storage for plans'];
const CREATE: [string, string] = ['Nye planer', 'New plans'];
const LEGACY: [string, string] = ['Planer i det gamle bibliotek', 'Plans in the old library'];
const MAIL: [string, string] = ['Beskyttet e-mail', 'Protected e-mail'];

/** What people outside Teams get by e-mail, and each mistake in the setting with what to write instead. */
const mailFindings = (mail: MailProtectionSetting): SetupFinding[] => {
  const problems = mailProtectionProblems(mail.issues);
  const said: Record<MailProtectionSetting['protection']['mode'], [string, string]> = {
    none: [
      'Ingen e-mail bærer planens indhold: modtagere uden for Teams får kun besked om, at der er et nyt referat, og hvem tovholderen er. Sæt TOVHOLDER_MAIL_PROTECTION til purview eller tls, når jeres e-mail er beskyttet (README, »Beskyttet e-mail«).',
      'No e-mail carries the plan: recipients outside Teams get only the notice that there are new minutes and who the tovholder is. Set TOVHOLDER_MAIL_PROTECTION to purview or tls once your mail is protected (README, "Beskyttet e-mail").',
    ],
    purview: [
      'Referater med e-mail mærkes X-Tovholder-Protection: purview, så jeres regel i Exchange krypterer dem med Microsoft Purview. Tjek at reglen findes (README, »Beskyttet e-mail«).',
      'Minutes e-mails are marked X-Tovholder-Protection: purview for your Exchange rule to encrypt them with Microsoft Purview. Check that the rule exists (README, "Beskyttet e-mail").',
    ],
    tls: [
      `Referatet sendes kun med e-mail til ${
        mail.protection.mode === 'tls' && mail.protection.partnerDomains.length > 0
          ? mail.protection.partnerDomains.join(', ')
          : 'ingen domæner'
      } (tvungen TLS); alle andre får kun besked om nyt referat.`,
      `The minutes go by e-mail only to ${
        mail.protection.mode === 'tls' && mail.protection.partnerDomains.length > 0
          ? mail.protection.partnerDomains.join(', ')
          : 'no domains'
      } (enforced TLS); everyone else gets only the notice of new minutes.`,
    ],
  };
  return [
    finding(
      'mail',
      problems.some((p) => p.severity === 'error') ? 'missing' : 'info',
      MAIL,
      said[mail.protection.mode],
    ),
    ...problems.map((p, n) =>
      finding(`mail.${n}`, p.severity === 'error' ? 'missing' : 'warning', MAIL, [p.message.da, p.message.en]),
    ),
  ];
};

const scopeFindings = (scopes: Outcome<string[]>): SetupFinding[] => {
  if (!scopes.ok)
    return [
      finding('scopes', 'missing', PERMISSIONS, [
        `Tovholder kunne ikke få en adgangsnøgle (${had(scopes)}). Giv administratorsamtykke til appen i Entra ID (README: "Opsætning i hver tenant", trin 1).`,
        `Tovholder could not get an access token (${had(scopes)}). Grant admin consent to the app in Entra ID (README: "Setup in each tenant", step 1).`,
      ]),
    ];
  const missing = REQUIRED_SCOPES.filter((s) => !scopes.value.includes(s));
  const first =
    missing.length > 0
      ? finding('scopes', 'missing', PERMISSIONS, [
          `Tilladelsen mangler: ${missing.join(', ')}. Giv administratorsamtykke til appens tilladelser i Entra ID (README: "Opsætning i hver tenant", trin 1).`,
          `Permission missing: ${missing.join(', ')}. Grant admin consent to the app's permissions in Entra ID (README: "Setup in each tenant", step 1).`,
        ])
      : finding('scopes', 'ok', PERMISSIONS, ['Appens tilladelser er givet.', "The app's permissions are granted."]);
  const optional = Object.entries(OPTIONAL_SCOPES)
    .filter(([scope]) => !scopes.value.includes(scope))
    .map(([scope, why]) =>
      finding(
        `scope:${scope}`,
        'warning',
        [`Tilladelsen ${scope}`, `The ${scope} permission`],
        [`Tilladelsen ${scope} er ikke givet. ${why.da}`, `The ${scope} permission is not granted. ${why.en}`],
      ),
    );
  return [first, ...optional];
};

const storageFinding = (places: Outcome<number>, oneDrive: Outcome<boolean>): SetupFinding => {
  if (places.ok)
    return finding('storage', 'ok', STORAGE, [
      `SharePoint Embedded er sat op: du kan åbne ${places.value} plan(er).`,
      `SharePoint Embedded is set up: you can open ${places.value} plan(s).`,
    ]);
  if (oneDrive.ok && !oneDrive.value)
    return finding('storage', 'missing', STORAGE, [
      'Din konto har ingen OneDrive, og uden den lader Microsoft 365 dig ikke se dine planer. Bed it-afdelingen om en licens med OneDrive.',
      'Your account has no OneDrive, and without one Microsoft 365 does not list your plans. Ask IT for a licence with OneDrive.',
    ]);
  return finding('storage', 'missing', STORAGE, [
    `Lageret til planerne er ikke sat op (${had(places)}): Tovholders containertype er ikke registreret i jeres tenant, eller appen har ikke fået lov til at bruge den. Registrér containertypen (README: "Opsætning i hver tenant", trin 2). Det kan tage op til et par timer, før det virker.`,
    `Storage for plans is not set up (${had(places)}): Tovholder's container type is not registered in your tenant, or the app may not use it. Register the container type (README: "Setup in each tenant", step 2). It can take a couple of hours to take effect.`,
  ]);
};

const createFinding = (tried: Outcome<void>): SetupFinding =>
  tried.ok
    ? finding('create', 'ok', CREATE, [
        'Tovholder kan oprette en plads til en ny plan (prøvepladsen er slettet igen).',
        'Tovholder can make a place for a new plan (the trial place was removed again).',
      ])
    : finding('create', 'missing', CREATE, [
        `Microsoft 365 afviste at oprette en plads til en plan (${had(tried)}). Er containertypen registreret med tilladelsen "create" for appen? Afviser Microsoft oprettelse fra en app i browseren, se README: "Hvis oprettelse afvises".`,
        `Microsoft 365 refused to make a place for a plan (${had(tried)}). Is the container type registered with the "create" permission for the app? If Microsoft refuses creation from an app in the browser, see README: "If creation is refused".`,
      ]);

const partnerFinding = (partner: SetupObservations['partners'][number]): SetupFinding => {
  const { outcome, name, tenantId } = partner;
  const title: [string, string] = [`Samarbejde med ${name}`, `Working with ${name}`];
  if (!outcome.ok)
    return finding(`partner:${tenantId}`, 'missing', title, [
      `Du kan ikke logge ind i ${name} som gæst (${had(outcome)}). Ekstern adgang (B2B-samarbejde) er slået fra mellem jer og ${name}, eller appen er ikke godkendt der. Begge it-afdelinger skal tillade det (README: "Samarbejde på tværs af organisationer").`,
      `You cannot sign in to ${name} as a guest (${had(outcome)}). External access (B2B collaboration) is off between you and ${name}, or the app is not approved there. Both IT departments must allow it (README: "Working across organisations").`,
    ]);
  return outcome.value === 'guest'
    ? finding(`partner:${tenantId}`, 'ok', title, [
        `Du kan åbne planer i ${name} som gæst.`,
        `You can open plans in ${name} as a guest.`,
      ])
    : finding(`partner:${tenantId}`, 'info', title, [
        `Du er ikke gæst i ${name} endnu. Det bliver du, når en plan derfra deles med dig — ellers kan ${name}s it-afdeling tilføje jer.`,
        `You are not a guest in ${name} yet. You become one when a plan from there is shared with you — or ${name}'s IT can add you.`,
      ]);
};

const legacyFinding = (left: Outcome<number>): SetupFinding => {
  if (!left.ok)
    return finding('legacy', 'warning', LEGACY, [
      `Det gamle dokumentbibliotek kunne ikke læses (${had(left)}).`,
      `The old document library could not be read (${had(left)}).`,
    ]);
  return left.value > 0
    ? finding('legacy', 'warning', LEGACY, [
        `${left.value} plan(er) ligger stadig i det gamle dokumentbibliotek, hvor alle i organisationen kan åbne dem. Flyt dem nedenfor.`,
        `${left.value} plan(s) are still in the old document library, where everyone in the organisation can open them. Move them below.`,
      ])
    : finding('legacy', 'ok', LEGACY, [
        'Alle planer er flyttet. Fjern TOVHOLDER_DRIVE_ID fra konfigurationen og appens adgang til biblioteket.',
        "Every plan is moved. Remove TOVHOLDER_DRIVE_ID from the configuration and the app's access to the library.",
      ]);
};

export const setupReport = (o: SetupObservations): SetupFinding[] => [
  ...scopeFindings(o.scopes),
  storageFinding(o.places, o.oneDrive),
  ...(o.tryPlace ? [createFinding(o.tryPlace)] : []),
  ...o.partners.map(partnerFinding),
  ...(o.legacyLeft ? [legacyFinding(o.legacyLeft)] : []),
  ...(o.mail ? mailFindings(o.mail) : []),
];
