import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { movePlans, type MoveReport } from '../../../domain/plan/movePlans';
import { setupReport, type SetupFinding, type SetupObservations } from '../../../domain/setup/setupReport';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { useServices } from '../../../ui/services/ServicesContext';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '880px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    width: '100%',
  },
  back: { alignSelf: 'flex-start' },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: { listStyle: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const intentOf = { ok: 'success', missing: 'error', warning: 'warning', info: 'info' } as const;

/**
 * Tjek opsætning: what this tenant's setup lacks, asked of Microsoft 365 as the signed-in user (an admin, or a
 * koordinator trying the app), each finding with what to do. Also where plans are moved from the old library.
 */
export const SetupPage = ({ onBack }: { onBack(): void }) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const services = useServices();
  const { setupProbe, partnerTenants = [], legacyPlans, planStore, planAccess, clock, policy, me } = services;
  const [observations, setObservations] = useState<SetupObservations | null>(null);
  const [trying, setTrying] = useState(false);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState<MoveReport | null>(null);

  const check = useCallback(async () => {
    if (!setupProbe) return;
    setObservations(null);
    const [scopes, places, oneDrive, partners, legacyLeft] = await Promise.all([
      setupProbe.grantedScopes(),
      setupProbe.listPlaces(),
      setupProbe.hasOneDrive(),
      Promise.all(
        partnerTenants.map(async (p) => ({
          tenantId: p.tenantId,
          name: p.name,
          outcome: await setupProbe.partner(p.tenantId),
        })),
      ),
      legacyPlans
        ? legacyPlans
            .list()
            .then((listed) =>
              listed.ok
                ? { ok: true as const, value: listed.value.entries.filter((e) => e.kind === 'plan').length }
                : listed,
            )
        : Promise.resolve(null),
    ]);
    setObservations((current) => ({
      scopes,
      places,
      oneDrive,
      partners,
      legacyLeft,
      ...(policy.mailProtection ? { mail: policy.mailProtection } : {}),
      tryPlace: current?.tryPlace ?? null,
    }));
  }, [setupProbe, partnerTenants, legacyPlans, policy.mailProtection]);

  useEffect(() => {
    void check();
  }, [check]);

  const tryPlace = async () => {
    if (!setupProbe) return;
    setTrying(true);
    const tried = await setupProbe.tryPlace();
    setTrying(false);
    setObservations((current) => (current ? { ...current, tryPlace: tried } : current));
  };

  const move = async (only: 'mine' | 'all') => {
    if (!legacyPlans) return;
    setMoving(true);
    const report = await movePlans(
      { legacy: legacyPlans, store: planStore, access: planAccess, clock, policy },
      { myEmail: me.email, only },
    );
    setMoving(false);
    setMoved(report);
    void check();
  };

  const findings: SetupFinding[] | null = observations ? setupReport(observations) : null;
  return (
    <main className={styles.page} aria-labelledby="setup-title">
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack} className={styles.back}>
        {t('history.back')}
      </Button>
      <h1 id="setup-title">{t('setup.title')}</h1>
      <Text>{t('setup.intro')}</Text>
      {!setupProbe && (
        <MessageBar intent="info">
          <MessageBarBody>{t('setup.notHere')}</MessageBarBody>
        </MessageBar>
      )}
      {setupProbe && !findings && <Spinner label={t('setup.checking')} />}
      {findings && (
        <ul className={styles.findings} aria-label={t('setup.findings')}>
          {findings.map((f) => (
            <li key={f.key} className={styles.item}>
              <MessageBar intent={intentOf[f.state]} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>
                    {f.title[lang]}: {t(`setup.states.${f.state}`)}
                  </MessageBarTitle>
                  {f.detail[lang]}
                </MessageBarBody>
              </MessageBar>
            </li>
          ))}
        </ul>
      )}
      {setupProbe && (
        <div className={styles.actions}>
          <Button onClick={() => void check()}>{t('setup.again')}</Button>
          <Button onClick={() => void tryPlace()} disabled={trying}>
            {trying ? t('setup.trying') : t('setup.tryPlace')}
          </Button>
          {legacyPlans && (
            <>
              <Button appearance="primary" onClick={() => void move('mine')} disabled={moving}>
                {moving ? t('setup.moving') : t('setup.move')}
              </Button>
              <Button onClick={() => void move('all')} disabled={moving}>
                {t('setup.moveAll')}
              </Button>
            </>
          )}
        </div>
      )}
      {legacyPlans && <Text>{t('setup.moveWho')}</Text>}
      {moved && <MoveResult report={moved} />}
    </main>
  );
};

const MoveResult = ({ report }: { report: MoveReport }) => {
  const { t } = useTranslation('plans');
  if (!report.library.ok)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t('setup.moveLibraryFailed', { code: report.library.failure.code })}</MessageBarBody>
      </MessageBar>
    );
  const failedOnes = report.plans.filter((p) => p.state === 'failed');
  return (
    <section aria-labelledby="moved-heading" role="status">
      <h2 id="moved-heading">{t('setup.movedHeading')}</h2>
      <ul>
        {report.plans.map((p) => (
          <li key={p.legacyId}>
            <strong>{p.caseReference || p.legacyId}</strong>:{' '}
            {p.state === 'moved'
              ? p.accessProblems > 0
                ? t('setup.movedWithProblems', { count: p.accessProblems })
                : t('setup.moved')
              : p.state === 'alreadyMoved'
                ? t('setup.alreadyMoved')
                : p.state === 'notMine'
                  ? t('setup.notMine', { name: p.koordinator ?? t('access.unknown') })
                  : t('setup.moveFailed', {
                      code: p.failure.kind === 'conflict' ? 'conflict' : p.failure.code,
                    })}
          </li>
        ))}
        {report.unreadable.map((name) => (
          <li key={name}>
            <strong>{name}</strong>: {t('setup.notAPlan')}
          </li>
        ))}
      </ul>
      {failedOnes.length > 0 && <Text>{t('setup.failedStay')}</Text>}
    </section>
  );
};
