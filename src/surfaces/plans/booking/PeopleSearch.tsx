import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Failure } from '../../../domain/ports/outcome';
import type { DirectoryPerson } from '../../../domain/ports/peopleDirectory';
import { sameEmail } from '../../../domain/roles/roles';
import { useServices } from '../../../ui/services/ServicesContext';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_DELAY_MS = 300;
const MIN_QUERY = 2;

const useStyles = makeStyles({
  results: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  result: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: 'wrap',
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
});

type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; people: DirectoryPerson[] }
  | { status: 'failed'; query: string; failure: Failure };

export interface PeopleSearchProps {
  /** E-mail addresses already invited, so the button says "Tilføjet" instead of adding twice. */
  invitedEmails: readonly string[];
  onAdd(person: DirectoryPerson): void;
}

/** Søg i adressebogen: the directory (Graph users and people), searched once the typing pauses. */
export const PeopleSearch = ({ invitedEmails, onAdd }: PeopleSearchProps) => {
  const { t } = useTranslation('booking');
  const styles = useStyles();
  const { people } = useServices();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (settled.length < MIN_QUERY) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'searching', query: settled });
    void people.search(settled).then((outcome) => {
      if (!current) return;
      setState(
        outcome.ok
          ? { status: 'done', query: settled, people: outcome.value }
          : { status: 'failed', query: settled, failure: outcome },
      );
    });
    return () => {
      current = false;
    };
  }, [settled, people]);

  const status =
    state.status === 'searching'
      ? t('participants.searching')
      : state.status === 'failed'
        ? state.failure.kind === 'forbidden'
          ? t('participants.searchForbidden', { code: state.failure.code })
          : state.failure.kind === 'throttled'
            ? t('participants.searchThrottled')
            : t('participants.searchFailed')
        : state.status === 'done'
          ? state.people.length === 0
            ? t('participants.noneFound', { query: state.query })
            : t('participants.found', { count: state.people.length })
          : '';

  return (
    <div role="search" aria-label={t('participants.searchLabel')}>
      <Field label={t('participants.searchLabel')} hint={t('participants.searchHint')}>
        <Input type="search" value={query} autoComplete="off" onChange={(_, data) => setQuery(data.value)} />
      </Field>
      <div role="status" aria-live="polite">
        {state.status === 'searching' ? (
          <Spinner size="tiny" label={status} labelPosition="after" />
        ) : (
          <Text>{status}</Text>
        )}
      </div>
      {state.status === 'done' && state.people.length > 0 && (
        <ul className={styles.results} aria-label={t('participants.searchLabel')}>
          {state.people.map((person) => {
            const added = invitedEmails.some((e) => sameEmail(e, person.email));
            return (
              <li key={person.email} className={styles.result}>
                <span className={styles.who}>
                  <Text weight="semibold">{person.name}</Text>
                  <Text size={200} className={styles.detail}>
                    {[person.jobTitle, person.organisation, person.email].filter(Boolean).join(' · ')}
                  </Text>
                </span>
                <Button
                  size="small"
                  disabled={added}
                  aria-label={added ? undefined : t('participants.addNamed', { name: person.name })}
                  onClick={() => onAdd(person)}
                >
                  {added ? t('participants.alreadyAdded') : t('participants.add')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
};
