/**
 * The cheap check before sending: every text of the minutes that the card and the e-mail will carry at a detail
 * level, checked by the privacy guard's rules field by field. It finds the same things the guard would find in
 * the rendered message, but says which goal or effort holds them, so the referent can fix the right line.
 */
import type { Meeting, Plan } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { Problem } from '../problems';
import type { FieldKind } from '../privacy/fieldLabels';
import { privacyWarningsForField } from '../privacy/fieldWarnings';

interface MinutesText {
  field: string;
  kind: FieldKind;
  text: string;
}

/** Written input from those who sent afbud, which the card carries with the round. */
const writtenInputTexts = (meeting: Meeting): MinutesText[] =>
  meeting.invitees.flatMap((i) =>
    i.attendance.kind === 'apologies'
      ? [
          {
            field: `attendance.${i.participantId}.writtenInput`,
            kind: 'writtenInput' as const,
            text: i.attendance.writtenInput,
          },
        ]
      : [],
  );

const minutesTexts = (meeting: Meeting): MinutesText[] => {
  const m = meeting.minutes;
  return [
    ...m.goals.map((g) => ({ field: `goals.${g.id}.text`, kind: 'goal' as const, text: g.text })),
    ...m.efforts.map((e) => ({ field: `efforts.${e.id}.what`, kind: 'effort' as const, text: e.what })),
    ...m.followUp.flatMap((f) => [
      { field: `followUp.${f.effortId}.what`, kind: 'effort' as const, text: f.what },
      { field: `followUp.${f.effortId}.note`, kind: 'followUpNote' as const, text: f.note },
    ]),
    ...m.challenges.map((c) => ({ field: `challenges.${c.id}.text`, kind: 'challenge' as const, text: c.text })),
    ...m.round.flatMap((r) =>
      (['relation', 'currentWork', 'challenges'] as const).map((part) => ({
        field: `round.${r.participantId}.${part}`,
        kind: 'roundNote' as const,
        text: r[part],
      })),
    ),
    ...writtenInputTexts(meeting),
  ];
};

/** Keeps two texts apart when they are scanned as one: no name or number can run across it. */
const APART = '\n\n·\n\n';

/**
 * Errors for every minutes text that may not leave at this detail level; empty when all may.
 *
 * The texts of one kind are scanned together first (each scan has a fixed cost, and a finished meeting has a
 * hundred texts): only a kind whose joined texts raise something is scanned field by field, to say which line.
 * A finding that only the joining made (across two texts) finds no field and so says nothing; the guard still
 * checks every rendered message before it leaves.
 */
export const minutesPrivacyProblems = (plan: Plan, meeting: Meeting, detail: TenantPolicy['cardDetail']): Problem[] =>
  privacyProblemsIn(plan, minutesTexts(meeting), detail);

/** The same check for the written input alone: the details tab runs it as the input is typed. */
export const writtenInputPrivacyProblems = (
  plan: Plan,
  meeting: Meeting,
  detail: TenantPolicy['cardDetail'],
): Problem[] => privacyProblemsIn(plan, writtenInputTexts(meeting), detail);

const privacyProblemsIn = (plan: Plan, all: readonly MinutesText[], detail: TenantPolicy['cardDetail']): Problem[] => {
  const ctx = { plan, policy: { cardDetail: detail, pinTab: false } };
  const byKind = new Map<FieldKind, MinutesText[]>();
  for (const text of all) byKind.set(text.kind, [...(byKind.get(text.kind) ?? []), text]);
  const flagged = new Set(
    [...byKind].flatMap(([kind, texts]) =>
      privacyWarningsForField(texts.map((t) => t.text).join(APART), kind, ctx).length > 0 ? [kind] : [],
    ),
  );
  // Field by field, in the order of the minutes, for the kinds that raised something.
  return all.flatMap(({ field, kind, text }) =>
    flagged.has(kind)
      ? privacyWarningsForField(text, kind, ctx, field).map((p) => ({ ...p, severity: 'error' as const }))
      : [],
  );
};
