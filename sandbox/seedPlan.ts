import { HOME_TENANT, REGION_TENANT } from './demoTenant';
import { containerIdFor } from './graph/containers';
import type { UserRecord } from './store';

/**
 * The seeded plan document of case KI-2026-014 (citizen Jens Holm), `plan.json` in its own SharePoint Embedded
 * container in Sundby (SEEDED_PLAN_ID = `<Sundby's tenant id>~<container id>`), made by Mette: one meeting held
 * 3 September 2026 13.00–14.30 with minutes, next tovholder Peter Nielsen, next meeting by 3 December 2026,
 * written consent covering everyone's organisation except Kriminalforsorgen. Plain JSON shaped by PlanSchema
 * (src/domain/plan/planDocument.ts); a test parses it with that schema.
 */

export const CASE_REFERENCE = 'KI-2026-014';
/** The plan's container in Sundby: the same id after every --reset (derived from tenant and case). */
export const SEEDED_CONTAINER_ID = containerIdFor(`${HOME_TENANT.id}:${CASE_REFERENCE}`);
/** The plan's id, its address (src/domain/plan/planAddress.ts): what links, cards and tabs carry. */
export const SEEDED_PLAN_ID = `${HOME_TENANT.id}~${SEEDED_CONTAINER_ID}`;
/** The id it had in the first version's library, where a pointer to SEEDED_PLAN_ID now stands (the move was made). */
export const LEGACY_PLAN_ID = 'plan-ki-2026-014';
/** The first version's library (the legacy store), still holding a plan not yet moved: LEGACY_UNMOVED_PLAN_ID. */
export const DRIVE_ID = 'drive-tovholder';
export const PLANS_FOLDER = ['Tovholder', 'plans'];
export const LEGACY_UNMOVED_PLAN_ID = 'plan-ki-2025-101';
/** The region's plan KI-2026-022, in a container in the region made by Karen Skov. */
export const REGION_CASE_REFERENCE = 'KI-2026-022';
export const REGION_CONTAINER_ID = containerIdFor(`${REGION_TENANT.id}:${REGION_CASE_REFERENCE}`);
export const REGION_PLAN_ID = `${REGION_TENANT.id}~${REGION_CONTAINER_ID}`;
export const MEETING_START = Date.UTC(2026, 8, 3, 11, 0); // 13.00 in Copenhagen (CEST)
export const MEETING_END = Date.UTC(2026, 8, 3, 12, 30);
export const MEETING_TRANSACTION_ID = 'tx-ki-2026-014-m1';
export const DELIVERY_ID = 'dlv-ki-2026-014-m1';

/** Participant id in the plan → e-mail of the demo person. */
export const PLAN_PARTICIPANTS: { id: string; email: string }[] = [
  { id: 'p-mette', email: 'mette.larsen@sundby-kommune.example' },
  { id: 'p-jonas', email: 'jonas.berg@sundby-kommune.example' },
  { id: 'p-aisha', email: 'aisha.khan@sundby-kommune.example' },
  { id: 'p-peter', email: 'peter.nielsen@sundby-kommune.example' },
  { id: 'p-lars', email: 'lars.mikkelsen@sundby-kommune.example' },
  { id: 'p-mikkel', email: 'mikkel.sorensen@sundby-kommune.example' },
  { id: 'p-karen', email: 'karen.skov@regionms.example' },
  { id: 'p-anders', email: 'anders.frost@regionms.example' },
  { id: 'p-ole', email: 'ole.bak@laegehuset-sundby.example' },
  { id: 'p-jens', email: 'jens.holm@post.example' },
  { id: 'p-lise', email: 'lise.holm@post.example' },
];

export const AGENDA = [
  { key: 'stamoplysninger', lead: 'koordinator', minutes: 10 },
  { key: 'afdaekning', lead: 'koordinator', minutes: 30 },
  { key: 'udfordringer', lead: 'behandlere', minutes: 15 },
  { key: 'maal', lead: 'behandlere', minutes: 20 },
  { key: 'opfoelgning', lead: 'koordinator', minutes: 15 },
] as const;

