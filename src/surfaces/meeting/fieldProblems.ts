/**
 * Problems marked where they are: a rule's `field` ("efforts.e3.ownerId", "nextMeetingBy") maps to the id of the
 * input it concerns, so the inline message sits under the field and the list before "Send referat" links to it.
 */
import type { Lang, Problem } from '../../domain/problems';

export const fieldDomId = (field: string): string => `field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export type ProblemsByField = ReadonlyMap<string, readonly Problem[]>;

export const byField = (problems: readonly Problem[]): ProblemsByField => {
  const map = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.field === null) continue;
    map.set(p.field, [...(map.get(p.field) ?? []), p]);
  }
  return map;
};

export interface FieldValidation {
  validationState?: 'error' | 'warning';
  validationMessage?: string;
}

/** Props for a Fluent `<Field>`: the worst problem's state and every message, in the user's language. */
export const validationOf = (problems: readonly Problem[] | undefined, lang: Lang): FieldValidation => {
  if (!problems || problems.length === 0) return {};
  const state = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return { validationState: state, validationMessage: problems.map((p) => p.message[lang]).join(' ') };
};

/** Move focus to a field named by a problem (the links in the list before "Send referat"). */
export const focusField = (field: string): boolean => {
  const element = document.getElementById(fieldDomId(field));
  if (!element) return false;
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
  return true;
};
