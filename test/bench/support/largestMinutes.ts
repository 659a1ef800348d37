/**
 * The largest realistic minutes (the benchmark's workload): 12 participants — the citizen and eleven professionals
 * from both sectors — and 40 efforts, with the goals, challenges, speaker round, afbud with written input and
 * follow-up of a busy meeting. A real case had 12 participants over 6 meetings (DOMAIN.md). Texts are plain
 * Danish a referent would write, saying "borgeren" rather than the name (as the summary policy requires).
 */
import type { Effort, Meeting, Participant, Plan } from '../../../src/domain/plan/planDocument';
import { addDays, addMonths, copenhagenDate } from '../../../src/domain/time/danishTime';
import { aMeeting, aPlan, consentCovering, demoPeople } from '../../support/builders';
import type { DemoUser } from './sandbox';

const WHAT = [
  'Søge enkeltydelse til huslejerestancen og aftale en afdragsordning med boligselskabet',
  'Ugentlige samtaler i rusmiddelcentret om forbruget af alkohol og hash',
  'Gennemgå medicinen og bivirkningerne ved næste kontrol i distriktspsykiatrien',
  'Følge borgeren til det første møde i jobcentret og aftale et realistisk antal timer',
  'Tage et bad og vaske tøj før næste møde',
  'Hjælpe med at åbne og sortere posten hver mandag, så rykkere bliver set i tide',
  'Undersøge muligheden for en plads i et aktivitetstilbud med faste mødetider',
  'Sende en sms dagen før hver samtale, så aftalerne bliver husket',
  'Lave en plan for weekenderne sammen med bostøtten, hvor forbruget er størst',
  'Tale med egen læge om søvnen og om, hvordan medicinen tages om aftenen',
  'Søge om hjælp til tandlæge via kommunens særlige tandpleje',
  'Aftale med pårørende, hvem der ringer, hvis borgeren ikke møder op',
];
const GOALS = [
  'Borgeren beholder sin lejlighed og har styr på huslejen',
  'Borgeren drikker mindre og ryger mindre hash, især i weekenderne',
  'Borgeren møder op til samtalerne i psykiatrien og tager medicinen som aftalt',
  'Borgeren har noget at stå op til om morgenen, gerne en praktik',
  'Borgeren har en hverdag med faste tider for søvn og måltider',
  'Borgeren har kontakt til familien og et netværk uden rusmidler',
];
const CHALLENGES = [
  'Huslejerestance på tre måneder og risiko for udsættelse',
  'Daglig brug af alkohol og hash, stigende i weekenderne',
  'Udeblivelser fra hver anden samtale i distriktspsykiatrien',
  'Uro og dårlig søvn efter medicinskiftet i sommer',
  'Ingen faste aktiviteter i hverdagen',
  'Konflikt med naboerne om larm om natten',
];
const NOTE =
  'Har kendt borgeren siden foråret og ser borgeren hver uge. Oplever, at det går bedre, når aftalerne er faste ' +
  'og skrevet ned, og at weekenderne er sværest.';

/** The twelve participants, with the sandbox's user ids when given (chats need them). */
export const twelveParticipants = (users: readonly DemoUser[] = []): Participant[] => {
  const idOf = new Map(users.map((u) => [u.mail.toLowerCase(), u.id]));
  const people = aPlan().withParticipants(12).build().participants;
  return people.map((p) => ({
    ...p,
    userId: p.reach === 'emailOnly' ? null : (idOf.get((p.email ?? '').toLowerCase()) ?? p.userId),
  }));
};

export interface LargestMinutesOptions {
  /** The meeting's start and end (ISO instants). */
  start: string;
  end: string;
  /** The day the minutes are written (consent and dates are around it). */
  today: string;
  users?: readonly DemoUser[];
  /** Extra participants (e.g. a relative, to have 12 recipients besides the referent). */
  extra?: Participant[];
  planId?: string;
}

export const largestMinutesPlan = (options: LargestMinutesOptions): Plan => {
  const participants = [...twelveParticipants(options.users), ...(options.extra ?? [])];
  const owners = participants.map((p) => p.id);
  const goals = GOALS.map((text, i) => ({ id: `g${i + 1}`, text }));
  const efforts: Effort[] = Array.from({ length: 40 }, (_, i) => ({
    id: `e${i + 1}`,
    what: `${WHAT[i % WHAT.length] as string}${i >= WHAT.length ? ` (del ${Math.floor(i / WHAT.length) + 1})` : ''}`,
    goalId: `g${(i % goals.length) + 1}`,
    ownerId: owners[i % owners.length] as string,
    due: addDays(options.today, 14 + ((i * 5) % 80)),
    status: i % 7 === 3 ? 'iGang' : 'aaben',
  }));
  const meeting: Meeting = aMeeting()
    .withId('m-bench')
    .withRoles({ koordinator: demoPeople.mette.id, moedeleder: demoPeople.jonas.id, referent: demoPeople.aisha.id })
    .withAttendance(demoPeople.ole.id, {
      kind: 'apologies',
      writtenInput: `Blodprøverne er fine. ${NOTE} Borgeren bør komme til kontrol af medicinen inden for en måned.`,
    })
    .withAttendance(demoPeople.birgitte.id, { kind: 'apologies', writtenInput: NOTE })
    .withMinutes({
      round: participants
        .filter((p) => p.sector !== 'borger')
        .map((p) => ({ participantId: p.id, relation: NOTE, currentWork: NOTE, challenges: NOTE, done: true })),
      challenges: CHALLENGES.map((text, i) => ({ id: `c${i + 1}`, text })),
      goals,
      efforts,
      followUp: Array.from({ length: 12 }, (_, i) => ({
        effortId: `old${i + 1}`,
        what: WHAT[(i + 3) % WHAT.length] as string,
        ownerId: owners[(i + 1) % owners.length] as string,
        status: (['udfoert', 'iGang', 'aendret', 'droppet'] as const)[i % 4] ?? 'iGang',
        note: i % 4 === 2 ? 'Aftalen er ændret, så bostøtten følger med første gang.' : '',
      })),
      acceptance: 'iMoedet',
      nextTovholderId: demoPeople.peter.id,
      nextMeetingBy: addMonths(options.today, 3),
    })
    .with({ start: options.start, end: options.end, summaryConfirmedAt: options.end })
    .build(participants);
  return aPlan()
    .withId(options.planId ?? 'plan-bench')
    .withCaseReference('KI-2026-099')
    .withParticipants(participants)
    .withConsent(
      consentCovering(participants, { givenOn: addDays(options.today, -30), validUntil: addDays(options.today, 335) }),
    )
    .withMeeting(meeting)
    .build();
};

/** A meeting that started `minutesAgo` ago and lasts 90 minutes, and today's date (Copenhagen). */
export const runningMeeting = (now: Date, minutesAgo = 45): { start: string; end: string; today: string } => {
  const start = new Date(now.getTime() - minutesAgo * 60000);
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + 90 * 60000).toISOString(),
    today: copenhagenDate(now),
  };
};
