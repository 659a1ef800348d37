import { useId, useMemo } from 'react';
import type { TenantPolicy } from '../../domain/policy';
import type { Problem } from '../../domain/problems';
import type { FieldKind } from '../../domain/privacy/fieldLabels';
import { privacyWarningsForField } from '../../domain/privacy/fieldWarnings';
import type { NameSource } from '../../domain/privacy/privacyGuard';

export interface PrivacyWarningInput {
  /** What is in the field now. */
  text: string;
  kind: FieldKind;
  /** The plan, or the booking draft's citizen name and participants; null before there is a name. */
  source: NameSource | null;
  policy: TenantPolicy;
  /** The field's path for inline marking (defaults to the kind). */
  field?: string;
}

export interface PrivacyWarning {
  problems: Problem[];
  /** Give this to the field's `aria-describedby` and to <PrivacyFieldWarning id>. */
  warningId: string;
}

/**
 * The privacy warnings for a field as the user types: a CPR number anywhere that leaves the store, the citizen's
 * name where the guard would block it. Recomputed only when the text, the name or the policy changes.
 */
export const usePrivacyWarning = ({ text, kind, source, policy, field }: PrivacyWarningInput): PrivacyWarning => {
  const warningId = useId();
  const problems = useMemo(
    () => privacyWarningsForField(text, kind, { plan: source, policy }, field ?? kind),
    [text, kind, source, policy, field],
  );
  return { problems, warningId };
};
