/**
 * Privatlivsvagten: the one gate every outbound path passes before anything leaves the plan document.
 *
 * Calendar items, chat messages and cards, e-mails, links and log entries are seen by more people than the
 * citizen's consent covers (delegates, forwarded invitations, chat histories, browser history, telemetry).
 * Every port that sends takes `Cleared<T>`, and this file is the only place that makes one, so an outbound call
 * that skips the guard does not compile (and test/unit/architecture/outboundGuard.test.ts fails the build if
 * anyone forges the brand elsewhere).
 *
 * The rules:
 * - A CPR number never leaves, on any channel.
 * - The citizen's name (or a part of it) never goes into the calendar, a URL or a log. In chat and e-mail it may
 *   appear only under the tenant's `full` card policy; under `summary` (the default, after Region Hovedstaden's
 *   rule that Teams chats carry no sensitive personal data) it is blocked there too. E-mail follows the chat
 *   policy because it is the same minutes rendered for people outside Teams, and it leaves the tenant.
 *   Other participants' full names are exempt: "Holm" inside the sister's name "Lise Holm" says nothing about
 *   the citizen "Jens Holm".
 * - Chat and e-mail carry the minutes, so every recipient must be covered by the consent today
 *   (`mayReceiveMinutes`); a message with one recipient outside it is blocked as a whole, because a message cannot
 *   be half sent. Calendar invitations and links carry only the case reference and the agenda, so they need no
 *   consent (the meeting is where the consent is discussed).
 * - E-mail leaves the tenant, so what each person outside Teams gets is decided here, once (`mailDecision`):
 *   consent, who they are and how the tenant protects its mail together give the minutes over enforced TLS to a
 *   partner domain, the minutes for the tenant's Purview rule to encrypt, only a notice that there are new minutes,
 *   or nothing. The citizen and relatives are private persons, reached with the plan by Digital Post, never by
 *   e-mail (`mayReceivePlanCopy` says who may have that copy). `clearMail` blocks a mail whose mark does not match
 *   the decision for its reader, and checks a notice under the summary rules whatever the policy.
 *
 * Blocked or redacted: only log entries are redacted (the finding replaced by "[skjult]" and the entry let
 * through). A log entry is for us, not for a reader; losing a fragment of it costs nothing, while refusing it
 * would turn a diagnostic into a crash, so `clearLogEntry` never fails. Everything else is blocked, never
 * quietly rewritten: a calendar item, a card, an e-mail or a link is read by people who act on it, and a
 * "[skjult]" in an effort or a link that no longer works is worse than telling the user what to fix. The
 * reasons name the field in Danish (fieldLabels.ts) and say how to fix it.
 *
 * Contract for renderers (src/cards): under the `summary` policy, refer to the citizen as "borgeren" and do not
 * print the citizen's name anywhere in the card or e-mail (participants list, owners, tasks), or the guard blocks
 * the message. A calendar item's attendee list is scanned like its subject (every attendee, delegate and forwarded
 * copy shows it), so the citizen and relatives are kept off it. The addresses the minutes go to (`to`) are not
 * scanned: each recipient is checked against the consent instead (`recipients`).
 */
import { higherRole, wantedAccess } from '../access/planAccess';
import { mayReceiveMinutes } from '../consent/consentStatus';
import { isCitizenOrRelative, type Participant, type Plan } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import { isTlsPartner, mailDomainOf, NO_MAIL_PROTECTION } from '../policy/mailProtectionSetting';
import type { AppointmentAttendee } from '../ports/appointmentItem';
import type { AccessChange } from '../ports/planAccess';
import type { EventDraft, EventPatch } from '../ports/calendar';
import type { LogEntry } from '../ports/logger';
import type { ChatMessageToPost, MailMark, MailToSend } from '../ports/minutesTransport';
import { failure, success, type Outcome } from '../ports/outcome';
import type { TaskToAdd } from '../ports/taskList';
import { problem, type Problem } from '../problems';
import { findCitizenName } from './citizenName';
import type { Channel, Cleared } from './cleared';
import { findCprNumbers, type TextSpan } from './cpr';
import { fieldKindOf, fieldLabels, type FieldKind } from './fieldLabels';
import { scannableVariants, type TextFormat } from './scannableText';

