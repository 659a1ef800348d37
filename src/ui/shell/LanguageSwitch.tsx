import { Button, makeStyles, mergeClasses, Text, tokens, type Tooltip } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { UiLang } from '../i18n/i18n';
import { onFirstInput } from '../lazy/onFirstInput';

// Fluent's Tooltip brings its positioning engine (floating-ui, ~16 KB gzip) into every page's first load. The
// buttons carry their names without it (aria-label), so the tooltip is fetched after the user's first pointer
// move, touch, key press or focus anywhere on the page.
const loadTooltip = () => import(/* webpackChunkName: "tooltip" */ '@fluentui/react-components').then((m) => m.Tooltip);

// A plain Button with aria-pressed, not Fluent's ToggleButton, whose styles (~5.6 KB gzip) every page would load.
// The chosen language reads as chosen without colour: semibold, with the tab strip's brand-coloured bar under it.
const useStyles = makeStyles({
  option: { position: 'relative' },
  chosen: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      bottom: 0,
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
});

/** A compact da/en switch that fits the 320 px side panel. */
export const LanguageSwitch = ({ lang, onChange }: { lang: UiLang; onChange: (lang: UiLang) => void }) => {
  const { t } = useTranslation('shell');
  const styles = useStyles();
  const [Tip, setTip] = useState<typeof Tooltip | null>(null);
  // Wrapping a button in the tooltip mounts it anew, so that waits until neither the pointer nor the focus is in
  // the switch: a click or the keyboard focus is never lost to it.
  const arrived = useRef<typeof Tooltip | null>(null);
  const pointerInside = useRef(false);
  const focusInside = useRef(false);
  const wrapWhenFree = () => {
    if (arrived.current && !pointerInside.current && !focusInside.current) setTip(() => arrived.current);
  };

  useEffect(() => {
    let stopped = false;
    const stop = onFirstInput(() => {
      // Fire and forget: both outcomes are handled here.
      void loadTooltip().then(
        (tooltip) => {
          if (stopped) return;
          arrived.current = tooltip;
          wrapWhenFree();
        },
        // Without the tooltip the buttons still say what they do; the next page load tries again.
        () => undefined,
      );
    });
    return () => {
      stopped = true;
      stop();
    };
  }, []);

  return (
    <div
      role="group"
      aria-label={t('languageSwitch')}
      style={{ display: 'flex', gap: 4 }}
      onPointerEnter={() => (pointerInside.current = true)}
      onPointerLeave={() => {
        pointerInside.current = false;
        wrapWhenFree();
      }}
      onFocus={() => (focusInside.current = true)}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        focusInside.current = false;
        wrapWhenFree();
      }}
    >
      {(['da', 'en'] as const).map((option) => {
        const name = option === 'da' ? t('danish') : t('english');
        const button = (
          <Button
            key={option}
            size="small"
            appearance="subtle"
            aria-label={name}
            aria-pressed={lang === option}
            className={mergeClasses(styles.option, lang === option && styles.chosen)}
            lang={option}
            onClick={() => onChange(option)}
          >
            {option.toUpperCase()}
          </Button>
        );
        return Tip ? (
          <Tip key={option} content={name} relationship="label">
            {button}
          </Tip>
        ) : (
          button
        );
      })}
    </div>
  );
};

/** Said under the switch when the other language's texts could not be fetched (the page keeps its language). */
export const LanguageFailed = () => {
  const { t } = useTranslation('shell');
  return (
    <Text role="status" size={200}>
      {t('languageFailed')}
    </Text>
  );
};
