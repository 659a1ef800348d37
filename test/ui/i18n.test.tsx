import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider, useTranslation } from '../../src/ui/i18n/useTranslation';
import { createI18n, pickLang, type UiLang } from '../../src/ui/i18n/i18n';

const Greeting = () => {
  const { t } = useTranslation();
  return <p>{t('roles.moedeleder')}</p>;
};

const SentTo = ({ count }: { count: number }) => {
  const { t } = useTranslation(['meeting', 'common']);
  return (
    <p>
      {t('send.doneDetail', { count, when: 'kl. 14.32' })} – {t('common:signedInAs', { name: 'Aisha Khan' })}
    </p>
  );
};

const inLang = (lang: UiLang, ui: React.ReactNode) => render(<I18nProvider i18n={createI18n(lang)}>{ui}</I18nProvider>);

describe('the interface language', () => {
  it('speaks Danish by default and English when asked', () => {
    expect(pickLang(undefined)).toBe('da');
    expect(pickLang('en-GB')).toBe('en');
    inLang('da', <Greeting />);
    expect(screen.getByText('Mødeleder')).toBeVisible();
  });

  it('fills in names and numbers, and says "1 modtager" but "3 modtagere"', () => {
    inLang('da', <SentTo count={1} />);
    expect(screen.getByText('1 modtager · kl. 14.32 – Logget ind som Aisha Khan')).toBeVisible();
    inLang('da', <SentTo count={3} />);
    expect(screen.getByText('3 modtagere · kl. 14.32 – Logget ind som Aisha Khan')).toBeVisible();
    inLang('en', <SentTo count={1} />);
    expect(screen.getByText('1 recipient · kl. 14.32 – Signed in as Aisha Khan')).toBeVisible();
  });

  it('refuses, when the code is type-checked, a key that is not in the Danish catalogue', () => {
    const Wrong = () => {
      const { t } = useTranslation('meeting');
      // @ts-expect-error -- no such key: `npm test` type-checks before it runs
      const missing = t('send.doneDetails');
      // @ts-expect-error -- the component did not ask for the plans texts, so it may not use them
      const elsewhere = t('plans:title');
      return <p>{`${missing}|${elsewhere}`}</p>;
    };
    inLang('da', <Wrong />);
    // At run time a missing key shows as itself (the catalogue test keeps both languages complete).
    expect(screen.getByText('send.doneDetails|Mine indsatsplaner')).toBeVisible();
  });
});