/** What the guard needs to know: the plan (name, consent, participants), the tenant's policy, and the day. */
export interface PrivacyContext {
  /** Null where no plan is open (e.g. a log entry at start-up): only CPR numbers can be checked then. */
  plan: Plan | null;
  policy: TenantPolicy;
  /** YYYY-MM-DD, Copenhagen: the consent is judged on this day. */
  today: string;
}

export interface OutboundText {
  /** Where the text comes from: a field name ("subject") or a path ("meetings.m1.minutes.efforts.e3.what"). */
  field: string;
  text: string;
  /** The field's kind, for the message; inferred from `field` when left out. */
  kind?: FieldKind;
  format?: TextFormat;
}

export interface OutboundRequest<T> {
  channel: Channel;
  payload: T;
  /** Every text in the payload that a reader will see. */
  texts: OutboundText[];
  /** Participant ids who will read it; required for chat and e-mail. */
  recipients?: readonly string[];
  /**
   * For redacting channels (log): rebuild the payload with every text passed through `redact`.
   * Without it, a finding that would be redacted blocks instead.
   */
  rebuild?: (redact: (text: string) => string) => T;
}

export type GuardVerdict<T> =
  | { verdict: 'allowed'; cleared: Cleared<T> }
  | { verdict: 'redacted'; cleared: Cleared<T>; reasons: Problem[] }
  | { verdict: 'blocked'; reasons: Problem[] };

export const REDACTED = '[skjult]';

type Finding = 'cpr' | 'citizenName';
type Action = 'allow' | 'block' | 'redact';

/** The rule table: what happens to each finding on each channel. */
export const ruleFor = (channel: Channel, finding: Finding, policy: TenantPolicy): Action => {
  if (channel === 'log') return 'redact';
  if (finding === 'cpr') return 'block';
  if (channel === 'chat' || channel === 'email') return policy.cardDetail === 'full' ? 'allow' : 'block';
  return 'block';
};

/**
 * What name checks need from a plan. A booking draft that is not yet a plan can give just this, so the fields
 * warn before the plan exists.
 */
export interface NameSource {
  citizenName: string;
  participants: readonly Pick<Participant, 'name' | 'sector'>[];
}

/** The context for text checks alone (no consent): what typing-time warnings use. */
export interface TextContext {
  plan: NameSource | null;
  policy: TenantPolicy;
}

/** Names that may appear although they share a part with the citizen's: every other participant's full name. */
const exemptNames = (source: NameSource): string[] =>
  source.participants.filter((p) => p.sector !== 'borger').map((p) => p.name);

/** CPR numbers and the citizen's name in one plain text, with positions (for highlighting and redaction). */
export const privacyFindings = (
  text: string,
  source: NameSource | null,
): { cpr: TextSpan[]; citizenName: TextSpan[] } => ({
  cpr: findCprNumbers(text),
  citizenName: source ? findCitizenName(text, source.citizenName, { exempt: exemptNames(source) }) : [],
});

const findingProblem = (
  finding: Finding,
  field: string,
  kind: FieldKind,
  severity: Problem['severity'],
  redacted: boolean,
): Problem => {
  const { label, fixCpr, fixName } = fieldLabels[kind];
  if (redacted) {
    return finding === 'cpr'
      ? problem(
          'privacy.cprRedacted',
          severity,
          field,
          `${label.da} indeholdt et CPR-nummer; det er erstattet med ${REDACTED}.`,
          `${label.en} contained a CPR number; it was replaced by ${REDACTED}.`,
        )
      : problem(
          'privacy.citizenNameRedacted',
          severity,
          field,
          `${label.da} indeholdt borgerens navn; det er erstattet med ${REDACTED}.`,
          `${label.en} contained the citizen's name; it was replaced by ${REDACTED}.`,
        );
  }
  return finding === 'cpr'
    ? problem(
        'privacy.cpr',
        severity,
        field,
        `${label.da} indeholder et CPR-nummer — ${fixCpr.da}.`,
        `${label.en} contains a CPR number — ${fixCpr.en}.`,
      )
    : problem(
        'privacy.citizenName',
        severity,
        field,
        `${label.da} indeholder borgerens navn — ${fixName.da}.`,
        `${label.en} contains the citizen's name — ${fixName.en}.`,
      );
};

