import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
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
  const citizenName = citizen?.name ?? '';
  // The headings and labels, translated once per language rather than on every keystroke.
  const text = useMemo(
    () => ({
      previous: t('previous.heading'),
      challenges: t('minutes.challenges.heading'),
      goals: t('minutes.goals.heading'),
      efforts: t('minutes.efforts.heading'),
      addEffort: t('minutes.efforts.add'),
      noEfforts: t('minutes.efforts.empty'),
      citizenTasks: t('minutes.citizenTasks.heading'),
      citizenIntro: t('minutes.citizenTasks.intro', { name: citizenName }),
      addCitizenTask: t('minutes.citizenTasks.add', { name: citizenName }),
      noCitizenTasks: t('minutes.citizenTasks.empty'),
      noCitizen: t('minutes.citizenTasks.noCitizen'),
      acceptance: t('minutes.acceptance.heading'),
      next: t('minutes.next.heading'),
    }),
    [t, citizenName],
  );

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
        <Section id="minutes-followup" title={text.previous}>
          <Steady on={[minutes.followUp, participants, problems, lang]}>
            <FollowUpEditor problems={problems} readOnly={false} />
          </Steady>
        </Section>
      )}
      <Section id="minutes-challenges" title={text.challenges}>
        <Steady on={[minutes.challenges, problems, lang]}>
          <ChallengesEditor problems={problems} />
        </Steady>
      </Section>
      <Section id="minutes-goals" title={text.goals}>
        <Steady on={[minutes.goals, problems, lang]}>
          <GoalsEditor problems={problems} />
        </Steady>
      </Section>
      <Section id="minutes-efforts" title={text.efforts}>
        <EffortsEditor
          which={(e) => citizenId === null || e.ownerId !== citizenId}
          addAs={{}}
          addLabel={text.addEffort}
          emptyText={text.noEfforts}
          problems={problems}
        />
      </Section>
      <Section id="minutes-citizen" title={text.citizenTasks}>
        {citizen ? (
          <>
            <Text size={200}>{text.citizenIntro}</Text>
            <EffortsEditor
              which={(e) => e.ownerId === citizen.id}
              addAs={{ ownerId: citizen.id }}
              addLabel={text.addCitizenTask}
              emptyText={text.noCitizenTasks}
              problems={problems}
            />
          </>
        ) : (
          <Text size={200}>{text.noCitizen}</Text>
        )}
      </Section>
      <Section id="minutes-acceptance" title={text.acceptance}>
        <Steady on={[minutes.acceptance, lang]}>
          <AcceptanceField labelId="minutes-acceptance" />
        </Steady>
      </Section>
      <Section id="minutes-next" title={text.next}>
        <Steady on={[minutes.nextTovholderId, minutes.nextMeetingBy, participants, problems, lang]}>
          <NextMeetingFields problems={problems} />
        </Steady>
      </Section>
    </div>
  );
});
