import { SectorSchema, type Minutes, type Participant, type Plan } from '../../../src/domain/plan/planDocument';
import { aGoal, aChallenge, aMeeting, aPlan, anEffort, consentCovering } from '../../support/builders';
import type { DemoUser, SandboxInspector } from './sandboxInspector';

/**
 * A test's starting point written straight into the sandbox's plan library, the way the app stores plans: a plan
 * whose meeting is under way. The journey books through the UI; the narrower browser tests start here so each one
 * is about one thing (the keyboard, faults) and does not spend a minute booking first.
 */

/** A demo person as a plan participant, with the real ids the sandbox gave them (chats need them). */
export const participantOf = (user: DemoUser): Participant => ({
  id: `p-${user.upn.split('@')[0]?.replace(/[^a-z0-9]+/gi, '-') ?? user.id}`,
  name: user.name,
  email: user.mail,
  organisation: user.organisation,
  sector: SectorSchema.parse(user.sector),
  reach: user.kind,
  userId: user.kind === 'emailOnly' ? null : user.id,
  tenantId: user.kind === 'federated' ? user.tenantId : null,
});

export interface ArrangedPlan {
  plan: Plan;
  /** Participant by upn. */
  who(upn: string): Participant;
}

export interface ArrangeOptions {
  caseReference: string;
  /** Everyone in the plan, by upn (the citizen and e-mail-only people included). */
  people: string[];
  /** Upns outside the consent (their organisation is not named in it). */
  outsideConsent?: string[];
  roles: { koordinator: string; moedeleder: string; referent: string };
  start: Date;
  lengthMinutes?: number;
  /** Fill the minutes in: what the referent has written by now. */
  minutes?: (who: (upn: string) => Participant) => Partial<Minutes>;
  summaryConfirmed?: boolean;
  /** The minutes were sent (a delivery with the minutes as sent, its receipts left out). */
  sent?: boolean;
}

/** Stores the plan in a place of its own, with the access its consent gives, and returns it. */
export const arrangeMeetingUnderWay = async (
  sandbox: SandboxInspector,
  options: ArrangeOptions,
): Promise<ArrangedPlan> => {
  const users = await sandbox.users();
  const participants = options.people.map((upn) => {
    const user = users.find((u) => u.upn === upn);
    if (!user) throw new Error(`no demo user ${upn}`);
    return participantOf(user);
  });
  const who = (upn: string): Participant => {
    const found = participants.find((p) => p.email === upn);
    if (!found) throw new Error(`${upn} is not in the arranged plan`);
    return found;
  };
  const outside = new Set((options.outsideConsent ?? []).map((upn) => who(upn).id));
  const lengthMinutes = options.lengthMinutes ?? 90;
  const end = new Date(options.start.getTime() + lengthMinutes * 60_000);
  const minutes = options.minutes?.(who) ?? {};
  const meeting = aMeeting()
    .lasting(lengthMinutes)
    .withRoles({
      koordinator: who(options.roles.koordinator).id,
      moedeleder: who(options.roles.moedeleder).id,
      referent: who(options.roles.referent).id,
    })
    .withMinutes(minutes)
    .with({
      start: options.start.toISOString(),
      end: end.toISOString(),
      summaryConfirmedAt: options.summaryConfirmed ? new Date(end.getTime() - 5 * 60_000).toISOString() : null,
    });
  const held = meeting.build();
  const withDelivery = options.sent
    ? meeting.with({
        delivery: {
          deliveryId: `arranged-${options.caseReference}`,
          startedAt: end.toISOString(),
          recipients: [],
          sentMinutes: held.minutes,
        },
      })
    : meeting;
  const drafted = aPlan()
    .withId(`plan-${options.caseReference.toLowerCase()}`)
    .withCaseReference(options.caseReference)
    .withParticipants(participants)
    .withConsent(
      consentCovering(
        participants.filter((p) => !outside.has(p.id)),
        { givenOn: '2026-09-01', validUntil: '2027-12-31' },
      ),
    )
    .withMeeting(withDelivery)
    .build();
  // Its real id is its place's, made by the koordinator, who gives the others their access.
  const plan = await sandbox.createPlan(drafted, options.roles.koordinator);
  return { plan, who };
};

/** Minutes the referent has finished: two goals, an effort per professional owner, the citizen's task, next tovholder. */
export const finishedMinutes =
  (owners: { upn: string; what: string }[], citizenUpn: string, nextTovholderUpn: string) =>
  (who: (upn: string) => Participant): Partial<Minutes> => {
    const housing = aGoal({ text: 'Stabil bolig med støtte i hverdagen' });
    const alcohol = aGoal({ text: 'Mindre forbrug af alkohol' });
    return {
      challenges: [aChallenge({ text: 'Huslejerestance og risiko for udsættelse' })],
      goals: [alcohol, housing],
      efforts: [
        ...owners.map((o, i) =>
          anEffort({
            what: o.what,
            ownerId: who(o.upn).id,
            goalId: i % 2 === 0 ? alcohol.id : housing.id,
            due: '2027-02-15',
          }),
        ),
        anEffort({
          what: 'Møde op til samtalerne i Rusmiddelcentret',
          ownerId: who(citizenUpn).id,
          goalId: alcohol.id,
          due: '2027-01-15',
        }),
      ],
      acceptance: 'iMoedet',
      nextTovholderId: who(nextTovholderUpn).id,
      nextMeetingBy: '2027-02-26',
    };
  };
