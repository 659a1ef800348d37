import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Problem } from '../../../domain/problems';
import { useLang } from '../useLang';
import type { FormDraft } from './formDraft';
import { fieldValidation } from './fieldValidation';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface CaseSectionProps {
  draft: FormDraft;
  onChange(patch: Partial<Pick<FormDraft, 'caseReference' | 'citizenName'>>): void;
  problems: readonly Problem[];
  /** The live privacy warning under the case reference (typing-time, never blocks). */
  caseReferenceWarning: ReactNode;
  /** The warning's id, so the field points at it with aria-describedby. */
  caseReferenceDescribedBy: string;
  /** A next meeting keeps the plan's case reference: it is already in the earlier invitations. */
  readOnlyCaseReference: boolean;
}

/** Sagen: the case reference that may leave the plan, and the citizen's name that never does. */
export const CaseSection = ({
  draft,
  onChange,
  problems,
  caseReferenceWarning,
  caseReferenceDescribedBy,
  readOnlyCaseReference,
}: CaseSectionProps) => {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  return (
    <section aria-labelledby="booking-case-heading" className={styles.section}>
      <h2 id="booking-case-heading">{t('case.heading')}</h2>
      <Field
        label={t('case.caseReference')}
        hint={t('case.caseReferenceHint')}
        required
        {...fieldValidation(problems, 'caseReference', lang)}
      >
        <Input
          id="booking-case-reference"
          value={draft.caseReference}
          readOnly={readOnlyCaseReference}
          aria-describedby={caseReferenceDescribedBy}
          autoComplete="off"
          onChange={(_, data) => onChange({ caseReference: data.value })}
        />
      </Field>
      {caseReferenceWarning}
      <Field
        label={t('case.citizenName')}
        hint={t('case.citizenNameHint')}
        {...fieldValidation(problems, 'citizenName', lang)}
      >
        <Input
          id="booking-citizen-name"
          value={draft.citizenName}
          autoComplete="off"
          onChange={(_, data) => onChange({ citizenName: data.value })}
        />
      </Field>
    </section>
  );
};
