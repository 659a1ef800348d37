import '../../fixtures/cards/jsdomInnerText';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../src/ui/i18n/useTranslation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import { createI18n, type UiLang } from '../../../src/ui/i18n/i18n';
import { CardPreview, type CardPreviewProps } from '../../../src/ui/cards/CardPreview';
import { demoPlan } from '../../support/builders';
import { lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';

const plan = demoPlan();
const forPeter = buildMinutesMessage(
  { plan, meeting: lastMeeting(plan) },
  { lang: 'da', detail: 'summary', planUrl: PLAN_URL, recipientParticipantId: 'p-peter' },
);

const show = (props: Partial<CardPreviewProps> = {}, lang: UiLang = 'da') =>
  render(
    <I18nProvider i18n={createI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <CardPreview card={forPeter.card} theme="light" {...props} />
      </FluentProvider>
    </I18nProvider>,
  );

afterEach(() => vi.restoreAllMocks());

describe('the card preview before sending', () => {
  it("shows the recipient's card as Teams renders it, their tasks first", () => {
    show({ recipientName: 'Peter Nielsen', bytes: forPeter.bytes });
    const preview = screen.getByRole('figure', { name: 'Forhåndsvisning af referatkortet til Peter Nielsen' });
    const headings = within(preview)
      .getAllByRole('heading')
      .map((h) => h.textContent?.trim());
    expect(headings.slice(0, 3)).toEqual(['KI-2026-014', 'Dine opgaver', 'Deltagere']);
    expect(within(preview).getByText('Du er næste tovholder: indkald senest torsdag 3. december 2026')).toBeVisible();
    expect(within(preview).getByText(/Sådan ser kortet ud i Teams \(lyst tema\)/).textContent).toMatch(
      /Chatbeskeden fylder \d+\.\d KB af højst 28 KB\./,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders the same card with the dark host config when Teams is dark', () => {
    const { container, rerender } = show();
    const lightBackground = container.querySelector<HTMLElement>('.ac-adaptiveCard')?.style.backgroundColor;
    rerender(
      <I18nProvider i18n={createI18n('da')}>
        <FluentProvider theme={webLightTheme}>
          <CardPreview card={forPeter.card} theme="dark" />
        </FluentProvider>
      </I18nProvider>,
    );
    const darkCard = container.querySelector<HTMLElement>('.ac-adaptiveCard');
    expect(container.querySelectorAll('.ac-adaptiveCard')).toHaveLength(1);
    expect(darkCard?.style.backgroundColor).not.toBe(lightBackground);
    expect(screen.getByText(/mørkt tema/)).toBeVisible();
  });

  it('takes the attachment content string exactly as it will be posted', () => {
    show({ card: forPeter.message.attachments[0]?.content ?? '' });
    screen.getByRole('heading', { name: 'Dine opgaver' });
  });

  it('opens the plan from the card button in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    show();
    await userEvent.click(screen.getByRole('link', { name: 'Åbn planen i Tovholder' }));
    expect(open).toHaveBeenCalledWith(PLAN_URL, '_blank', 'noopener');
  });

  it('says plainly when a card cannot be shown, instead of showing nothing', () => {
    show({ card: '{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"' });
    expect(screen.getByRole('alert').textContent).toContain(
      'Kortet kan ikke vises, og Teams ville heller ikke kunne vise det',
    );
  });

  it('speaks English when the user does', () => {
    show({ recipientName: 'Peter Nielsen' }, 'en');
    screen.getByRole('figure', { name: 'Preview of the minutes card for Peter Nielsen' });
    expect(screen.getByText(/How the card looks in Teams \(light theme\)/)).toBeVisible();
  });
});