export const GOALS = [
  { id: 'g-bolig', text: 'Borgeren beholder sin lejlighed' },
  { id: 'g-rusmidler', text: 'Borgeren nedsætter sit forbrug af hash og holder sine aftaler i behandlingen' },
  { id: 'g-hverdag', text: 'Borgeren får en fast ugentlig aktivitet, gerne en praktik' },
];

export const EFFORTS = [
  {
    id: 'e-afdrag',
    what: 'Aftale en afdragsordning på huslejerestancen med boligselskabet',
    goalId: 'g-bolig',
    ownerId: 'p-aisha',
    due: '2026-10-01',
    status: 'iGang',
  },
  {
    id: 'e-samtaler',
    what: 'Ugentlige samtaler i Rusmiddelcentret om forbruget',
    goalId: 'g-rusmidler',
    ownerId: 'p-mette',
    due: '2026-12-03',
    status: 'iGang',
  },
  {
    id: 'e-indkoeb',
    what: 'Støtte til indkøb og betaling af regninger hver fredag',
    goalId: 'g-bolig',
    ownerId: 'p-jonas',
    due: '2026-11-15',
    status: 'aaben',
  },
  {
    id: 'e-praktik',
    what: 'Afklare en praktikplads i genbrugsbutikken på Torvet',
    goalId: 'g-hverdag',
    ownerId: 'p-peter',
    due: '2026-11-30',
    status: 'aaben',
  },
  {
    id: 'e-medicin',
    what: 'Medicingennemgang og fast tid til kontrol i distriktspsykiatrien',
    goalId: 'g-rusmidler',
    ownerId: 'p-karen',
    due: '2026-10-15',
    status: 'aaben',
  },
  {
    id: 'e-egen-samtaler',
    what: 'Møde op til samtalerne i Rusmiddelcentret hver tirsdag',
    goalId: 'g-rusmidler',
    ownerId: 'p-jens',
    due: '2026-12-03',
    status: 'aaben',
  },
  {
    id: 'e-egen-post',
    what: 'Åbne posten sammen med bostøtten hver fredag',
    goalId: 'g-bolig',
    ownerId: 'p-jens',
    due: '2026-12-03',
    status: 'aaben',
  },
  {
    id: 'e-laege',
    what: 'Følge op på den nye medicin ved næste kontrol',
    goalId: 'g-rusmidler',
    ownerId: 'p-ole',
    due: '2026-10-30',
    status: 'aaben',
  },
  {
    id: 'e-botilbud',
    what: 'Undersøge et midlertidigt botilbud, hvis lejligheden alligevel går tabt',
    goalId: 'g-bolig',
    ownerId: 'p-lars',
    due: '2026-11-01',
    status: 'udfoert',
  },
  {
    id: 'e-lise',
    what: 'Tage med til det første møde i praktikken',
    goalId: 'g-hverdag',
    ownerId: 'p-lise',
    due: '2026-12-01',
    status: 'aaben',
  },
  {
    id: 'e-tilsyn',
    what: 'Samordne tilsynssamtalerne med bostøtten',
    goalId: 'g-hverdag',
    ownerId: 'p-mikkel',
    due: '2026-10-20',
    status: 'aaben',
  },
] as const;

interface SeedRefs {
  users: UserRecord[];
  eventId: string;
  joinUrl: string;
  chatId: string;
  /** Chat id and message id of each Teams recipient's copy of the minutes. */
  chatReceipts: Map<string, { chatId: string; messageId: string }>;
  meetingChatMessageId: string;
}