/** The findings in one outbound text, across its readable variants (markup, encodings). */
const findingsIn = (entry: OutboundText, plan: NameSource | null): Set<Finding> => {
  const found = new Set<Finding>();
  for (const variant of scannableVariants(entry.text, entry.format ?? 'plain')) {
    const { cpr, citizenName } = privacyFindings(variant, plan);
    if (cpr.length > 0) found.add('cpr');
    if (citizenName.length > 0) found.add('citizenName');
  }
  return found;
};

/**
 * Problems a channel's rules raise for texts, as errors (blocking) or as the severity asked for. Shared with
 * the typing-time warnings (fieldWarnings.ts) so the warning and the block always agree.
 */
export const textProblems = (
  channel: Channel,
  texts: readonly OutboundText[],
  ctx: TextContext,
  severity: Problem['severity'] = 'error',
): { problems: Problem[]; redact: Set<Finding> } => {
  const problems: Problem[] = [];
  const redact = new Set<Finding>();
  for (const entry of texts) {
    const kind = entry.kind ?? fieldKindOf(entry.field);
    for (const finding of findingsIn(entry, ctx.plan)) {
      const action = ruleFor(channel, finding, ctx.policy);
      if (action === 'block') problems.push(findingProblem(finding, entry.field, kind, severity, false));
      if (action === 'redact') {
        redact.add(finding);
        problems.push(findingProblem(finding, entry.field, kind, 'warning', true));
      }
    }
  }
  return { problems, redact };
};

const noPlanProblem = problem(
  'privacy.noPlan',
  'error',
  'consent',
  'Der er ingen plan at kontrollere samtykket i, så intet referat kan sendes. Åbn planen, og prøv igen.',
  'There is no plan to check the consent in, so no minutes can be sent. Open the plan and try again.',
);

const noRecipientsProblem = problem(
  'privacy.recipientsMissing',
  'error',
  null,
  'Det er ikke angivet, hvem beskeden går til, så samtykket kan ikke kontrolleres. Beskeden er ikke sendt.',
  'It is not stated who the message is for, so the consent cannot be checked. The message was not sent.',
);

/** Consent per recipient, for the channels that carry the minutes. */
const consentProblems = (channel: Channel, recipients: readonly string[] | undefined, ctx: PrivacyContext) => {
  if (channel !== 'chat' && channel !== 'email') return [];
  if (!ctx.plan) return [noPlanProblem];
  if (!recipients || recipients.length === 0) return [noRecipientsProblem];
  const plan = ctx.plan;
  const problems = recipients.flatMap((id) => {
    const answer = mayReceiveMinutes(plan, id, ctx.today);
    return answer.allowed ? [] : [answer.problem];
  });
  // A withdrawn consent gives every recipient the same problem: say it once.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.field ?? ''}|${p.message.da}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const redactText = (text: string, findings: Set<Finding>, plan: NameSource | null): string => {
  const normalised = text.normalize('NFC');
  const { cpr, citizenName } = privacyFindings(normalised, plan);
  const spans = [...(findings.has('cpr') ? cpr : []), ...(findings.has('citizenName') ? citizenName : [])].sort(
    (a, b) => b.start - a.start,
  );
  let result = normalised;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const span of spans) {
    // Spans are replaced from the end so earlier positions stay valid; overlapping ones are already covered.
    if (span.end > lastStart) continue;
    result = `${result.slice(0, span.start)}${REDACTED}${result.slice(span.end)}`;
    lastStart = span.start;
  }
  return result;
};

/** The only way to brand a payload as cleared. Deliberately not exported. */
const brand = <T>(payload: T): Cleared<T> => payload as Cleared<T>;

/** The guard: allowed, redacted (logs only) or blocked, with the reasons. */
export const guardOutbound = <T>(request: OutboundRequest<T>, ctx: PrivacyContext): GuardVerdict<T> => {
  const consent = consentProblems(request.channel, request.recipients, ctx);
  const { problems, redact } = textProblems(request.channel, request.texts, ctx);
  const blocking = [...consent, ...problems.filter((p) => p.severity === 'error')];
  if (blocking.length > 0) return { verdict: 'blocked', reasons: blocking };
  if (redact.size === 0) return { verdict: 'allowed', cleared: brand(request.payload) };
  if (!request.rebuild) {
    // A channel that redacts but a caller that cannot rebuild its payload: block rather than let it through.
    return { verdict: 'blocked', reasons: problems.map((p) => ({ ...p, severity: 'error' as const })) };
  }
  const rebuilt = request.rebuild((text) => redactText(text, redact, ctx.plan));
  return { verdict: 'redacted', cleared: brand(rebuilt), reasons: problems };
};

