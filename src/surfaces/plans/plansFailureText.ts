import type { TFunction } from '../../ui/i18n/useTranslation';
import type { Failure } from '../../domain/ports/outcome';

/** A store failure in the plans tab's words: what happened and what to do. */
export const plansFailureText = (t: TFunction<'plans'>, failure: Failure | { kind: 'conflict' }): string =>
  failure.kind === 'conflict' ? t('failures.conflict') : t(`failures.${failure.kind}`, { code: failure.code });
