/**
 * Readable test data: `aPlan().withParticipants(12).withConsent(null).build()`, `aMeeting().startingAt('2027-03-04')`,
 * `anEffort({ ownerId: 'p-jens' })`, and `demoPlan()`, the seeded demo case KI-2026-014 (Jens Holm).
 * Every builder returns a document that PlanSchema accepts unless a test deliberately breaks it.
 */
import { standardAgenda } from '../../src/domain/agenda/standardAgenda';
import { emptyMinutes } from '../../src/domain/minutes/emptyMinutes';
import {
  SCHEMA_VERSION,
  type AgendaItem,
  type AgendaStep,
  type Attendance,
  type Challenge,
  type AccessRecord,
  type Consent,
  type ConsentRecipient,
  type Effort,
  type FollowUpEntry,
  type Goal,
  type Invitee,
  type Meeting,
  type Minutes,
  type Participant,
  type Plan,
  type Roles,
  type RoundEntry,
} from '../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../src/domain/time/danishTime';
import { cast, HOME_TENANT as HOME, REGION_TENANT as REGION, type CastKey } from './cast';

export const HOME_TENANT = HOME.id;
export const REGION_TENANT = REGION.id;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

const slug = (name: string) =>
  name
    .toLocaleLowerCase('da-DK')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A professional in our own tenant unless told otherwise. The id is derived from the name when not given. */
export const aParticipant = (over: Partial<Participant> = {}): Participant => {
  const name = over.name ?? `Deltager ${counter + 1}`;
  const reach = over.reach ?? 'inTenant';
  return {
    id: over.id ?? (over.name ? `p-${slug(name)}` : nextId('p')),
    name,
    email: over.email === undefined ? `${slug(name).replace(/-/g, '.')}@${HOME.domain}` : over.email,
    organisation: over.organisation ?? 'Socialpsykiatrien Sundby',
    sector: over.sector ?? 'socialpsykiatri',
    reach,
    userId: over.userId === undefined ? (reach === 'emailOnly' ? null : `user-${slug(name)}`) : over.userId,
    tenantId: over.tenantId === undefined ? (reach === 'federated' ? REGION_TENANT : null) : over.tenantId,
  };
};

/** A demo person as a participant's fields (the id and the Entra user id are aParticipant's, from the name). */
const fromCast = (key: CastKey): Partial<Participant> => {
  const { name, upn, organisation, sector, reach } = cast[key];
  return { name, email: upn, organisation, sector, reach };
};

/** Borgeren: reachable by e-mail only, no organisation. */
export const theCitizen = (over: Partial<Participant> = {}): Participant =>
  aParticipant({ ...fromCast('jens'), ...over });

/** Pårørende. */
export const aRelative = (over: Partial<Participant> = {}): Participant =>
  aParticipant({ ...fromCast('lise'), ...over });

/** A written consent valid 3 September 2026 to 3 September 2027, covering whom it is told to. */
export const aConsent = (over: Partial<Consent> = {}): Consent => ({
  information:
    'Helbredsoplysninger om psykisk sygdom og rusmiddelforbrug, samt bolig, økonomi og beskæftigelse, i det omfang det er nødvendigt for planen',
  recipients: [],
  purpose: 'Koordinerende indsatsplan',
  form: 'skriftligt',
  givenOn: '2026-09-03',
  validUntil: '2027-09-03',
  withdrawnOn: null,
  ...over,
});

export const organisationRecipient = (organisation: string): ConsentRecipient => ({
  kind: 'organisation',
  organisation,
});
export const personRecipient = (participantId: string): ConsentRecipient => ({ kind: 'participant', participantId });

/** A consent naming these participants' organisations (relatives by name), as coordinators usually write it. */
export const consentCovering = (participants: readonly Participant[], over: Partial<Consent> = {}): Consent => {
  const organisations = [...new Set(participants.map((p) => p.organisation).filter((o) => o.trim() !== ''))];
  const relatives = participants.filter((p) => p.sector === 'paaroerende').map((p) => personRecipient(p.id));
  return aConsent({ recipients: [...organisations.map(organisationRecipient), ...relatives], ...over });
};

