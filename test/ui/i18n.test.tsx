import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, pickLang } from '../../src/ui/i18n/i18n';

const Greeting = () => {
  const { t } = useTranslation();
  return <p>{t('roles.moedeleder')}</p>;
};

describe('the interface language', () => {
  it('speaks Danish by default and English when asked', () => {
    expect(pickLang(undefined)).toBe('da');
    expect(pickLang('en-GB')).toBe('en');
    render(
      <I18nextProvider i18n={createI18n('da')}>
        <Greeting />
      </I18nextProvider>,
    );
    expect(screen.getByText('Mødeleder')).toBeTruthy();
  });
});
