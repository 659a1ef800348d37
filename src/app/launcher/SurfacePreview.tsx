import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { THEME_MESSAGE } from '../../adapters/standalone/standaloneHost';
import type { Theme } from '../../domain/ports/meetingHost';
import type { LauncherSurface } from './launcherUrls';
import { useStageRelay } from './useStageRelay';

const HEIGHT = 760;

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  frame: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  grow: { flex: '1 1 auto', minWidth: 0 },
});

export interface SurfacePreviewProps {
  surface: LauncherSurface;
  title: string;
  /** The page's URL; for the meeting, the side panel's. */
  url: string;
  /** The meeting's stage view, shown beside the side panel. */
  stageUrl: string;
  userName: string;
  theme: Theme;
  onClose(): void;
}

/**
 * The chosen surface inside this page, as Teams or Outlook would frame it: the side panel at its real 320 px width
 * beside the stage, the others full width. Theme changes reach the frames live, as Teams' theme handler would.
 */
export const SurfacePreview = ({ surface, title, url, stageUrl, userName, theme, onClose }: SurfacePreviewProps) => {
  const { t } = useTranslation('launcher');
  const styles = useStyles();
  const frames = useRef<HTMLIFrameElement[]>([]);
  const stage = useStageRelay(surface === 'meeting', stageUrl);
  useEffect(() => {
    for (const frame of frames.current)
      frame.contentWindow?.postMessage({ type: THEME_MESSAGE, theme }, window.location.origin);
  }, [theme]);
  frames.current = [];
  const keep = (frame: HTMLIFrameElement | null) => {
    if (frame) frames.current.push(frame);
  };

  return (
    <section className={styles.region} aria-labelledby="preview-heading">
      <div className={styles.bar}>
        <h2 id="preview-heading" className={styles.heading}>
          {t('frameTitle', { surface: title, name: userName })}
        </h2>
        <Button onClick={onClose}>{t('closePreview')}</Button>
      </div>
      {surface === 'meeting' ? (
        <>
          {stage.shared && (
            <MessageBar intent="success">
              <MessageBarBody>{t('stageShared')}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <div>
              <p className={styles.label}>{t('sidePanel')}</p>
              <iframe
                ref={keep}
                className={styles.frame}
                src={url}
                title={`${t('sidePanel')} – ${userName}`}
                width={320}
                height={HEIGHT}
              />
            </div>
            <div className={styles.grow}>
              <p className={styles.label}>{t('stage')}</p>
              <iframe
                ref={keep}
                key={stage.url}
                className={styles.frame}
                src={stage.url}
                title={`${t('stage')} – ${userName}`}
                width="100%"
                height={HEIGHT}
              />
            </div>
          </div>
        </>
      ) : (
        <iframe
          ref={keep}
          className={styles.frame}
          src={url}
          title={t('frameTitle', { surface: title, name: userName })}
          width="100%"
          height={HEIGHT}
        />
      )}
    </section>
  );
};