export const aGoal = (over: Partial<Goal> = {}): Goal => ({
  id: over.id ?? nextId('g'),
  text: over.text ?? 'Jens har en stabil bolig',
});
export const aChallenge = (over: Partial<Challenge> = {}): Challenge => ({
  id: over.id ?? nextId('c'),
  text: over.text ?? 'Risiko for at miste boligen på grund af huslejerestance',
});
export const anEffort = (over: Partial<Effort> = {}): Effort => ({
  id: over.id ?? nextId('e'),
  what: 'Søge om hjælp til huslejerestancen',
  goalId: null,
  ownerId: null,
  due: null,
  status: 'aaben',
  ...over,
});
export const aFollowUp = (over: Partial<FollowUpEntry> = {}): FollowUpEntry => ({
  effortId: over.effortId ?? nextId('e'),
  what: 'Søge om hjælp til huslejerestancen',
  ownerId: null,
  status: null,
  note: '',
  ...over,
});
export const aRoundEntry = (participantId: string, over: Partial<RoundEntry> = {}): RoundEntry => ({
  participantId,
  relation: '',
  currentWork: '',
  challenges: '',
  done: false,
  ...over,
});
export const someMinutes = (over: Partial<Minutes> = {}): Minutes => ({ ...emptyMinutes(), ...over });

export class MeetingBuilder {
  private id = nextId('m');
  private date = '2027-03-04';
  private time = '13:00';
  private length = 90;
  private roles: Partial<Roles> = {};
  private invitees: Invitee[] | null = null;
  private attendance = new Map<string, Attendance>();
  private agenda: AgendaItem[] | null = null;
  private steps: AgendaStep[] = [];
  private minutes: Minutes = emptyMinutes();
  private extra: Partial<Meeting> = {};

  withId(id: string): this {
    this.id = id;
    return this;
  }
  /** A Copenhagen wall-clock start, e.g. ('2027-03-04', '13:00'). */
  startingAt(date: string, time = '13:00'): this {
    this.date = date;
    this.time = time;
    return this;
  }
  lasting(minutes: number): this {
    this.length = minutes;
    return this;
  }
  withRoles(roles: Partial<Roles>): this {
    this.roles = { ...this.roles, ...roles };
    return this;
  }
  withInvitees(invitees: Invitee[]): this {
    this.invitees = invitees;
    return this;
  }
  withAttendance(participantId: string, attendance: Attendance): this {
    this.attendance.set(participantId, attendance);
    return this;
  }
  withAgenda(agenda: AgendaItem[]): this {
    this.agenda = agenda;
    return this;
  }
  withAgendaSteps(steps: AgendaStep[]): this {
    this.steps = steps;
    return this;
  }
  withMinutes(minutes: Partial<Minutes>): this {
    this.minutes = { ...this.minutes, ...minutes };
    return this;
  }
  with(extra: Partial<Meeting>): this {
    this.extra = { ...this.extra, ...extra };
    return this;
  }

  /** Participants given: everyone is invited (required) unless invitees were set, and roles default to the first three professionals. */
  build(participants: readonly Participant[] = []): Meeting {
    const start = copenhagenInstant(this.date, this.time);
    const end = new Date(start.getTime() + this.length * 60000);
    const professionals = participants.filter((p) => p.sector !== 'borger' && p.sector !== 'paaroerende');
    const invitees =
      this.invitees ??
      participants.map((p) => ({
        participantId: p.id,
        required: true,
        attendance: { kind: 'unknown' } as Attendance,
        response: 'none' as const,
      }));
    return {
      id: this.id,
      start: start.toISOString(),
      end: end.toISOString(),
      eventId: null,
      transactionId: null,
      joinUrl: null,
      chatId: null,
      invitees: invitees.map((i) => ({ ...i, attendance: this.attendance.get(i.participantId) ?? i.attendance })),
      roles: {
        koordinator: professionals[0]?.id ?? null,
        moedeleder: professionals[1]?.id ?? null,
        referent: professionals[2]?.id ?? null,
        ...this.roles,
      },
      agenda: this.agenda ?? standardAgenda(this.length),
      agendaSteps: this.steps,
      minutes: this.minutes,
      summaryConfirmedAt: null,
      delivery: null,
      ...this.extra,
    };
  }
}

export const aMeeting = (): MeetingBuilder => new MeetingBuilder();

/** The demo people, in a fixed order; `withParticipants(n)` takes the citizen and then the first n-1 of these. */
export const demoPeople = {
  mette: aParticipant({ id: 'p-mette', ...fromCast('mette') }),
  jonas: aParticipant({ id: 'p-jonas', ...fromCast('jonas') }),
  aisha: aParticipant({ id: 'p-aisha', ...fromCast('aisha') }),
  peter: aParticipant({ id: 'p-peter', ...fromCast('peter') }),
  sofie: aParticipant({ id: 'p-sofie', ...fromCast('sofie') }),
  lars: aParticipant({ id: 'p-lars', ...fromCast('lars') }),
  hanne: aParticipant({ id: 'p-hanne', ...fromCast('hanne') }),
  mikkel: aParticipant({ id: 'p-mikkel', ...fromCast('mikkel') }),
  karen: aParticipant({ id: 'p-karen', ...fromCast('karen') }),
  anders: aParticipant({ id: 'p-anders', ...fromCast('anders') }),
  birgitte: aParticipant({ id: 'p-birgitte', ...fromCast('birgitte') }),
  ole: aParticipant({ id: 'p-ole', ...fromCast('ole') }),
  jens: theCitizen({ id: 'p-jens' }),
  lise: aRelative({ id: 'p-lise' }),
} satisfies Record<CastKey, Participant>;

