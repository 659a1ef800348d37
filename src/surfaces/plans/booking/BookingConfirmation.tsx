import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { formatDateTime, formatTime } from '../../../domain/time/danishTime';
import { useLang } from '../useLang';
import type { BookedMeeting } from './BookingPage';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '720px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
  },
});

/** Mødet er booket: when, who got the invitation, the join link, and how the tab got into the meeting chat. */
export const BookingConfirmation = ({ booked, onHome }: { booked: BookedMeeting; onHome(): void }) => {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const when = booked.start
    ? `${formatDateTime(new Date(booked.start), lang)}–${formatTime(new Date(booked.end), lang)}`
    : '';
  return (
    <main className={styles.page} aria-labelledby="booked-title">
      <h1 id="booked-title" ref={headingRef} tabIndex={-1}>
        {t('done.title')}
      </h1>
      <div role="status">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('done.when', { caseReference: booked.caseReference, when })}</MessageBarTitle>
            {t('done.invited', { count: booked.invited })}
          </MessageBarBody>
        </MessageBar>
      </div>
      {booked.toldInPerson.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('done.toldInPerson', { names: booked.toldInPerson.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent={booked.access.notYet.length > 0 ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          {t('done.access', { count: booked.access.opens })}
          {booked.access.notYet.length > 0 && ` ${t('done.accessNotYet', { names: booked.access.notYet.join(', ') })}`}
        </MessageBarBody>
      </MessageBar>
      {booked.joinUrl && (
        <Text>
          <Link href={booked.joinUrl} target="_blank" rel="noreferrer">
            {t('done.join')}
          </Link>
        </Text>
      )}
      <MessageBar intent={booked.tab === 'pinned' ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>{booked.tab === 'pinned' ? t('done.tabPinned') : t('done.tabManual')}</MessageBarBody>
      </MessageBar>
      {booked.consentMissing && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('done.consentMissing')}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" onClick={onHome}>
          {t('done.home')}
        </Button>
      </div>
    </main>
  );
};
