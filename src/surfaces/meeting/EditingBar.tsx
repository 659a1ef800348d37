import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { lazy } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { OnDemand } from '../../ui/lazy/OnDemand';
import { useMeetingSession } from './MeetingContext';
import type { Choice, OpenConflict } from './planSync';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './useMeetingPlan';
import type { StoredPlan } from '../../domain/ports/planStore';

export interface EditingState {
  saveState: SaveState;
  /** The store's version and eTag this panel holds (see useMeetingPlan). */
  stored: StoredPlan;
  restored: boolean;
  open: OpenConflict | null;
  resolve(choices: readonly Choice[]): void;
  saveNow(): void;
  /** Fetch the stored version now (after something else wrote it, e.g. the delivery record). */
  reload(): Promise<void>;
}

// Needed only after a clash between two saves: out of the side panel's first load.
const ConflictResolver = lazy(() => import('./ConflictResolver').then((m) => ({ default: m.ConflictResolver })));

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

/** Where the user's words are (saved, pending, on this device only) and, after a clash, the choice to make. */
export const EditingBar = ({ editing }: { editing: EditingState }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, lang } = useMeetingSession();
  return (
    <div className={styles.root}>
      <SaveStatus state={editing.saveState} onSaveNow={editing.saveNow} />
      {editing.restored && editing.saveState !== 'saved' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('save.restored')}</MessageBarBody>
        </MessageBar>
      )}
      {editing.open && (
        // Keyed by the version met, so a new clash starts with fresh choices.
        <OnDemand key={editing.open.theirs.eTag}>
          <ConflictResolver open={editing.open} plan={plan} lang={lang} onResolve={editing.resolve} />
        </OnDemand>
      )}
    </div>
  );
};