const professionalsInOrder = [
  demoPeople.mette,
  demoPeople.jonas,
  demoPeople.aisha,
  demoPeople.peter,
  demoPeople.sofie,
  demoPeople.lars,
  demoPeople.hanne,
  demoPeople.karen,
  demoPeople.anders,
  demoPeople.birgitte,
  demoPeople.ole,
  demoPeople.mikkel,
];

export class PlanBuilder {
  private id = nextId('plan');
  private caseReference = 'KI-2027-001';
  private citizenName = cast.jens.name;
  private participants: Participant[] = [demoPeople.jens, demoPeople.mette, demoPeople.jonas, demoPeople.aisha];
  private consent: Consent | null | 'coverEveryone' = 'coverEveryone';
  private meetings: (MeetingBuilder | Meeting)[] = [];
  private access: AccessRecord | null = null;

  withId(id: string): this {
    this.id = id;
    return this;
  }
  withAccess(access: AccessRecord | null): this {
    this.access = access;
    return this;
  }
  withCaseReference(caseReference: string): this {
    this.caseReference = caseReference;
    return this;
  }
  withCitizenName(name: string): this {
    this.citizenName = name;
    return this;
  }
  /**
   * A number: the citizen first, then that many minus one of the demo professionals (generated people beyond 13).
   * A list: exactly those people.
   */
  withParticipants(participants: number | Participant[]): this {
    if (typeof participants !== 'number') {
      this.participants = participants;
      return this;
    }
    const professionals = Array.from(
      { length: Math.max(0, participants - 1) },
      (_, i) =>
        professionalsInOrder[i] ??
        aParticipant({
          id: `p-extra-${i + 1}`,
          name: `Deltager ${i + 1}`,
          email: `deltager.${i + 1}@${HOME.domain}`,
        }),
    );
    this.participants = [demoPeople.jens, ...professionals];
    return this;
  }
  addParticipant(participant: Participant): this {
    this.participants = [...this.participants, participant];
    return this;
  }
  /** Null: no consent recorded. Without this call the consent covers everyone's organisation. */
  withConsent(consent: Consent | null): this {
    this.consent = consent;
    return this;
  }
  withMeeting(meeting: MeetingBuilder | Meeting): this {
    this.meetings = [...this.meetings, meeting];
    return this;
  }

  build(): Plan {
    return {
      schemaVersion: SCHEMA_VERSION,
      id: this.id,
      caseReference: this.caseReference,
      citizenName: this.citizenName,
      participants: this.participants,
      consent: this.consent === 'coverEveryone' ? consentCovering(this.participants) : this.consent,
      meetings: this.meetings.map((m) => (m instanceof MeetingBuilder ? m.build(this.participants) : m)),
      createdAt: '2026-08-20T08:00:00.000Z',
      updatedAt: '2026-09-03T12:45:00.000Z',
      access: this.access,
    };
  }
}

export const aPlan = (): PlanBuilder => new PlanBuilder();

/** Ids in the demo plan's minutes, so tests can point at them. */
export const demoIds = {
  planId: 'plan-ki-2026-014',
  meetingId: 'm-2026-09-03',
  goals: { bolig: 'g-bolig', rusmidler: 'g-rusmidler', aktivitet: 'g-aktivitet' },
  efforts: {
    huslejerestance: 'e-huslejerestance',
    behandlingsplan: 'e-behandlingsplan',
    medicin: 'e-medicin',
    praktik: 'e-praktik',
    bad: 'e-bad',
  },
} as const;

/**
 * The seeded demo case (see the team brief): KI-2026-014 for Jens Holm, one meeting held 3 September 2026
 * 13.00–14.30 with its minutes (next tovholder Peter Nielsen, next meeting by 3 December 2026), and a written
 * consent from 3 September 2026 to 3 September 2027 covering everyone's organisation except Kriminalforsorgen.
 */
