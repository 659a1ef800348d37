import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Participant, RoleName, Roles } from '../../../domain/plan/planDocument';
import type { Problem } from '../../../domain/problems';
import { ROLE_NAMES } from '../../../domain/roles/roles';
import { useLang } from '../useLang';
import { fieldValidation } from './fieldValidation';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

export interface RolesSectionProps {
  participants: readonly Participant[];
  roles: Roles;
  problems: readonly Problem[];
  onChange(role: RoleName, participantId: string | null): void;
}

/** Roller: koordinator, mødeleder, referent, chosen among the professionals. */
export const RolesSection = ({ participants, roles, problems, onChange }: RolesSectionProps) => {
  const { t } = useTranslation(['booking', 'common']);
  const lang = useLang();
  const styles = useStyles();
  const candidates = participants.filter((p) => p.sector !== 'borger' && p.sector !== 'paaroerende');
  return (
    <section aria-labelledby="booking-roles-heading">
      <h3 id="booking-roles-heading">{t('booking:roles.heading')}</h3>
      <p>{t('booking:roles.intro')}</p>
      <div className={styles.grid}>
        {ROLE_NAMES.map((role) => (
          <Field
            key={role}
            label={t(`common:roles.${role}`)}
            required={role === 'koordinator'}
            {...fieldValidation(problems, `roles.${role}`, lang)}
          >
            <Select value={roles[role] ?? ''} onChange={(_, d) => onChange(role, d.value === '' ? null : d.value)}>
              <option value="">{t('booking:roles.none')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
};