/** A verdict as an Outcome for ports and callers that speak Outcome: blocked → Failure of kind `blocked`. */
export const verdictOutcome = <T>(verdict: GuardVerdict<T>): Outcome<Cleared<T>> => {
  if (verdict.verdict !== 'blocked') return success(verdict.cleared);
  const first = verdict.reasons[0];
  return failure('blocked', first?.code ?? 'privacy.blocked', verdict.reasons.map((r) => r.message.da).join(' '));
};

// ---- Convenience wrappers: one per outbound path. ----

/** An invitation's attendee list, as every attendee (and delegate, and forwarded copy) reads it. */
const attendeeTexts = (attendees: readonly { name: string; email: string }[]): OutboundText[] =>
  attendees.map((a) => ({ field: 'eventAttendees', text: `${a.name} <${a.email}>` }));

/** A calendar event about to be created (Graph): subject, body and attendee list. */
export const clearEventDraft = (draft: EventDraft, ctx: PrivacyContext): GuardVerdict<EventDraft> =>
  guardOutbound(
    {
      channel: 'calendar',
      payload: draft,
      texts: [
        { field: 'subject', text: draft.subject },
        { field: 'eventBody', text: draft.bodyHtml, format: 'html' },
        ...attendeeTexts(draft.attendees),
      ],
    },
    ctx,
  );

/** A change to an existing calendar event. */
export const clearEventPatch = (patch: EventPatch, ctx: PrivacyContext): GuardVerdict<EventPatch> =>
  guardOutbound(
    {
      channel: 'calendar',
      payload: patch,
      texts: [
        ...(patch.subject === undefined ? [] : [{ field: 'subject', text: patch.subject }]),
        ...(patch.bodyHtml === undefined
          ? []
          : [{ field: 'eventBody', text: patch.bodyHtml, format: 'html' as const }]),
        ...attendeeTexts(patch.attendees ?? []),
      ],
    },
    ctx,
  );

/** Text written into the Outlook appointment being composed (Office.js): its subject or its HTML body. */
export const clearAppointmentText = (
  text: string,
  ctx: PrivacyContext,
  part: 'subject' | 'body' = 'subject',
): GuardVerdict<string> =>
  guardOutbound(
    {
      channel: 'calendar',
      payload: text,
      texts: [
        part === 'subject' ? { field: 'appointmentSubject', text } : { field: 'appointmentBody', text, format: 'html' },
      ],
    },
    ctx,
  );

/**
 * Attendees added to the Outlook appointment being composed. Like a calendar event's attendee list, every attendee,
 * delegate and forwarded copy shows it, so the citizen (or anyone named like them) is kept off it.
 */
export const clearAppointmentAttendees = (
  attendees: AppointmentAttendee[],
  ctx: PrivacyContext,
): GuardVerdict<AppointmentAttendee[]> =>
  guardOutbound(
    {
      channel: 'calendar',
      payload: attendees,
      texts: attendeeTexts(attendees),
    },
    ctx,
  );

/**
 * A chat message (1:1 chat or the meeting chat) with its card and mentions. `recipientIds` are the participants
 * who will read it: the partner of a 1:1 chat, every invitee for the meeting chat.
 */
export const clearChatMessage = (
  message: ChatMessageToPost,
  ctx: PrivacyContext,
  recipientIds: readonly string[],
): GuardVerdict<ChatMessageToPost> =>
  guardOutbound(
    {
      channel: 'chat',
      payload: message,
      recipients: recipientIds,
      texts: [
        { field: 'chatMessage', text: message.html, format: 'html' },
        ...message.attachments.map((a) => ({ field: 'card', text: a.content, format: 'card' as const })),
        ...message.mentions.map((m) => ({ field: 'mention', text: m.text })),
      ],
    },
    ctx,
  );

// ---- E-mail: what each person outside Teams receives. ----

/**
 * Why a person gets only the notice: they are the citizen or a relative (the plan reaches them by Digital Post), the
 * tenant protects no mail, its setting is wrong, or their domain is not a TLS partner. The words are
 * delivery/deliveryProblems.ts › noticeProblem, loaded only where they are shown.
 */
