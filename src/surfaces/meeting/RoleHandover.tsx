import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { handOverRole, ROLE_NAMES } from '../../domain/roles/roles';
import type { RoleName } from '../../domain/plan/planDocument';
import { useMeetingSession } from './MeetingContext';
import { fieldDomId } from './fieldProblems';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * Roller at the meeting, and "Giv rollen videre": whoever holds a role (or the koordinator) can hand it to another
 * participant, e.g. when the mødeleder has to leave.
 */
export const RoleHandover = () => {
  const { t } = useTranslation(['meeting', 'common']);
  const styles = useStyles();
  const { plan, meeting, editMeeting, myRoles } = useMeetingSession();
  const [role, setRole] = useState<RoleName | null>(null);
  const [to, setTo] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const nameOf = (id: string | null) =>
    id === null ? t('roles.none') : (plan.participants.find((p) => p.id === id)?.name ?? t('summary.unknownPerson'));
  const mayHandOver = (r: RoleName) => myRoles.includes(r) || myRoles.includes('koordinator');
  const candidates = plan.participants.filter((p) => p.sector !== 'borger' && p.sector !== 'paaroerende');

  const confirm = () => {
    if (!role || !to) return;
    editMeeting((m) => handOverRole(m, role, to));
    setAnnouncement(t('roles.handedOver', { name: nameOf(to), role: t(`common:roles.${role}`).toLocaleLowerCase() }));
    setRole(null);
    setTo('');
  };

  return (
    <section className={styles.root} aria-labelledby="roles-heading">
      <Text as="h2" size={400} weight="semibold" id="roles-heading">
        {t('roles.heading')}
      </Text>
      <ul className={styles.list}>
        {ROLE_NAMES.map((r) => (
          <li key={r} id={fieldDomId(`roles.${r}`)} tabIndex={-1}>
            <Text>
              {t(`common:roles.${r}`)}: {nameOf(meeting.roles[r])}
            </Text>{' '}
            {mayHandOver(r) && role !== r && (
              <Button
                size="small"
                appearance="subtle"
                aria-label={t('roles.handOverRole', { role: t(`common:roles.${r}`).toLocaleLowerCase() })}
                onClick={() => setRole(r)}
              >
                {t('roles.handOver')}
              </Button>
            )}
            {role === r && (
              <div className={styles.form}>
                <Field label={t('roles.to')}>
                  <Select value={to} onChange={(_, data) => setTo(data.value)}>
                    <option value="">{t('roles.choose')}</option>
                    {candidates
                      .filter((p) => p.id !== meeting.roles[r])
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                  </Select>
                </Field>
                <div>
                  <Button appearance="primary" size="small" disabled={!to} onClick={confirm}>
                    {t('roles.confirm')}
                  </Button>{' '}
                  <Button size="small" onClick={() => setRole(null)}>
                    {t('common:cancel')}
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.hidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
};
