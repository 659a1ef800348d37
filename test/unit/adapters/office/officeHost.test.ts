import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../../../../src/adapters/office/officeHost';
import type { Cleared } from '../../../../src/domain/privacy/cleared';

describe("Outlook's task pane as the host", () => {
  it("looks dark when Outlook's pane is dark, and light otherwise", () => {
    const dark = new OfficeHost({ displayLanguage: 'da-DK', officeTheme: { bodyBackgroundColor: '#1F1F1F' } });
    const light = new OfficeHost({ displayLanguage: 'da-DK', officeTheme: { bodyBackgroundColor: '#FFFFFF' } });
    const unknown = new OfficeHost({ displayLanguage: 'da-DK' });
    expect([dark.theme(), light.theme(), unknown.theme()]).toEqual(['dark', 'light', 'light']);
  });

  it("speaks Outlook's display language and runs in the task pane, with no stage to share to", async () => {
    const host = new OfficeHost({ displayLanguage: 'en-US' });
    expect([host.kind, host.frame(), host.locale()]).toEqual(['office', 'taskPane', 'en-US']);
    expect(await host.shareToStage('https://tovholder.example/meeting.html' as Cleared<string>)).toBe('notSupported');
  });

  it('opens links in the browser through Office', async () => {
    const opened: string[] = [];
    const host = new OfficeHost({ displayLanguage: 'da-DK', openBrowserWindow: (url) => opened.push(url) });
    await host.openLink('https://tovholder.example/plans.html?planId=plan-ki-2026-014' as Cleared<string>);
    expect(opened).toEqual(['https://tovholder.example/plans.html?planId=plan-ki-2026-014']);
  });
});