export const demoPlan = (): Plan => {
  const p = demoPeople;
  const participants = [
    p.jens,
    p.lise,
    p.mette,
    p.jonas,
    p.aisha,
    p.peter,
    p.sofie,
    p.lars,
    p.hanne,
    p.mikkel,
    p.karen,
    p.anders,
    p.birgitte,
    p.ole,
  ];
  const consent = consentCovering(
    participants.filter((x) => x.id !== p.mikkel.id),
    { givenOn: '2026-09-03', validUntil: '2027-09-03' },
  );
  const { goals, efforts } = demoIds;
  const minutes: Minutes = {
    round: [
      aRoundEntry(p.mette.id, {
        relation: 'Behandler i rusmiddelcentret siden foråret',
        currentWork: 'Ambulant alkoholbehandling, samtaler hver uge',
        challenges: 'Uregelmæssigt fremmøde',
        done: true,
      }),
      aRoundEntry(p.karen.id, {
        relation: 'Kontaktperson i distriktspsykiatrien',
        currentWork: 'Medicinopfølgning',
        challenges: 'Bivirkninger af medicinen',
        done: true,
      }),
    ],
    challenges: [
      { id: 'c-bolig', text: 'Huslejerestance: risiko for at miste lejligheden' },
      { id: 'c-rus', text: 'Daglig brug af alkohol og hash' },
    ],
    goals: [
      { id: goals.bolig, text: 'Jens beholder sin lejlighed' },
      { id: goals.rusmidler, text: 'Jens drikker mindre og ryger mindre hash' },
      { id: goals.aktivitet, text: 'Jens har noget at stå op til om morgenen' },
    ],
    efforts: [
      {
        id: efforts.huslejerestance,
        what: 'Søge enkeltydelse til huslejerestancen',
        goalId: goals.bolig,
        ownerId: p.aisha.id,
        due: '2026-09-30',
        status: 'aaben',
      },
      {
        id: efforts.behandlingsplan,
        what: 'Lave behandlingsplan for alkohol og hash sammen med Jens',
        goalId: goals.rusmidler,
        ownerId: p.mette.id,
        due: '2026-10-15',
        status: 'iGang',
      },
      {
        id: efforts.medicin,
        what: 'Gennemgå medicinen og bivirkningerne',
        goalId: goals.rusmidler,
        ownerId: p.anders.id,
        due: '2026-10-01',
        status: 'aaben',
      },
      {
        id: efforts.praktik,
        what: 'Finde et praktiksted med få timer om ugen',
        goalId: goals.aktivitet,
        ownerId: p.peter.id,
        due: '2026-11-15',
        status: 'aaben',
      },
      {
        id: efforts.bad,
        what: 'Tage bad og rydde op i køkkenet før næste møde',
        goalId: goals.bolig,
        ownerId: p.jens.id,
        due: '2026-12-03',
        status: 'aaben',
      },
    ],
    followUp: [],
    acceptance: 'iMoedet',
    nextTovholderId: p.peter.id,
    nextMeetingBy: '2026-12-03',
  };
  const absentees: Record<string, Attendance> = {
    [p.ole.id]: { kind: 'apologies', writtenInput: 'Jens er startet på ny medicin; blodprøver er fine.' },
    [p.birgitte.id]: { kind: 'absent' },
  };
  const meeting = aMeeting()
    .withId(demoIds.meetingId)
    .startingAt('2026-09-03', '13:00')
    .lasting(90)
    .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
    .withInvitees(
      participants.map((x) => ({
        participantId: x.id,
        required: x.sector !== 'paaroerende',
        attendance: absentees[x.id] ?? { kind: 'present' },
        response: x.id === p.birgitte.id ? 'declined' : 'accepted',
      })),
    )
    .withAgendaSteps([
      { key: 'stamoplysninger', at: '2026-09-03T11:00:00.000Z' },
      { key: 'afdaekning', at: '2026-09-03T11:06:00.000Z' },
      { key: 'udfordringer', at: '2026-09-03T11:42:00.000Z' },
      { key: 'maal', at: '2026-09-03T11:57:00.000Z' },
      { key: 'opfoelgning', at: '2026-09-03T12:15:00.000Z' },
    ])
    .withMinutes(minutes)
    .with({
      eventId: 'event-ki-2026-014-1',
      transactionId: 'tx-ki-2026-014-1',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ki2026014%40thread.v2/0',
      chatId: '19:meeting_ki2026014@thread.v2',
      summaryConfirmedAt: '2026-09-03T12:25:00.000Z',
    })
    .build(participants);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: demoIds.planId,
    caseReference: 'KI-2026-014',
    citizenName: cast.jens.name,
    participants,
    consent,
    meetings: [meeting],
    createdAt: '2026-08-20T08:00:00.000Z',
    updatedAt: '2026-09-03T12:45:00.000Z',
    access: null,
  };
};
