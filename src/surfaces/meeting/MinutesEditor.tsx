import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { memo, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultNextMeetingBy } from '../../domain/minutes/defaultNextMeeting';
import { setNextMeetingBy } from '../../domain/minutes/editMinutes';
import { AcceptanceField } from './AcceptanceField';
import { ChallengesEditor } from './ChallengesEditor';
import { EffortsEditor } from './EffortsEditor';
import type { ProblemsByField } from './fieldProblems';
import { FollowUpEditor } from './FollowUpEditor';
import { GoalsEditor } from './GoalsEditor';
import { Steady, useMeetingSession } from './MeetingContext';
import { NextMeetingFields } from './NextMeetingFields';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h3" size={400} weight="semibold" id={id}>
        {title}
      </Text>
      {children}
    </section>
  );
};

/**
 * Referatet for the referent: challenges, shared goals in priority order, efforts, the citizen's own tasks,
 * acceptance, next tovholder and date, and the follow-up on the previous meeting's efforts. Memoised: it
 * re-renders when the plan or its problems change, not for every render of the panel around it.
 */
export const MinutesEditor = memo(function MinutesEditor({ problems }: { problems: ProblemsByField }) {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, editMinutes, lang } = useMeetingSession();
  const { minutes } = meeting;
  const { participants } = plan;
  const citizen = plan.participants.find((p) => p.sector === 'borger') ?? null;
  const citizenId = citizen?.id ?? null;

  // Næste møde defaults to three months after this one, the pace the handbook's teams kept.
  const missingDate = meeting.minutes.nextMeetingBy === null;
  const start = meeting.start;
  useEffect(() => {
    if (missingDate)
      editMinutes((m) => (m.nextMeetingBy === null ? setNextMeetingBy(m, defaultNextMeetingBy({ start })) : m));
  }, [missingDate, start, editMinutes]);

  return (
    <div className={styles.root}>
      {meeting.minutes.followUp.length > 0 && (
        <Steady on={[minutes.followUp, participants, problems, lang]}>
          <Section id="minutes-followup" title={t('previous.heading')}>
            <FollowUpEditor problems={problems} readOnly={false} />
          </Section>
        </Steady>
      )}
      <Steady on={[minutes.challenges, lang]}>
        <Section id="minutes-challenges" title={t('minutes.challenges.heading')}>
          <ChallengesEditor />
        </Section>
      </Steady>
      <Steady on={[minutes.goals, problems, lang]}>
        <Section id="minutes-goals" title={t('minutes.goals.heading')}>
          <GoalsEditor problems={problems} />
        </Section>
      </Steady>
      <Section id="minutes-efforts" title={t('minutes.efforts.heading')}>
        <EffortsEditor
          which={(e) => citizenId === null || e.ownerId !== citizenId}
          addAs={{}}
          addLabel={t('minutes.efforts.add')}
          emptyText={t('minutes.efforts.empty')}
          problems={problems}
        />
      </Section>
      <Section id="minutes-citizen" title={t('minutes.citizenTasks.heading')}>
        {citizen ? (
          <>
            <Text size={200}>{t('minutes.citizenTasks.intro', { name: citizen.name })}</Text>
            <EffortsEditor
              which={(e) => e.ownerId === citizen.id}
              addAs={{ ownerId: citizen.id }}
              addLabel={t('minutes.citizenTasks.add', { name: citizen.name })}
              emptyText={t('minutes.citizenTasks.empty')}
              problems={problems}
            />
          </>
        ) : (
          <Text size={200}>{t('minutes.citizenTasks.noCitizen')}</Text>
        )}
      </Section>
      <Steady on={[minutes.acceptance, lang]}>
        <Section id="minutes-acceptance" title={t('minutes.acceptance.heading')}>
          <AcceptanceField labelId="minutes-acceptance" />
        </Section>
      </Steady>
      <Steady on={[minutes.nextTovholderId, minutes.nextMeetingBy, participants, problems, lang]}>
        <Section id="minutes-next" title={t('minutes.next.heading')}>
          <NextMeetingFields problems={problems} />
        </Section>
      </Steady>
    </div>
  );
});
