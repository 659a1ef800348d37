/**
 * What the referent reads when the minutes did not reach someone, or may not have: what happened and what to do,
 * in Danish and English. "Prøv igen" is safe to press: it never sends anybody the minutes twice.
 */
import type { Participant } from '../plan/planDocument';
import type { Failure } from '../ports/outcome';
import type { NoticeReason } from '../privacy/privacyGuard';
import { problem, type Problem } from '../problems';

export const meetingNotFound = (meetingId: string | undefined) =>
  problem(
    'delivery.meetingNotFound',
    'error',
    null,
    meetingId
      ? `Mødet (${meetingId}) findes ikke i planen. Genindlæs planen, og prøv igen.`
      : 'Planen har intet møde endnu.',
    meetingId
      ? `The meeting (${meetingId}) is not in the plan. Reload the plan and try again.`
      : 'The plan has no meeting yet.',
  );

export const storeProblem = (failure: Failure) =>
  problem(
    'delivery.store',
    'error',
    null,
    `Planen kunne ikke læses eller gemmes (${failure.message}), så intet er sendt. Prøv igen om lidt.`,
    `The plan could not be read or saved (${failure.message}), so nothing was sent. Try again in a moment.`,
  );

export const busyProblem = problem(
  'delivery.busy',
  'error',
  null,
  'Andre gemte planen samtidig, så referatet blev ikke sendt. Prøv igen.',
  'Others saved the plan at the same time, so the minutes were not sent. Try again.',
);

export const linkProblem = (failure: Failure) =>
  problem(
    'delivery.link',
    'error',
    null,
    `Linket til planen kunne ikke laves: ${failure.message}`,
    `The link to the plan could not be made: ${failure.message}`,
  );

export const meetingChatSummaryOnly = (first: Problem) =>
  problem(
    'delivery.meetingChatPrivacy',
    'warning',
    first.field,
    `Mødechatten får kun et kort uden navne og følsomme oplysninger, og ${first.message.da.charAt(0).toLocaleLowerCase('da-DK')}${first.message.da.slice(1)} Referatet lægges derfor ikke i mødechatten.`,
    `The meeting chat gets only a card without names or sensitive details, and ${first.message.en.charAt(0).toLocaleLowerCase('en')}${first.message.en.slice(1)} So the minutes are not posted in the meeting chat.`,
  );

export const failedProblem = (key: string, name: string, failure: Failure) => {
  const why =
    failure.kind === 'throttled'
      ? {
          da: 'Teams bad os vente, fordi der blev sendt meget på én gang',
          en: 'Teams asked us to wait because much was sent at once',
        }
      : failure.kind === 'forbidden'
        ? {
            da: 'appen mangler en tilladelse i jeres Microsoft 365',
            en: 'the app lacks a permission in your Microsoft 365',
          }
        : failure.kind === 'unauthorized'
          ? { da: 'du skal logge ind igen', en: 'you need to sign in again' }
          : failure.kind === 'notFound'
            ? { da: 'chatten eller personen findes ikke længere', en: 'the chat or the person no longer exists' }
            : { da: `fejl: ${failure.message}`, en: `error: ${failure.message}` };
  return problem(
    'delivery.failed',
    'error',
    `delivery.${key}`,
    `Referatet kom ikke frem til ${name} (${why.da}). Tryk »Prøv igen«.`,
    `The minutes did not reach ${name} (${why.en}). Press "Try again".`,
  );
};

export const unknownChatProblem = (key: string, name: string) =>
  problem(
    'delivery.unknown',
    'warning',
    `delivery.${key}`,
    `Forbindelsen blev afbrudt, så det er uvist, om ${name} fik referatet. Tryk »Prøv igen«: der ses først efter i chatten, så ${name} ikke får det to gange.`,
    `The connection broke, so it is unknown whether ${name} received the minutes. Press "Try again": the chat is checked first, so ${name} does not get them twice.`,
  );

export const unknownMailProblem = (key: string, name: string) =>
  problem(
    'delivery.unknownMail',
    'warning',
    `delivery.${key}`,
    `Forbindelsen blev afbrudt, så det er uvist, om e-mailen til ${name} blev sendt. Tryk »Prøv igen«: der ses først efter i din postkasse, så ${name} ikke får den to gange.`,
    `The connection broke, so it is unknown whether the e-mail to ${name} was sent. Press "Try again": your mailbox is checked first, so ${name} does not get it twice.`,
  );

export const blockedProblem = (key: string, reasons: Problem[]): Problem => {
  const first = reasons[0];
  return first
    ? { ...first, field: first.field ?? `delivery.${key}` }
    : problem('privacy.blocked', 'error', `delivery.${key}`, 'Beskeden blev stoppet.', 'The message was stopped.');
};

/**
 * Why a person outside Teams gets only the notice of new minutes (the privacy guard's `NoticeReason`), as their line
 * in Send referat says it: how the plan reaches them instead, or what would let it go by e-mail.
 */
export const noticeProblem = (reason: NoticeReason, p: Pick<Participant, 'id' | 'name'>): Problem => {
  const said = (code: string, da: string, en: string) =>
    problem(`mail.${code}`, 'warning', `participants.${p.id}.email`, da, en);
  switch (reason.why) {
    case 'citizen':
      return said(
        'noticeCitizen',
        'Borgeren får sin egen udgave af planen (»Din plan«), som koordinatoren sender fra organisationens Digital Post.',
        'The citizen gets their own version of the plan ("Din plan"), which the coordinator sends from the organisation\'s Digital Post.',
      );
    case 'relative':
      return said(
        'noticeRelative',
        `${p.name} er pårørende, og samtykket giver ${p.name} en kopi af borgerens plan med Digital Post.`,
        `${p.name} is a relative, and the consent gives ${p.name} a copy of the citizen's plan by Digital Post.`,
      );
    case 'setup':
      return said(
        'noticeSetup',
        `Jeres e-mailbeskyttelse er ikke sat rigtigt op (se ovenfor), så planen sendes ikke på e-mail. ${p.name} kan få den af tovholderen.`,
        `Your mail protection is not set up correctly (see above), so the plan is not sent by e-mail. ${p.name} can get it from the coordinator.`,
      );
    case 'noProtection':
      return said(
        'noticeNoProtection',
        `Jeres organisation har ikke sat krypteret e-mail op for Tovholder, så planen sendes ikke på e-mail. ${p.name} kan få den af tovholderen.`,
        `Your organisation has not set up encrypted e-mail for Tovholder, so the plan is not sent by e-mail. ${p.name} can get it from the coordinator.`,
      );
    case 'notPartner':
      return reason.domain
        ? said(
            'noticeNotPartner',
            `${reason.domain} er ikke på listen over partnerdomæner med tvungen TLS, så planen sendes ikke på e-mail til ${p.name}. Skal den det, skal jeres it-administrator føje domænet til listen (og til forbindelsen med tvungen TLS).`,
            `${reason.domain} is not on the list of partner domains with enforced TLS, so the plan is not sent by e-mail to ${p.name}. If it should be, your IT administrator must add the domain to the list (and to the enforced-TLS connector).`,
          )
        : said(
            'noticeNotPartner',
            `${p.name}s e-mailadresse har intet gyldigt domæne, så planen sendes ikke på e-mail. Ret adressen under Deltagere.`,
            `${p.name}'s e-mail address has no valid domain, so the plan is not sent by e-mail. Correct the address under Participants.`,
          );
  }
};