export const planDocument = (refs: SeedRefs): Record<string, unknown> => {
  const person = (email: string): UserRecord => {
    const user = refs.users.find((candidate) => candidate.mail === email);
    if (!user) throw new Error(`seed: no user ${email}`);
    return user;
  };
  const participants = PLAN_PARTICIPANTS.map(({ id, email }) => {
    const user = person(email);
    return {
      id,
      name: user.displayName,
      email: user.mail,
      organisation: user.companyName || (user.sector === 'borger' ? 'Borger' : 'Pårørende'),
      sector: user.sector,
      reach: user.kind,
      userId: user.kind === 'emailOnly' ? null : user.id,
      tenantId: user.kind === 'federated' ? REGION_TENANT.id : user.kind === 'inTenant' ? HOME_TENANT.id : null,
    };
  });
  const round = [
    {
      participantId: 'p-mette',
      relation: 'Behandler i Rusmiddelcentret siden marts 2026.',
      currentWork: 'Ugentlige samtaler om hashforbruget; motivationsarbejde.',
      challenges: 'Udeblivelser fra hver anden samtale.',
    },
    {
      participantId: 'p-jonas',
      relation: 'Bostøtte to gange om ugen.',
      currentWork: 'Struktur i hverdagen, indkøb og post.',
      challenges: 'Uåbnede rykkere; manglende overblik over økonomien.',
    },
    {
      participantId: 'p-aisha',
      relation: 'Sagsbehandler efter serviceloven.',
      currentWork: 'Bevilling af bostøtte; kontakt til boligselskabet.',
      challenges: 'Huslejerestance på tre måneder.',
    },
    {
      participantId: 'p-peter',
      relation: 'Jobkonsulent i Jobcentret.',
      currentWork: 'Afklaring af ressourceforløb.',
      challenges: 'Ingen aktivitet uden for hjemmet.',
    },
    {
      participantId: 'p-karen',
      relation: 'Kontaktperson i distriktspsykiatrien.',
      currentWork: 'Opfølgning på medicin og symptomer.',
      challenges: 'Uregelmæssig medicinindtagelse.',
    },
    {
      participantId: 'p-anders',
      relation: 'Overlæge, behandlingsansvarlig.',
      currentWork: 'Justering af antipsykotisk behandling.',
      challenges: 'Samspil mellem hash og psykotiske symptomer.',
    },
    {
      participantId: 'p-lars',
      relation: 'Pædagog på Botilbuddet Engly.',
      currentWork: 'Ingen aktuel indsats; deltager som mulig alternativ boform.',
      challenges: '',
    },
    {
      participantId: 'p-mikkel',
      relation: 'Socialrådgiver i Kriminalforsorgen (tilsyn).',
      currentWork: 'Månedlige tilsynssamtaler.',
      challenges: '',
    },
    {
      participantId: 'p-ole',
      relation: 'Egen læge.',
      currentWork: 'Afbud; skriftligt input læst op af koordinator.',
      challenges: '',
    },
    {
      participantId: 'p-lise',
      relation: 'Søster.',
      currentWork: 'Ser borgeren hver søndag.',
      challenges: 'Bekymret for økonomien.',
    },
  ].map((entry) => ({ ...entry, done: true }));
  const minutes = {
    round,
    challenges: [
      { id: 'c-bolig', text: 'Huslejerestance på tre måneder; risiko for udsættelse.' },
      { id: 'c-rusmidler', text: 'Dagligt hashforbrug og udeblivelser fra behandlingen.' },
      { id: 'c-hverdag', text: 'Ingen fast dagsstruktur eller aktivitet uden for hjemmet.' },
    ],
    goals: GOALS,
    efforts: EFFORTS.map((effort) => ({ ...effort })),
    followUp: [],
    acceptance: 'iMoedet',
    nextTovholderId: 'p-peter',
    nextMeetingBy: '2026-12-03',
  };
  const at = (minutesAfterStart: number): string => new Date(MEETING_START + minutesAfterStart * 60_000).toISOString();
  const recipients = PLAN_PARTICIPANTS.map(({ id, email }) => {
    const user = person(email);
    if (id === 'p-mikkel') {
      return {
        participantId: id,
        channel: 'chat',
        status: 'skipped',
        chatId: null,
        messageId: null,
        error: 'Uden for samtykket (Kriminalforsorgen).',
        at: null,
      };
    }
    if (id === 'p-aisha') {
      return {
        participantId: id,
        channel: 'meetingChat',
        status: 'sent',
        chatId: refs.chatId,
        messageId: refs.meetingChatMessageId,
        error: null,
        at: at(100),
      };
    }
    if (user.kind === 'emailOnly') {
      return {
        participantId: id,
        channel: 'email',
        status: 'sent',
        chatId: null,
        messageId: null,
        error: null,
        at: at(100),
      };
    }
    const receipt = refs.chatReceipts.get(user.id);
    return {
      participantId: id,
      channel: 'chat',
      status: receipt ? 'sent' : 'failed',
      chatId: receipt?.chatId ?? null,
      messageId: receipt?.messageId ?? null,
      error: null,
      at: at(100),
    };
  });
  return {
    schemaVersion: 1,
    id: SEEDED_PLAN_ID,
    caseReference: CASE_REFERENCE,
    citizenName: 'Jens Holm',
    participants,
    consent: {
      information:
        'Oplysninger om psykisk helbred, rusmiddelbrug, bolig, økonomi og beskæftigelse, som er nødvendige for den koordinerende indsatsplan.',
      recipients: [
        ...[
          'Sundby Rusmiddelcenter',
          'Socialpsykiatrien Sundby',
          'Borgerservice Sundby',
          'Jobcenter Sundby',
          'Botilbuddet Engly',
          'Distriktspsykiatrien Sundby',
          'Psykiatrisk afsnit P3',
          'Lægehuset Sundby',
        ].map((organisation) => ({ kind: 'organisation', organisation })),
        { kind: 'participant', participantId: 'p-jens' },
        { kind: 'participant', participantId: 'p-lise' },
      ],
      purpose: 'At koordinere indsatserne fra region og kommune i én fælles plan med borgeren.',
      form: 'skriftligt',
      givenOn: '2026-09-03',
      validUntil: '2027-09-03',
      withdrawnOn: null,
    },
    meetings: [
      {
        id: 'm-2026-09-03',
        start: new Date(MEETING_START).toISOString(),
        end: new Date(MEETING_END).toISOString(),
        eventId: refs.eventId,
        transactionId: MEETING_TRANSACTION_ID,
        joinUrl: refs.joinUrl,
        chatId: refs.chatId,
        invitees: PLAN_PARTICIPANTS.map(({ id }) => ({
          participantId: id,
          required: id !== 'p-lars' && id !== 'p-lise',
          attendance:
            id === 'p-ole'
              ? {
                  kind: 'apologies',
                  writtenInput:
                    'Medicinen er justeret i august. Jeg ser borgeren til kontrol hver fjerde uge og vil gerne have besked ved udeblivelse.',
                }
              : { kind: 'present' },
          response: id === 'p-ole' ? 'declined' : 'accepted',
        })),
        roles: { koordinator: 'p-mette', moedeleder: 'p-jonas', referent: 'p-aisha' },
        agenda: AGENDA.map((item) => ({ ...item })),
        agendaSteps: [
          { key: 'stamoplysninger', at: at(0) },
          { key: 'afdaekning', at: at(11) },
          { key: 'udfordringer', at: at(44) },
          { key: 'maal', at: at(58) },
          { key: 'opfoelgning', at: at(76) },
        ],
        minutes,
        summaryConfirmedAt: at(88),
        delivery: { deliveryId: DELIVERY_ID, startedAt: at(100), recipients, sentMinutes: minutes },
      },
    ],
    createdAt: new Date(Date.UTC(2026, 7, 20, 8, 0)).toISOString(),
    updatedAt: at(101),
  };
};
