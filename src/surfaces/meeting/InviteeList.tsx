import { Badge, Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { GrowingTextarea } from '../../ui/fields/GrowingTextarea';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { isCalendarInvitee } from '../../domain/booking/calendarInvitees';
import type { Attendance, Invitee } from '../../domain/plan/planDocument';
import { writtenInputPrivacyProblems } from '../../domain/delivery/minutesPrivacyCheck';
import { applyResponses, setAttendance, setWrittenInput } from '../../domain/meeting/attendance';
import { useServices } from '../../ui/services/ServicesContext';
import { byField, fieldDomId, validationOf } from './fieldProblems';
import { useMeetingSession } from './MeetingContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  org: { color: tokens.colorNeutralForeground2 },
  input: { whiteSpace: 'pre-wrap', margin: 0 },
});

type Response = Invitee['response'];
const badgeColor: Record<Response, 'success' | 'danger' | 'warning' | 'informative' | 'brand'> = {
  accepted: 'success',
  declined: 'danger',
  tentative: 'warning',
  none: 'informative',
  // The organiser sent the invitation: not an answer still pending.
  organizer: 'brand',
};

const KINDS: readonly Attendance['kind'][] = ['unknown', 'present', 'absent', 'apologies'];

/**
 * The participants with their answer to the invitation (read from the calendar event), their attendance, and for
 * those who sent afbud a place for their written input, which the koordinator presents in the round.
 */
export const InviteeList = () => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { calendar, policy } = useServices();
  const { plan, meeting, editMeeting, can, lang } = useMeetingSession();
  // Written input goes into the minutes card: what may not leave the plan (a CPR number, the citizen's name under
  // the summary policy) is marked under the field as it is typed, as in the referat.
  const inputProblems = useMemo(
    () => byField(writtenInputPrivacyProblems(plan, meeting, policy.cardDetail)),
    [plan, meeting, policy.cardDetail],
  );
  const [fetched, setFetched] = useState<Map<string, Response>>(new Map());
  const [state, setState] = useState<'idle' | 'busy' | 'done' | { failed: string }>('idle');
  const eventId = meeting.eventId;
  // Written input survives switching away from afbud and back while the tab is open.
  const lastInput = useRef(new Map<string, string>());

  const refresh = useCallback(async () => {
    if (!eventId) return;
    setState('busy');
    const outcome = await calendar.getResponses(eventId);
    if (!outcome.ok) {
      setState({ failed: outcome.message });
      return;
    }
    const answered = applyResponses(plan, meeting, outcome.value);
    setFetched(new Map(answered.invitees.map((i) => [i.participantId, i.response])));
    setState('done');
    // Those preparing the meeting keep the answers in the plan, so the minutes and other panels see them.
    if (can.prepare) {
      editMeeting((m) => {
        const next = applyResponses(plan, m, outcome.value);
        const same = next.invitees.every(
          (i, n) => i.response === m.invitees[n]?.response && i.attendance === m.invitees[n]?.attendance,
        );
        return same ? m : next;
      });
    }
    // Read the answers when the tab opens; the button reads them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [calendar, eventId, can.prepare, editMeeting]);

  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [eventId]);

  return (
    <div className={styles.root}>
      <ul className={styles.list}>
        {meeting.invitees.map((invitee) => {
          const person = plan.participants.find((p) => p.id === invitee.participantId);
          if (!person) return null;
          const response = fetched.get(person.id) ?? invitee.response;
          // The citizen, relatives and anyone without an e-mail address get no calendar invitation, so they have
          // no answer to wait for.
          const invitedByCalendar = isCalendarInvitee(person) && person.email !== null;
          const attendance = invitee.attendance;
          return (
            <li key={person.id}>
              <div className={styles.item} role="group" aria-labelledby={`invitee-${person.id}`}>
                <div className={styles.who}>
                  <Text weight="semibold" id={`invitee-${person.id}`}>
                    {person.name}
                  </Text>
                  {invitedByCalendar ? (
                    <Badge appearance="tint" color={badgeColor[response]}>
                      {t(`participants.response.${response}`)}
                    </Badge>
                  ) : (
                    <Badge appearance="outline" color="informative">
                      {t('participants.noCalendarInvitation')}
                    </Badge>
                  )}
                </div>
                <Text size={200} className={styles.org}>
                  {person.sector === 'borger' ? t('participants.citizen') : person.organisation}
                  {!invitee.required && ` · ${t('participants.optional')}`}
                </Text>
                {can.prepare ? (
                  <Field label={t('participants.attendance')} size="small">
                    <Select
                      size="small"
                      id={fieldDomId(`invitees.${person.id}.attendance`)}
                      value={attendance.kind}
                      onChange={(_, data) => {
                        const kind = data.value as Attendance['kind'];
                        // Switching away from afbud and back keeps the written input (nothing typed is lost).
                        if (attendance.kind === 'apologies') lastInput.current.set(person.id, attendance.writtenInput);
                        const kept = lastInput.current.get(person.id) ?? '';
                        editMeeting((m) =>
                          setAttendance(m, person.id, kind === 'apologies' ? { kind, writtenInput: kept } : { kind }),
                        );
                      }}
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`participants.kinds.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : (
                  <Text size={200}>{t(`participants.kinds.${attendance.kind}`)}</Text>
                )}
                {attendance.kind === 'apologies' &&
                  (can.prepare ? (
                    <Field
                      label={t('participants.writtenInput', { name: person.name })}
                      hint={t('participants.writtenInputHint')}
                      {...validationOf(inputProblems.get(`attendance.${person.id}.writtenInput`), lang)}
                    >
                      <GrowingTextarea
                        id={fieldDomId(`invitees.${person.id}.writtenInput`)}
                        value={attendance.writtenInput}
                        onChange={(_, data) => editMeeting((m) => setWrittenInput(m, person.id, data.value))}
                      />
                    </Field>
                  ) : (
                    attendance.writtenInput && <p className={styles.input}>{attendance.writtenInput}</p>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
      {eventId ? (
        <div>
          <Button size="small" onClick={() => void refresh()} disabled={state === 'busy'}>
            {state === 'busy' ? t('participants.refreshing') : t('participants.refresh')}
          </Button>
          <Text size={200} role="status">
            {' '}
            {state === 'done'
              ? t('participants.refreshed')
              : typeof state === 'object'
                ? t('participants.refreshFailed', { detail: state.failed })
                : ''}
          </Text>
        </div>
      ) : (
        <Text size={200}>{t('participants.noEvent')}</Text>
      )}
    </div>
  );
};
