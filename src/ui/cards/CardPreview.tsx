import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { AdaptiveCard } from '../../cards/adaptiveCard';
import { renderAdaptiveCard, type CardTheme } from './renderAdaptiveCard';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    maxWidth: '520px',
  },
  frame: {
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflow: 'hidden',
  },
  caption: { color: tokens.colorNeutralForeground2 },
  error: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    color: tokens.colorNeutralForeground1,
  },
});

export interface CardPreviewProps {
  /** The card as built by src/cards, or the attachment's content string exactly as it will be posted. */
  card: AdaptiveCard | string;
  /** Teams' light or dark theme: the card is rendered with that theme's host config. */
  theme: CardTheme;
  /** Whose card this is (the per-recipient variant), for the accessible name. */
  recipientName?: string;
  /** Size of the whole chat message, when known. */
  bytes?: number;
}

const parseCard = (card: AdaptiveCard | string): { json: unknown } | { error: string } => {
  if (typeof card !== 'string') return { json: card };
  try {
    return { json: JSON.parse(card) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/**
 * The minutes card as Teams will show it, rendered by the adaptivecards library with Teams' host config, so the
 * referent sees each recipient's card before "Send referat". A card the renderer cannot read is shown as an
 * error, never silently: Teams would not show it either.
 */
export const CardPreview = ({ card, theme, recipientName, bytes }: CardPreviewProps) => {
  const { t } = useTranslation('cards');
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);

  const rendered = useMemo(() => {
    const parsed = parseCard(card);
    if ('error' in parsed) return { element: undefined, problems: [parsed.error] };
    return renderAdaptiveCard(parsed.json, theme);
  }, [card, theme]);

  useEffect(() => {
    const target = host.current;
    if (!target) return;
    target.replaceChildren(...(rendered.element ? [rendered.element] : []));
    return () => target.replaceChildren();
  }, [rendered]);

  const label = recipientName ? t('preview.labelFor', { name: recipientName }) : t('preview.label');
  const failed = rendered.problems.length > 0 || !rendered.element;

  return (
    <figure className={styles.root} aria-label={label} data-theme={theme}>
      {failed && (
        <div role="alert" className={styles.error}>
          <Text>{t('preview.failed', { detail: rendered.problems.join(' ') || '—' })}</Text>
        </div>
      )}
      <div ref={host} className={styles.frame} />
      <figcaption className={styles.caption}>
        <Text size={200}>
          {t('preview.caption', { theme: t(`preview.themes.${theme}`) })}
          {bytes !== undefined && <> {t('preview.size', { kilobytes: (bytes / 1024).toFixed(1) })}</>}
        </Text>
      </figcaption>
    </figure>
  );
};