export type NoticeReason =
  | { why: 'citizen' }
  | { why: 'relative' }
  | { why: 'noProtection' }
  | { why: 'setup' }
  | { why: 'notPartner'; domain: string | null };

/** What one person outside Teams receives by e-mail: consent, who they are and the tenant's mail protection together. */
export type MailDecision =
  /** The minutes, over the enforced-TLS connector to a partner domain ("E-mail over tvungen TLS"). */
  | { kind: 'fullEmail'; mark: 'tls'; domain: string }
  /** The minutes, encrypted on the way out by the tenant's Purview rule, which catches the mark ("Krypteret e-mail"). */
  | { kind: 'protectedEmail'; mark: 'purview' }
  /**
   * Only that there are new minutes for the case, who the tovholder is and how to reach them; nothing about the
   * citizen. `planBy` says how the plan reaches them instead.
   */
  | { kind: 'notice'; mark: 'notice'; reason: NoticeReason; planBy: 'digitalPost' | 'tovholder' }
  /** Nothing at all: outside the consent. */
  | { kind: 'nothing'; problem: Problem };

export type SendableMailDecision = Exclude<MailDecision, { kind: 'nothing' }>;

const notice = (reason: NoticeReason, planBy: 'digitalPost' | 'tovholder'): MailDecision => ({
  kind: 'notice',
  mark: 'notice',
  reason,
  planBy,
});

/**
 * The one decision for a person outside Teams who gets e-mail: outside the consent, nothing; the citizen and
 * relatives (private persons), a notice — the plan reaches them by Digital Post; a professional, the minutes when
 * the tenant protects them (Purview, or enforced TLS to their domain), otherwise a notice.
 */
export const mailDecision = (
  plan: Plan,
  participant: Participant,
  ctx: Pick<PrivacyContext, 'policy' | 'today'>,
): MailDecision => {
  const may = mayReceiveMinutes(plan, participant.id, ctx.today);
  if (!may.allowed) return { kind: 'nothing', problem: may.problem };
  if (isCitizenOrRelative(participant)) {
    return notice({ why: participant.sector === 'borger' ? 'citizen' : 'relative' }, 'digitalPost');
  }
  const setting = ctx.policy.mailProtection ?? NO_MAIL_PROTECTION;
  const { protection } = setting;
  if (protection.mode === 'purview') return { kind: 'protectedEmail', mark: 'purview' };
  const address = participant.email ?? '';
  if (protection.mode === 'tls') {
    const domain = mailDomainOf(address);
    return domain !== null && isTlsPartner(protection, address)
      ? { kind: 'fullEmail', mark: 'tls', domain }
      : notice({ why: 'notPartner', domain }, 'tovholder');
  }
  const setupBroken = setting.issues.some((issue) => issue.kind === 'unknownMode');
  return notice({ why: setupBroken ? 'setup' : 'noProtection' }, 'tovholder');
};

/**
 * Who may be sent the plan as a letter ("Din plan", by Digital Post, outside this app): the citizen always (it is
 * their plan); a relative only when the consent names them, as for the minutes; nobody else (professionals get
 * the minutes).
 */
export const mayReceivePlanCopy = (
  plan: Plan,
  participantId: string,
  today: string,
): { allowed: true } | { allowed: false; problem: Problem } => {
  const participant = plan.participants.find((p) => p.id === participantId);
  if (participant && !isCitizenOrRelative(participant)) {
    return {
      allowed: false,
      problem: problem(
        'planCopy.notPrivatePerson',
        'error',
        `participants.${participant.id}`,
        `${participant.name} får referatet som fagperson; brevet »Din plan« er til borgeren og de pårørende, samtykket nævner.`,
        `${participant.name} gets the minutes as a professional; the letter "Din plan" is for the citizen and the relatives the consent names.`,
      ),
    };
  }
  return mayReceiveMinutes(plan, participantId, today);
};

const markMismatch = (name: string, decision: SendableMailDecision, mark: MailMark): Problem =>
  problem(
    'privacy.mailProtection',
    'error',
    'mailBody',
    decision.kind === 'notice'
      ? `E-mailen til ${name} bar referatet, men ${name} må kun få besked om nyt referat, så den er ikke sendt.`
      : `E-mailen til ${name} var ikke mærket, som jeres e-mailbeskyttelse kræver (${mark} i stedet for ${decision.mark}), så den er ikke sendt.`,
    decision.kind === 'notice'
      ? `The e-mail to ${name} carried the minutes, but ${name} may only get the notice of new minutes, so it was not sent.`
      : `The e-mail to ${name} was not marked as your mail protection requires (${mark} instead of ${decision.mark}), so it was not sent.`,
  );

