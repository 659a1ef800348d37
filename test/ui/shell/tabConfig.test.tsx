import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TabChoice, TabConfigurator } from '../../../src/adapters/teams/teamsTabConfig';
import { TabConfigPage } from '../../../src/app/meeting/TabConfigPage';
import { AppShell } from '../../../src/ui/shell/AppShell';
import { demoPlan } from '../../support/builders';
import { shellServices } from './shellHarness';

describe("the meeting tab's configuration page in Teams", () => {
  it("enables Teams' Save only once a plan is chosen, and saves that plan's meeting page as the tab", async () => {
    const choices: (TabChoice | null)[] = [];
    const configurator: TabConfigurator = { choose: (tab) => choices.push(tab) };
    const user = userEvent.setup();
    render(
      <AppShell services={shellServices({ plans: [demoPlan()] }).services}>
        <TabConfigPage configurator={configurator} />
      </AppShell>,
    );
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Plan' }), 'KI-2026-014');
    await waitFor(() => expect(choices.at(-1)).not.toBeNull());
    expect(choices[0]).toBeNull();
    expect(choices.at(-1)).toEqual({
      planId: 'plan-ki-2026-014',
      contentUrl: 'http://localhost:5300/meeting.html?planId=plan-ki-2026-014',
      websiteUrl: 'http://localhost:5300/meeting.html?planId=plan-ki-2026-014',
      displayName: 'Tovholder',
    });
    expect(screen.getByText('Tryk på Gem for at tilføje fanen til mødet.')).toBeVisible();
  });
});
