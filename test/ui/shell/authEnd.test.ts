/**
 * auth-end.html, the page the browser sign-in's popup returns to: its script hands MSAL's answer to the page that
 * signs in (MSAL 5's redirect bridge, over a BroadcastChannel named in the request state), and says so when opened
 * without one. The page is its own webpack entry, under the name the composition root gives MSAL as redirect URI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_END_PAGE } from '../../../src/app/createServices';

const stateFor = (id: string) => btoa(JSON.stringify({ id, meta: { interactionType: 'popup' } }));

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '<p id="failed" hidden>Du kunne ikke logges ind her.</p>';
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sign-in redirect page', () => {
  it("hands the popup's answer to the page that asked, and takes it out of the address", async () => {
    const answer = new Promise<unknown>((resolve) => {
      const channel = new BroadcastChannel('request-1');
      channel.onmessage = (event) => {
        channel.close();
        resolve(event.data);
      };
    });
    const state = encodeURIComponent(stateFor('request-1'));
    window.history.replaceState(null, '', `/${AUTH_END_PAGE}#code=abc123&state=${state}`);
    await import('../../../src/app/authEnd');

    expect(await answer).toEqual({ v: 1, payload: `code=abc123&state=${state}` });
    expect(window.location.hash).toBe('');
    expect(document.getElementById('failed')?.hidden).toBe(true);
  });

  it('says it cannot finish a sign-in when opened without an answer', async () => {
    window.history.replaceState(null, '', `/${AUTH_END_PAGE}`);
    await import('../../../src/app/authEnd');
    await vi.waitFor(() => expect(document.getElementById('failed')?.hidden).toBe(false));
  });

  it('is built as a page of its own under the name given to MSAL', () => {
    const config = readFileSync(join(process.cwd(), 'webpack.config.js'), 'utf8');
    expect(config).toContain(`file: '${AUTH_END_PAGE}'`);
  });
});
