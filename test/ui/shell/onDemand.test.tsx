import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { I18nProvider } from '../../../src/ui/i18n/useTranslation';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { OnDemand } from '../../../src/ui/lazy/OnDemand';
import { ErrorBoundary } from '../../../src/ui/shell/ErrorBoundary';

const chunkLoadError = () =>
  Object.assign(new Error('Loading chunk 718 failed. (error: /chunks/send.js)'), {
    name: 'ChunkLoadError',
  });

const inDanish = (ui: React.ReactNode) => render(<I18nProvider i18n={createI18n('da')}>{ui}</I18nProvider>);

describe('a part of the page that loads on demand', () => {
  it('shows a labelled spinner while it comes, then the part', async () => {
    let arrive: (part: { default: () => React.ReactNode }) => void = () => undefined;
    const Part = lazy(() => new Promise<{ default: () => React.ReactNode }>((done) => (arrive = done)));
    inDanish(
      <OnDemand label="Henter referatet …">
        <Part />
      </OnDemand>,
    );
    expect(await screen.findByText('Henter referatet …')).toBeVisible();
    arrive({ default: () => <p>Send referat</p> });
    expect(await screen.findByText('Send referat')).toBeVisible();
  });

  it('says in Danish that it could not be fetched and offers "Prøv igen", which reloads the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const Part = lazy(() => Promise.reject(chunkLoadError()));
    inDanish(
      <OnDemand>
        <Part />
      </OnDemand>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Denne del af siden kunne ikke hentes');
    screen.getByRole('button', { name: 'Prøv igen' }).click();
    expect(reload).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });

  it("leaves a bug in the part to the shell's own error boundary", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('a bug, not the network');
    };
    inDanish(
      <ErrorBoundary fallback={<p>Der skete en fejl på siden</p>}>
        <OnDemand>
          <Broken />
        </OnDemand>
      </ErrorBoundary>,
    );
    expect(await screen.findByText('Der skete en fejl på siden')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Prøv igen' })).toBeNull();
    vi.restoreAllMocks();
  });
});
