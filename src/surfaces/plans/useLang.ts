import { useTranslation } from '../../ui/i18n/useTranslation';
import type { UiLang } from '../../ui/i18n/i18n';

/** The interface language, for the domain's own da/en texts (problems, dates). */
export const useLang = (): UiLang => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'da';
};
