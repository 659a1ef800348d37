import { ToggleButton, Tooltip } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../i18n/i18n';

/** A compact da/en switch that fits the 320 px side panel. */
export const LanguageSwitch = ({ lang, onChange }: { lang: UiLang; onChange: (lang: UiLang) => void }) => {
  const { t } = useTranslation('shell');
  return (
    <div role="group" aria-label={t('languageSwitch')} style={{ display: 'flex', gap: 4 }}>
      {(['da', 'en'] as const).map((option) => (
        <Tooltip key={option} content={option === 'da' ? t('danish') : t('english')} relationship="label">
          <ToggleButton
            size="small"
            appearance="subtle"
            checked={lang === option}
            lang={option}
            onClick={() => onChange(option)}
          >
            {option.toUpperCase()}
          </ToggleButton>
        </Tooltip>
      ))}
    </div>
  );
};
