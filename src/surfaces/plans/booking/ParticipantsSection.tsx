import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useState } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Participant } from '../../../domain/plan/planDocument';
import type { DirectoryPerson } from '../../../domain/ports/peopleDirectory';
import type { Problem } from '../../../domain/problems';
import { useLang } from '../useLang';
import { ExternalPersonForm, type ExternalPerson } from './ExternalPersonForm';
import { newId, type FormDraft } from './formDraft';
import { ParticipantList } from './ParticipantList';
import { PeopleSearch } from './PeopleSearch';
import { RolesSection } from './RolesSection';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * A directory hit as a participant: colleagues are reached in Teams, others by what the directory knows. The sector
 * is the directory's best guess ("andet" when unclear); the koordinator can change it in the list.
 */
const fromDirectory = (person: DirectoryPerson): Participant => ({
  id: newId('p'),
  name: person.name,
  email: person.email,
  organisation: person.organisation,
  sector: person.sector ?? 'andet',
  reach: person.inTenant ? 'inTenant' : person.userId ? 'federated' : 'emailOnly',
  userId: person.userId,
  tenantId: person.inTenant ? null : (person.tenantId ?? null),
});

const fromExternal = (person: ExternalPerson): Participant => ({
  id: newId('p'),
  name: person.name,
  email: person.email,
  organisation: person.organisation,
  sector: person.sector,
  reach: 'emailOnly',
  userId: null,
  tenantId: null,
});

export interface ParticipantsSectionProps {
  draft: Pick<FormDraft, 'participants' | 'required' | 'roles' | 'externalEntry'>;
  problems: readonly Problem[];
  onChange(next: (draft: FormDraft) => FormDraft): void;
}

/** Deltagere: search the directory, add people by e-mail, mark the citizen and relatives, give the roles. */
export const ParticipantsSection = memo(function ParticipantsSection({
  draft,
  problems,
  onChange,
}: ParticipantsSectionProps) {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const [announcement, setAnnouncement] = useState('');

  const add = (participant: Participant) => {
    onChange((d) => ({ ...d, participants: [...d.participants, participant] }));
    setAnnouncement(t('participants.addedStatus', { name: participant.name }));
  };
  const remove = (id: string) => {
    const person = draft.participants.find((p) => p.id === id);
    onChange((d) => {
      const { [id]: _dropped, ...required } = d.required;
      const roles = { ...d.roles };
      for (const role of ['koordinator', 'moedeleder', 'referent'] as const) if (roles[role] === id) roles[role] = null;
      return { ...d, participants: d.participants.filter((p) => p.id !== id), required, roles };
    });
    if (person) setAnnouncement(t('participants.removedStatus', { name: person.name }));
  };
  const listProblems = problems.filter((p) => p.field === 'participants');

  return (
    <section aria-labelledby="booking-participants-heading" className={styles.section}>
      <h2 id="booking-participants-heading">{t('participants.heading')}</h2>
      <PeopleSearch
        invitedEmails={draft.participants.flatMap((p) => (p.email ? [p.email] : []))}
        onAdd={(person) => add(fromDirectory(person))}
      />
      <ExternalPersonForm
        participants={draft.participants}
        entry={draft.externalEntry}
        onEntryChange={(externalEntry) => onChange((d) => ({ ...d, externalEntry }))}
        onAdd={(person) => add(fromExternal(person))}
      />
      <h3 id="booking-invited-heading">{t('participants.listHeading', { count: draft.participants.length })}</h3>
      {listProblems.map((p) => (
        <MessageBar key={p.code} intent={p.severity === 'error' ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>{p.message[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      <ParticipantList
        participants={draft.participants}
        required={draft.required}
        problems={problems}
        onSectorChange={(id, sector) =>
          onChange((d) => ({ ...d, participants: d.participants.map((p) => (p.id === id ? { ...p, sector } : p)) }))
        }
        onOptionalChange={(id, optional) => onChange((d) => ({ ...d, required: { ...d.required, [id]: !optional } }))}
        onRemove={remove}
      />
      <div role="status" aria-live="polite" className={styles.srOnly}>
        {announcement}
      </div>
      <RolesSection
        participants={draft.participants}
        roles={draft.roles}
        problems={problems}
        onChange={(role, id) => onChange((d) => ({ ...d, roles: { ...d.roles, [role]: id } }))}
      />
    </section>
  );
});