const unprotectedAddress = (address: string): Problem =>
  problem(
    'privacy.mailNotPartner',
    'error',
    'mailTo',
    `E-mailen med referatet skulle til ${address}, som ikke er på et partnerdomæne med tvungen TLS, så den er ikke sendt.`,
    `The e-mail with the minutes was addressed to ${address}, which is not on a partner domain with enforced TLS, so it was not sent.`,
  );

/** The mark checked against the decision for every reader, and every address of a TLS mail against the list. */
const mailProtectionProblems = (mail: MailToSend, ctx: PrivacyContext, recipientIds: readonly string[]): Problem[] => {
  const plan = ctx.plan;
  if (!plan) return [];
  const problems = recipientIds.flatMap((id) => {
    const participant = plan.participants.find((p) => p.id === id);
    if (!participant) return []; // the consent check says so
    const decision = mailDecision(plan, participant, ctx);
    return decision.kind !== 'nothing' && decision.mark !== mail.mark
      ? [markMismatch(participant.name, decision, mail.mark)]
      : [];
  });
  const protection = (ctx.policy.mailProtection ?? NO_MAIL_PROTECTION).protection;
  const off =
    mail.mark === 'tls' ? mail.to.filter((to) => !isTlsPartner(protection, to.email)).map((to) => to.email) : [];
  return [...problems, ...off.map(unprotectedAddress)];
};

/**
 * An e-mail for a person outside Teams: the minutes, or only the notice of new minutes, as `mailDecision` says for
 * every reader. A notice is held to the summary rules whatever the policy (no citizen's name, no CPR number).
 */
export const clearMail = (
  mail: MailToSend,
  ctx: PrivacyContext,
  recipientIds: readonly string[],
): GuardVerdict<MailToSend> => {
  const marks = mailProtectionProblems(mail, ctx, recipientIds);
  const verdict = guardOutbound(
    {
      channel: 'email',
      payload: mail,
      recipients: recipientIds,
      texts: [
        { field: 'mailSubject', text: mail.subject },
        { field: 'mailBody', text: mail.html, format: 'html' },
      ],
    },
    mail.mark === 'notice' ? { ...ctx, policy: { ...ctx.policy, cardDetail: 'summary' } } : ctx,
  );
  if (marks.length === 0) return verdict;
  return { verdict: 'blocked', reasons: [...marks, ...(verdict.verdict === 'blocked' ? verdict.reasons : [])] };
};

/** A URL the app builds, opens, shares to the stage or puts in a card. */
export const clearUrl = (url: string, ctx: PrivacyContext): GuardVerdict<string> =>
  guardOutbound({ channel: 'url', payload: url, texts: [{ field: 'link', text: url, format: 'url' }] }, ctx);

/**
 * One of my own efforts as a task in my own Microsoft To Do. The list syncs to phones and watches and is read
 * outside the consent's purpose, so it follows the calendar's rules under any policy: no CPR number and no
 * citizen's name, in the title or the link back. The title names the case by its reference instead.
 */
export const clearTask = (task: TaskToAdd, ctx: PrivacyContext): GuardVerdict<TaskToAdd> =>
  guardOutbound(
    {
      channel: 'calendar',
      payload: task,
      texts: [
        { field: 'task', text: task.title },
        ...(task.linkUrl === null ? [] : [{ field: 'link', text: task.linkUrl, format: 'url' as const }]),
      ],
    },
    ctx,
  );

/**
 * Changes to who can open the plan. Giving someone a role gives them every byte of the plan, so it follows the
 * consent exactly as sending the minutes does, through the one rule that says who may open the plan
 * (`wantedAccess`): a role is given only to someone who should hold at least that role today — the koordinator,
 * or someone the consent covers. Taking access away reveals nothing and is always let through.
 */
