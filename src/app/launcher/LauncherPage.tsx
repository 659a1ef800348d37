import {
  Badge,
  Button,
  Card,
  Field,
  Link,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import * as z from 'zod/mini';
import type { DemoUser } from '../../adapters/auth/sandboxDemoUsers';
import { useSessionDraft } from '../../ui/hooks/useSessionDraft';
import type { AppConfig } from '../config';
import { launcherTargets, surfaceUrl, type LauncherChoice, type LauncherSurface } from './launcherUrls';
import { SurfacePreview } from './SurfacePreview';
import { useDemoUsers } from './useDemoUsers';
import { usePlanChoices } from './usePlanChoices';

/**
 * Injected by webpack's DefinePlugin: where `npm start` runs the local Teams host (sandbox/teamsHost/), or null in a
 * build without one.
 */
declare const __TOVHOLDER_TEAMS_HOST_ORIGIN__: string | null | undefined;
const TEAMS_HOST_ORIGIN = typeof __TOVHOLDER_TEAMS_HOST_ORIGIN__ === 'string' ? __TOVHOLDER_TEAMS_HOST_ORIGIN__ : null;

const SURFACES: readonly LauncherSurface[] = ['plans', 'details', 'meeting', 'compose'];
/** The demo's plan: offered first to whoever may open it. */
const SEEDED_CASE = 'KI-2026-014';
const DEFAULT_USER = 'mette.larsen@sundby-kommune.example';

const useStyles = makeStyles({
  page: {
    maxWidth: '1280px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  intro: { maxWidth: '72ch', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 1fr) minmax(320px, 2fr)',
    gap: tokens.spacingHorizontalXL,
  },
  h2: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  userLabel: { display: 'flex', flexDirection: 'column' },
  options: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const ThemeSchema = z.enum(['light', 'dark', 'contrast']);

const LauncherStateSchema = z.object({
  user: z.string(),
  planId: z.string(),
  preview: z.nullable(z.enum(['plans', 'details', 'meeting', 'compose'])),
  /** The theme the preview was opened with: later changes reach its frames live, without reloading them. */
  previewTheme: ThemeSchema,
});

export interface LauncherPageProps {
  config: AppConfig;
  lang: 'da' | 'en';
  onLangChange(lang: 'da' | 'en'): void;
  theme: LauncherChoice['theme'];
  onThemeChange(theme: LauncherChoice['theme']): void;
  sandboxParam: string | null;
}

/** The local start page: be any demo user, open each surface as Teams and Outlook would show it, watch the sandbox. */
export const LauncherPage = ({ config, lang, onLangChange, theme, onThemeChange, sandboxParam }: LauncherPageProps) => {
  const { t } = useTranslation('launcher');
  const { t: ts } = useTranslation('shell');
  const styles = useStyles();
  const sandboxOrigin = config.sandboxOrigin ?? '';
  const users = useDemoUsers(sandboxOrigin);
  const [state, setState] = useSessionDraft(
    'launcher',
    {
      user: DEFAULT_USER,
      planId: '',
      preview: null as LauncherSurface | null,
      previewTheme: theme,
    },
    LauncherStateSchema,
  );
  const person: DemoUser | undefined =
    users.status === 'ready' ? users.users.find((u) => u.upn === state.user) : undefined;
  const plans = usePlanChoices(config, person ? { upn: person.upn, tenantId: person.tenantId ?? null } : null);
  // The plan picked if this user may open it, else the demo's plan, else their first; none for someone with none.
  const planId =
    plans === null || plans.some((p) => p.planId === state.planId)
      ? state.planId
      : ((plans.find((p) => p.caseReference === SEEDED_CASE) ?? plans[0])?.planId ?? '');
  const choice: LauncherChoice = { user: state.user, theme, lang, planId, sandbox: sandboxParam };
  const targets = launcherTargets(choice);
  const previewChoice: LauncherChoice = { ...choice, theme: state.previewTheme };
  const previewTargets = launcherTargets(previewChoice);
  const name = person?.name ?? state.user;

  return (
    <main className={styles.page}>
      <header>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.intro}>{t('intro')}</p>
        {TEAMS_HOST_ORIGIN && (
          <p className={styles.intro}>
            <Link href={`${TEAMS_HOST_ORIGIN}/`}>{t('asInTeams')}</Link>
            <br />
            <Text size={200}>{t('asInTeamsHint')}</Text>
          </p>
        )}
      </header>

      <div className={styles.columns}>
        <section aria-labelledby="pick-user">
          <h2 id="pick-user" className={styles.h2}>
            {t('pickUser')}
          </h2>
          {users.status === 'loading' && <Spinner size="tiny" label={t('userLoading')} />}
          {users.status === 'error' && <Text role="alert">{t('userFailed', { origin: sandboxOrigin })}</Text>}
          {users.status === 'ready' && (
            <RadioGroup
              aria-labelledby="pick-user"
              value={state.user}
              onChange={(_, data) => setState((s) => ({ ...s, user: data.value }))}
            >
              {users.users.map((user) => (
                <Radio
                  key={user.upn}
                  value={user.upn}
                  label={
                    <span className={styles.userLabel}>
                      <span>
                        <strong>{user.name}</strong>
                        {user.role ? ` · ${user.role}` : ''}{' '}
                        {user.kind === 'federated' && (
                          <Badge size="small" appearance="tint" color="warning">
                            {t('external')}
                          </Badge>
                        )}
                      </span>
                      <Text size={200}>
                        {t('userRole', { jobTitle: user.jobTitle ?? '', organisation: user.organisation ?? '' })}
                      </Text>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          )}
        </section>

        <section aria-labelledby="open-surfaces">
          <h2 id="open-surfaces" className={styles.h2}>
            {t('surfaces', { name })}
          </h2>
          <div className={styles.options}>
            <Field label={t('theme')}>
              <Select value={theme} onChange={(_, data) => onThemeChange(ThemeSchema.parse(data.value))}>
                {(['light', 'dark', 'contrast'] as const).map((option) => (
                  <option key={option} value={option}>
                    {t(`themes.${option}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={ts('languageSwitch')}>
              <Select value={lang} onChange={(_, data) => onLangChange(data.value === 'en' ? 'en' : 'da')}>
                <option value="da">{ts('danish')}</option>
                <option value="en">{ts('english')}</option>
              </Select>
            </Field>
            <Field label={t('plan')} {...(plans?.length === 0 ? { hint: t('noPlans') } : {})}>
              <Select value={planId} onChange={(_, data) => setState((s) => ({ ...s, planId: data.value }))}>
                {(plans ?? []).map((plan) => (
                  <option key={plan.planId} value={plan.planId}>
                    {plan.caseReference}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.cards}>
            {SURFACES.map((surface) => (
              <Card key={surface} appearance="outline">
                <h3 className={styles.cardTitle}>{t(`surface.${surface}.title`)}</h3>
                <Text size={200}>{t(`surface.${surface}.where`)}</Text>
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    onClick={() => setState((s) => ({ ...s, preview: surface, previewTheme: theme }))}
                  >
                    {t('openHere')}
                  </Button>
                  <Link href={targets[surface]} target="_blank">
                    {t('openInNewTab')}
                  </Link>
                </div>
              </Card>
            ))}
          </div>
          <p>
            <Link href={`${sandboxOrigin}/_sandbox/`} target="_blank">
              {t('viewer')}
            </Link>
            <br />
            <Text size={200}>{t('viewerHint')}</Text>
          </p>
        </section>
      </div>

      {state.preview && (
        <SurfacePreview
          surface={state.preview}
          title={t(`surface.${state.preview}.title`)}
          url={previewTargets[state.preview]}
          stageUrl={surfaceUrl('meeting.html', previewChoice, 'meetingStage')}
          userName={name}
          theme={theme}
          onClose={() => setState((s) => ({ ...s, preview: null }))}
        />
      )}
    </main>
  );
};
