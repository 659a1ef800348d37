import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nProvider } from '../../../src/ui/i18n/useTranslation';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { LanguageSwitch } from '../../../src/ui/shell/LanguageSwitch';

const renderSwitch = (onChange = vi.fn()) =>
  render(
    <I18nProvider i18n={createI18n('da')}>
      <FluentProvider theme={webLightTheme}>
        <p>Panelet</p>
        <LanguageSwitch lang="da" onChange={onChange} />
      </FluentProvider>
    </I18nProvider>,
  );

describe('the language switch', () => {
  it('names its buttons from the start, before any tooltip', () => {
    renderSwitch();
    expect(screen.getByRole('button', { name: 'Dansk', pressed: true })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'English', pressed: false })).toBeEnabled();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows the tooltip once the user has moved, and the first click on a button is never lost to it', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderSwitch(onChange);
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(onChange).toHaveBeenCalledWith('en');
    // The tooltip comes once the pointer and the focus have left the switch.
    await user.click(screen.getByText('Panelet'));
    await act(() => new Promise((done) => setTimeout(done, 50)));
    await user.hover(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toBe('English'));
  });
});
