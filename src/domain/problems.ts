/**
 * A rule's finding, with the text the user reads in both languages.
 * Errors block the action they concern (e.g. "Send referat"); warnings never block.
 */
export interface Problem {
  code: string;
  severity: 'error' | 'warning';
  /** Where the problem is: a field path such as "efforts.e3.ownerId" or "subject", for inline marking. */
  field: string | null;
  message: { da: string; en: string };
}

export type Lang = 'da' | 'en';

export const problem = (
  code: string,
  severity: Problem['severity'],
  field: string | null,
  da: string,
  en: string,
): Problem => ({ code, severity, field, message: { da, en } });

export const errorsIn = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