export const clearAccessChanges = (changes: AccessChange[], ctx: PrivacyContext): GuardVerdict<AccessChange[]> => {
  if (!ctx.plan) return { verdict: 'blocked', reasons: [noPlanProblem] };
  const wanted = new Map(wantedAccess(ctx.plan, ctx.today).map((w) => [w.participantId, w.role]));
  const plan = ctx.plan;
  const reasons = changes.flatMap((change) => {
    if (change.kind === 'remove') return [];
    const role = wanted.get(change.key) ?? null;
    if (role !== null && higherRole(role, change.role) === role) return [];
    const person = plan.participants.find((p) => p.id === change.key);
    const answer = person ? mayReceiveMinutes(plan, person.id, ctx.today) : null;
    if (answer && !answer.allowed) return [{ ...answer.problem, code: 'privacy.accessOutsideConsent' }];
    const who = person?.name ?? change.key;
    return [
      problem(
        'privacy.accessTooHigh',
        'error',
        `participants.${change.key}`,
        `${who} må ikke få mere adgang til planen end sin rolle giver. Adgangen er ikke ændret.`,
        `${who} may not get more access to the plan than their role gives. The access was not changed.`,
      ),
    ];
  });
  return reasons.length > 0 ? { verdict: 'blocked', reasons } : { verdict: 'allowed', cleared: brand(changes) };
};

/**
 * The e-mail telling someone their access to the plan ended: only to a participant whose access the plan no longer
 * gives, marked as a notice, and held to the calendar's rules (the case reference; no citizen's name, no CPR number),
 * because it goes out exactly when the consent no longer covers them.
 */
export const clearAccessEndedNotice = (
  mail: MailToSend,
  ctx: PrivacyContext,
  participantId: string,
): GuardVerdict<MailToSend> => {
  if (!ctx.plan) return { verdict: 'blocked', reasons: [noPlanProblem] };
  const person = ctx.plan.participants.find((p) => p.id === participantId);
  const stillWanted = wantedAccess(ctx.plan, ctx.today).find((w) => w.participantId === participantId)?.role ?? null;
  const to = mail.to.map((t) => t.email.toLowerCase());
  const reasons = [
    ...(person &&
    to.length === 1 &&
    to[0] === person.email?.toLowerCase() &&
    mail.mark === 'notice' &&
    stillWanted === null
      ? []
      : [
          problem(
            'privacy.accessNoticeNotEnded',
            'error',
            `participants.${participantId}`,
            'Beskeden om ophørt adgang må kun gå til den, hvis adgang er ophørt, og kun som besked uden indhold.',
            'The notice that access ended may only go to the person whose access ended, and only as a notice without content.',
          ),
        ]),
  ];
  const verdict = guardOutbound(
    {
      channel: 'calendar',
      payload: mail,
      texts: [
        { field: 'mailSubject', text: mail.subject },
        { field: 'mailBody', text: mail.html, format: 'html' },
      ],
    },
    ctx,
  );
  if (reasons.length === 0) return verdict;
  return { verdict: 'blocked', reasons: [...reasons, ...(verdict.verdict === 'blocked' ? verdict.reasons : [])] };
};

const fallbackEntry = (entry: LogEntry): LogEntry => ({
  level: entry.level === 'info' || entry.level === 'warn' || entry.level === 'error' ? entry.level : 'error',
  event: 'log.redactionFailed',
  data: {},
});

/**
 * A log entry: always let through, with any CPR number or the citizen's name replaced by "[skjult]".
 * Never throws and never blocks, so a logging call cannot break the app.
 */
export const clearLogEntry = (entry: LogEntry, ctx: PrivacyContext): Cleared<LogEntry> => {
  try {
    const dataEntries = Object.entries(entry.data);
    const verdict = guardOutbound<LogEntry>(
      {
        channel: 'log',
        payload: entry,
        texts: [
          { field: 'logEntry', text: entry.event },
          ...dataEntries.flatMap(([key, value]) =>
            typeof value === 'string'
              ? [
                  { field: 'logEntry', text: value },
                  { field: 'logEntry', text: key },
                ]
              : [{ field: 'logEntry', text: key }],
          ),
        ],
        rebuild: (redact) => ({
          level: entry.level,
          event: redact(entry.event),
          data: Object.fromEntries(
            dataEntries.map(([key, value]) => [redact(key), typeof value === 'string' ? redact(value) : value]),
          ),
        }),
      },
      ctx,
    );
    return verdict.verdict === 'blocked' ? brand(fallbackEntry(entry)) : verdict.cleared;
  } catch {
    return brand(fallbackEntry(entry));
  }
};
