import type { Problem } from '../../../domain/problems';
import type { UiLang } from '../../../ui/i18n/i18n';

/**
 * The Fluent Field props that show the problems for one field path inline (Field links the message to the
 * input with aria-describedby and marks it invalid for errors). Errors win over warnings.
 */
export const fieldValidation = (
  problems: readonly Problem[],
  field: string,
  lang: UiLang,
): { validationMessage?: string; validationState?: 'error' | 'warning' } => {
  const here = problems.filter((p) => p.field === field);
  const errors = here.filter((p) => p.severity === 'error');
  const shown = errors.length > 0 ? errors : here;
  if (shown.length === 0) return {};
  return {
    validationState: errors.length > 0 ? 'error' : 'warning',
    validationMessage: shown.map((p) => p.message[lang]).join(' '),
  };
};
