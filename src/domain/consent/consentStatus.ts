/**
 * Samtykke: may information about the citizen be shared, and with whom, today?
 * The consent is specific (named organisations or persons) and time-bound (given on, valid until, withdrawn on);
 * outside it, nothing about the citizen leaves the plan (forvaltningsloven § 28, sundhedsloven §§ 41–43).
 */
import type { Consent, Participant, Plan } from '../plan/planDocument';
import { problem, type Problem } from '../problems';
import { formatDate } from '../time/danishTime';

export type ConsentState = 'missing' | 'valid' | 'expired' | 'withdrawn' | 'notYetValid';

/**
 * The state of the consent on a calendar day (YYYY-MM-DD, Copenhagen). `validUntil` is the last valid day;
 * a consent withdrawn on a day is no longer valid on that day.
 */
export const consentStatus = (consent: Consent | null, today: string): ConsentState => {
  if (consent === null) return 'missing';
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.givenOn > today) return 'notYetValid';
  if (consent.validUntil !== null && consent.validUntil < today) return 'expired';
  return 'valid';
};

/** True when the consent runs out before that day (so it no longer holds on it). Missing consent: true. */
export const consentExpiresBefore = (consent: Consent | null, date: string): boolean => {
  if (consent === null) return true;
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= date) return true;
  return consent.validUntil !== null && consent.validUntil < date;
};

/** Organisation names compare as people type them: case and surrounding or doubled spaces do not matter. */
export const sameOrganisation = (a: string, b: string): boolean =>
  normaliseOrganisation(a) === normaliseOrganisation(b);

const normaliseOrganisation = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');

/** The problem with the consent itself on that day, or null when it is valid. Errors: they stop sending. */
export const consentStateProblem = (consent: Consent | null, today: string): Problem | null => {
  const state = consentStatus(consent, today);
  switch (state) {
    case 'valid':
      return null;
    case 'missing':
      return problem(
        'consent.missing',
        'error',
        'consent',
        'Samtykke mangler: der er ikke registreret noget samtykke fra borgeren. Registrér samtykket (hvilke oplysninger, til hvem, formål, form og gyldighed) under Stamoplysninger, før referatet sendes.',
        'Consent missing: no consent from the citizen has been recorded. Record the consent (which information, to whom, purpose, form and validity) under Basic information before the minutes are sent.',
      );
    case 'withdrawn': {
      const on = consent?.withdrawnOn ?? today;
      return problem(
        'consent.withdrawn',
        'error',
        'consent',
        `Borgeren har trukket samtykket tilbage (${formatDate(on, 'da')}). Der må ikke deles oplysninger, og referatet kan ikke sendes. Tal med borgeren, og registrér et nyt samtykke, hvis borgeren giver det.`,
        `The citizen withdrew the consent (${formatDate(on, 'en')}). No information may be shared and the minutes cannot be sent. Talk to the citizen and record a new consent if they give one.`,
      );
    }
    case 'expired': {
      const until = consent?.validUntil ?? today;
      return problem(
        'consent.expired',
        'error',
        'consent.validUntil',
        `Samtykket udløb ${formatDate(until, 'da')}. Referatet kan ikke sendes. Indhent et nyt samtykke fra borgeren, og registrér det under Stamoplysninger.`,
        `The consent expired on ${formatDate(until, 'en')}. The minutes cannot be sent. Obtain a new consent from the citizen and record it under Basic information.`,
      );
    }
    case 'notYetValid': {
      const given = consent?.givenOn ?? today;
      return problem(
        'consent.notYetValid',
        'error',
        'consent.givenOn',
        `Samtykket gælder først fra ${formatDate(given, 'da')}. Ret datoen for, hvornår samtykket blev givet, hvis den er forkert.`,
        `The consent only applies from ${formatDate(given, 'en')}. Correct the date the consent was given if it is wrong.`,
      );
    }
  }
};

export type MayReceive = { allowed: true } | { allowed: false; problem: Problem };

const namedAsPerson = (consent: Consent, participantId: string): boolean =>
  consent.recipients.some((r) => r.kind === 'participant' && r.participantId === participantId);

const coveredByOrganisation = (consent: Consent, participant: Participant): boolean =>
  participant.organisation.trim() !== '' &&
  consent.recipients.some(
    (r) => r.kind === 'organisation' && sameOrganisation(r.organisation, participant.organisation),
  );

const outside = (participant: Participant, relative: boolean): Problem => {
  const who = participant.organisation.trim() ? `${participant.name} (${participant.organisation})` : participant.name;
  return relative
    ? problem(
        'consent.recipientOutside',
        'error',
        `participants.${participant.id}`,
        `${who} er pårørende og er ikke nævnt ved navn i samtykket, så ${participant.name} får ikke referatet. Spørg borgeren, om ${participant.name} må få det, og tilføj personen til samtykket.`,
        `${who} is a relative and is not named in the consent, so ${participant.name} will not receive the minutes. Ask the citizen whether ${participant.name} may have them, and add the person to the consent.`,
      )
    : problem(
        'consent.recipientOutside',
        'error',
        `participants.${participant.id}`,
        `${who} er ikke omfattet af samtykket, så ${participant.name} får ikke referatet. Skal ${participant.name} have det, skal borgeren give samtykke til organisationen eller personen.`,
        `${who} is not covered by the consent, so ${participant.name} will not receive the minutes. If ${participant.name} should have them, the citizen must consent to the organisation or the person.`,
      );
};

/**
 * May this participant receive the minutes today? The citizen always may (it is their plan). Relatives only
 * when named in the consent as persons. Everyone else when their organisation or they themselves are named.
 */
export const mayReceiveMinutes = (plan: Plan, participantId: string, today: string): MayReceive => {
  const participant = plan.participants.find((p) => p.id === participantId);
  if (!participant) {
    return {
      allowed: false,
      problem: problem(
        'consent.unknownRecipient',
        'error',
        `participants.${participantId}`,
        'Modtageren er ikke deltager i planen og kan ikke få referatet. Tilføj personen som deltager først.',
        'The recipient is not a participant in the plan and cannot receive the minutes. Add the person as a participant first.',
      ),
    };
  }
  if (participant.sector === 'borger') return { allowed: true };
  const stateProblem = consentStateProblem(plan.consent, today);
  if (stateProblem) return { allowed: false, problem: stateProblem };
  // consentStateProblem is null only for a present consent.
  const consent = plan.consent as Consent;
  if (participant.sector === 'paaroerende') {
    return namedAsPerson(consent, participant.id)
      ? { allowed: true }
      : { allowed: false, problem: outside(participant, true) };
  }
  return namedAsPerson(consent, participant.id) || coveredByOrganisation(consent, participant)
    ? { allowed: true }
    : { allowed: false, problem: outside(participant, false) };
};

/**
 * Everything about the consent the coordinator should see: the consent's own state (an error for sending)
 * and, while it is valid, one warning per participant it does not cover (they simply get nothing).
 */
export const consentProblems = (plan: Plan, today: string): Problem[] => {
  const stateProblem = consentStateProblem(plan.consent, today);
  if (stateProblem) return [stateProblem];
  return plan.participants.flatMap((p) => {
    const answer = mayReceiveMinutes(plan, p.id, today);
    return answer.allowed ? [] : [{ ...answer.problem, severity: 'warning' as const }];
  });
};
