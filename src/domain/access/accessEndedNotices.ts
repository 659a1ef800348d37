/**
 * Telling people that their access to a plan ended (issue 14.2): after the consent is withdrawn or runs out, only
 * the tovholder keeps the plan, and each of the others whose role was taken away gets one e-mail that says so —
 * the case reference, why, and whom to ask; nothing of the plan. Sent at most once per person and ending: the
 * e-mail is made as a draft carrying its mark and then sent (as the minutes are), an earlier attempt whose answer
 * was lost is looked for first, and the record notes when each person was told.
 */
import type { Plan } from '../plan/planDocument';
import type { Clock } from '../ports/clock';
import type { Outcome } from '../ports/outcome';
import type { MailToSend, MinutesTransport } from '../ports/minutesTransport';
import type { PlanStore, StoredPlan } from '../ports/planStore';
import type { TenantPolicy } from '../policy';
import { clearAccessEndedNotice } from '../privacy/privacyGuard';
import { copenhagenDate } from '../time/danishTime';
import { escapeHtml } from '../booking/eventContent';
import { updatePlan } from '../plan/updatePlan';
import { noticesDue } from './accessDue';
import { currentKoordinatorId } from './planAccess';

export interface NoticeDeps {
  store: Pick<PlanStore, 'save'>;
  transport: Pick<MinutesTransport, 'prepare' | 'send' | 'look'>;
  clock: Clock;
  policy: TenantPolicy;
}

export interface NoticeResult {
  stored: StoredPlan;
  /** Participant ids told now (or found told by an earlier attempt). */
  told: string[];
  /** Participant ids not told, with why; tried again the next time access is kept in step. */
  failed: { participantId: string; error: string }[];
}

/** The notice: the case reference, that access ended and why, whom to ask. Nothing of the plan, no citizen's name. */
export const accessEndedMail = (plan: Plan, participantId: string): MailToSend | null => {
  const person = plan.participants.find((p) => p.id === participantId);
  if (!person?.email) return null;
  const tovholder = plan.participants.find((p) => p.id === currentKoordinatorId(plan));
  const ask = tovholder
    ? `Spørg tovholderen, ${tovholder.name}${tovholder.email ? ` (${tovholder.email})` : ''}, hvis du har spørgsmål.`
    : 'Spørg tovholderen, hvis du har spørgsmål.';
  const subject = `Din adgang til indsatsplanen ${plan.caseReference} er ophørt`;
  const lines = [
    `Kære ${person.name}`,
    `Du kan ikke længere åbne den koordinerende indsatsplan med sagsnummer ${plan.caseReference}, fordi borgerens samtykke til at dele oplysningerne ikke længere gælder. Kun tovholderen har planen, indtil et nyt samtykke er givet.`,
    ask,
    'Denne besked er sendt af Tovholder og indeholder ingen oplysninger fra planen.',
  ];
  return {
    key: participantId,
    to: [{ email: person.email, name: person.name }],
    subject,
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
    mark: 'notice',
  };
};

/**
 * The delivery id the notices of one ending carry (letters, digits and `.:-`): the same for every attempt, whoever
 * of the sync ids it runs under, so a repeat finds what an earlier one sent; a new consent that ends later is a new one.
 */
const noticeId = (plan: Plan): string => `access-ended:${plan.consent?.givenOn ?? 'none'}`;

export const tellAccessEnded = async (deps: NoticeDeps, stored: StoredPlan): Promise<NoticeResult> => {
  const now = deps.clock.now();
  const today = copenhagenDate(now);
  const due = noticesDue(stored.plan, today);
  const record = stored.plan.access;
  if (due.length === 0 || !record) return { stored, told: [], failed: [] };
  const ctx = { plan: stored.plan, policy: deps.policy, today };
  const deliveryId = noticeId(stored.plan);
  const failed: NoticeResult['failed'] = [];
  const mails = due.flatMap((entry) => {
    const mail = accessEndedMail(stored.plan, entry.participantId);
    if (!mail) return [];
    const verdict = clearAccessEndedNotice(mail, ctx, entry.participantId);
    if (verdict.verdict === 'blocked') {
      failed.push({ participantId: entry.participantId, error: verdict.reasons.map((r) => r.message.da).join(' ') });
      return [];
    }
    return [verdict.cleared];
  });

  // An earlier attempt may have sent some already (its answer lost): look before sending anything.
  const looked = await deps.transport.look({
    chats: [],
    mails: mails.map((m) => ({ key: m.key, draftId: null })),
    deliveryId,
  });
  const told = new Set<string>();
  const drafts = new Map<string, string>();
  for (const mail of mails) {
    const fate = looked.mails.get(mail.key);
    if (fate?.ok && fate.value.state === 'sent') told.add(mail.key);
    else if (fate?.ok && fate.value.state === 'draft') drafts.set(mail.key, fate.value.id);
  }
  const toMake = mails.filter((m) => !told.has(m.key) && !drafts.has(m.key));
  if (toMake.length > 0) {
    const prepared = await deps.transport.prepare({ partners: [], mails: toMake, deliveryId });
    for (const mail of toMake) {
      const draft: Outcome<string> | undefined = prepared.drafts.get(mail.key);
      if (draft?.ok) drafts.set(mail.key, draft.value);
      else failed.push({ participantId: mail.key, error: draft && !draft.ok ? draft.message : 'Intet svar' });
    }
  }
  if (drafts.size > 0) {
    const sent = await deps.transport.send({
      messages: [],
      drafts: [...drafts].map(([key, draftId]) => ({ key, draftId })),
    });
    for (const [key] of drafts) {
      const outcome = sent.get(key);
      if (outcome?.ok) told.add(key);
      else failed.push({ participantId: key, error: outcome && !outcome.ok ? outcome.message : 'Intet svar' });
    }
  }
  if (told.size === 0) return { stored, told: [], failed };

  const at = now.toISOString();
  const saved = await updatePlan(
    deps.store,
    stored,
    (plan) => {
      const entries = plan.access?.entries ?? [];
      if (!plan.access || !entries.some((e) => told.has(e.participantId) && e.endedNoticeAt === null)) return null;
      return {
        ...plan,
        access: {
          ...plan.access,
          entries: entries.map((e) =>
            told.has(e.participantId) && e.endedNoticeAt === null ? { ...e, endedNoticeAt: at } : e,
          ),
        },
      };
    },
    { now: () => deps.clock.now() },
  );
  // Told either way: should the note not be saved, the next attempt finds the sent e-mails by their mark.
  return { stored: saved.ok ? saved.stored : stored, told: [...told], failed };
};

export { noticesDue };
