import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { ShownStatus } from '../../domain/delivery/sendStatus';

const dotColor: Record<ShownStatus, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  notYet: 'subtle',
  pending: 'informative',
  sending: 'informative',
  sent: 'success',
  failed: 'danger',
  unknown: 'warning',
  skipped: 'subtle',
};

export interface RowRetry {
  label: string;
  /** The label with the recipient's name, so a list of "Prøv igen" buttons can be told apart. */
  accessibleName: string;
  disabled: boolean;
  onRetry(): void;
}

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  line: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  // One line always, whatever the status says, so the list does not jump while the statuses change.
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: tokens.lineHeightBase300,
  },
  statusIcon: { display: 'inline-flex', width: '16px', justifyContent: 'center', flexShrink: 0 },
  reason: { color: tokens.colorNeutralForeground2 },
});

/**
 * One recipient in "Send referat": name, organisation and channel, a status that changes while the minutes go
 * out, why they did not (or may not) get them, and their own "Prøv igen".
 */
export const SendRecipientRow = memo(function SendRecipientRow({
  name,
  organisation,
  channel,
  status,
  statusText,
  notes,
  retry,
}: {
  name: string;
  organisation: string | null;
  channel: string;
  /** Null for those who get nothing (outside the consent, the sender): the reason says why. */
  status: ShownStatus | null;
  statusText: string;
  notes: readonly string[];
  retry: RowRetry | null;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Text weight="semibold">{name}</Text>
      <div className={styles.line}>
        {organisation && (
          <>
            <Text size={200}>{organisation}</Text>
            <Text size={200} aria-hidden="true">
              ·
            </Text>
          </>
        )}
        <Text size={200}>{channel}</Text>
      </div>
      {status && (
        <div className={styles.status}>
          <span className={styles.statusIcon} aria-hidden="true">
            {status === 'sending' ? (
              <Spinner size="extra-tiny" />
            ) : (
              <Badge size="extra-small" shape="circular" color={dotColor[status]} />
            )}
          </span>
          <Text size={200} weight={status === 'failed' || status === 'unknown' ? 'semibold' : 'regular'}>
            {statusText}
          </Text>
        </div>
      )}
      {notes.map((note) => (
        <Text key={note} size={200} className={styles.reason}>
          {note}
        </Text>
      ))}
      {retry && (
        <div>
          <Button
            size="small"
            aria-label={retry.accessibleName}
            disabledFocusable={retry.disabled}
            onClick={retry.disabled ? undefined : retry.onRetry}
          >
            {retry.label}
          </Button>
        </div>
      )}
    </li>
  );
});
