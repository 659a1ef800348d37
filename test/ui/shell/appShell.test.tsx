import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTranslation } from '../../../src/ui/i18n/useTranslation';
import { AppShell } from '../../../src/ui/shell/AppShell';
import { fetchTheme } from '../../../src/ui/shell/themes';
import { ScriptedHost, shellServices } from './shellHarness';

const RoleName = () => {
  const { t } = useTranslation();
  return <p>{t('roles.moedeleder')}</p>;
};

const Crashing = (): never => {
  throw new Error('a bug in a surface');
};

const themeOf = (container: HTMLElement) => container.querySelector('[data-theme]')?.getAttribute('data-theme');

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('the app shell around every surface', () => {
  it("follows the host's theme, also when the user changes it during the meeting", async () => {
    const host = new ScriptedHost('dark');
    await fetchTheme('dark'); // as bootSurface does before the app's first render
    const { container } = render(
      <AppShell services={shellServices({ host }).services}>
        <RoleName />
      </AppShell>,
    );
    expect(themeOf(container)).toBe('dark');
    // High contrast is fetched on demand; the page keeps its dark colours until it has arrived.
    await act(async () => host.changeTheme('contrast'));
    await waitFor(() => expect(themeOf(container)).toBe('contrast'));
    expect(screen.getByText('Mødeleder')).toBeVisible();
    act(() => host.changeTheme('light'));
    expect(themeOf(container)).toBe('light');
  });

  it("speaks the host's language, and switches between Danish and English on request", async () => {
    const user = userEvent.setup();
    render(
      <AppShell services={shellServices({ host: new ScriptedHost('light', 'da-DK') }).services}>
        <RoleName />
      </AppShell>,
    );
    expect(screen.getByText('Mødeleder')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Chair')).toBeVisible();
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Dansk' }));
    expect(screen.getByText('Mødeleder')).toBeVisible();
  });

  it('starts in English when Teams runs in English', () => {
    render(
      <AppShell services={shellServices({ host: new ScriptedHost('light', 'en-GB') }).services}>
        <RoleName />
      </AppShell>,
    );
    expect(screen.getByText('Chair')).toBeVisible();
  });

  it('shows no language switch on the stage everyone watches', () => {
    render(
      <AppShell services={shellServices({ host: new ScriptedHost('light', 'da-DK', 'meetingStage') }).services}>
        <RoleName />
      </AppShell>,
    );
    expect(screen.queryByRole('group', { name: 'Sprog' })).toBeNull();
  });

  it('shows a calm Danish message, never a blank page, when a surface crashes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    render(
      <AppShell services={shellServices().services}>
        <Crashing />
      </AppShell>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Der skete en fejl på siden');
    expect(screen.getByRole('button', { name: 'Genindlæs siden' })).toBeEnabled();
  });
});
