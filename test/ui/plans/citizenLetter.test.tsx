import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { consentCovering, demoIds, demoPeople as p, demoPlan } from '../../support/builders';
import { aPlansWorld, aUser, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

const AT = '2026-09-05 10:00';

const cardOf = () => screen.findByRole('article', { name: 'KI-2026-014' });
const valueOn = (card: HTMLElement, term: string) => within(card).getByText(term).nextElementSibling?.textContent ?? '';

const openLetter = async (as: keyof typeof p, plan: Plan = demoPlan()) => {
  const world = aPlansWorld({ as, plans: [plan], at: AT });
  const user = aUser();
  renderPlansTab(world);
  const card = await cardOf();
  expect(valueOn(card, 'Borgerens plan')).toBe('Planen mangler at blive sendt til borgeren med Digital Post');
  await user.click(within(card).getByRole('button', { name: 'Din plan' }));
  const letter = (await screen.findByRole('heading', { level: 1, name: 'Din plan' })).closest('article') as HTMLElement;
  return { world, user, letter };
};

describe('the citizen’s own copy of the plan (Din plan)', () => {
  it('reads as a letter in plain Danish: their own tasks first, then the others’, the next meeting and whom to contact', async () => {
    const { letter } = await openLetter('mette');
    expect(letter.getAttribute('lang')).toBe('da');
    expect(within(letter).getByText('Til Jens Holm')).toBeVisible();
    const headings = within(letter)
      .getAllByRole('heading')
      .map((h) => `${h.tagName}:${h.textContent}`);
    expect(headings.slice(0, 3)).toEqual(['H1:Din plan', 'H2:Det gør du', 'H2:Det gør de andre']);
    expect(headings).toEqual(
      expect.arrayContaining(['H2:Det arbejder I hen imod', 'H2:Næste møde', 'H2:Hvis du har spørgsmål']),
    );
    // The citizen's task comes before everyone else's, with its date.
    const text = letter.textContent ?? '';
    expect(text.indexOf('Tage bad og rydde op i køkkenet før næste møde')).toBeLessThan(
      text.indexOf('Søge enkeltydelse til huslejerestancen'),
    );
    expect(text).toContain('senest 3. december 2026');
    // Each professional with what they will do and by when, under their name.
    const aisha = within(letter).getByRole('heading', { name: 'Aisha Khan, Borgerservice Sundby' });
    expect(aisha.nextElementSibling?.textContent).toBe(
      'Søge enkeltydelse til huslejerestancen — senest 30. september 2026',
    );
    // The next meeting and who convenes it; whom to contact (the next tovholder).
    expect(text).toContain('Næste møde skal holdes senest 3. december 2026. Peter Nielsen indkalder dig til mødet.');
    expect(text).toContain('Kontakt Peter Nielsen');
    expect(text).toContain(p.peter.email ?? '');

    const results = await axe.run(letter, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('is marked sent by Digital Post by the koordinator, and the plan records when and by whom', async () => {
    const { world, user } = await openLetter('mette');
    await user.click(screen.getByRole('button', { name: 'Markér som sendt med Digital Post: Jens Holm' }));
    await waitFor(() =>
      expect(world.store.current(demoIds.planId).plan.meetings[0]?.planCopies).toEqual([
        {
          participantId: p.jens.id,
          sentAt: '2026-09-05T08:00:00.000Z',
          sentBy: { participantId: p.mette.id, name: 'Mette Larsen' },
          via: 'digitalPost',
        },
      ]),
    );
    expect(await screen.findByText('Sendt 5. september 2026 af Mette Larsen')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Markér som sendt med Digital Post: Jens Holm' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(valueOn(await cardOf(), 'Borgerens plan')).toBe('Borgeren har fået planen (5. september 2026)');
  });

  it('offers a copy to a relative the consent names', async () => {
    await openLetter('mette');
    expect(screen.getByRole('button', { name: 'Markér som sendt med Digital Post: Lise Holm' })).toBeEnabled();
  });

  it('says why a relative the consent leaves out gets no copy, and offers none', async () => {
    const plan = demoPlan();
    const leftOut = {
      ...plan,
      consent: consentCovering(plan.participants.filter((x) => x.id !== p.mikkel.id && x.id !== p.lise.id)),
    };
    await openLetter('mette', leftOut);
    const lise = screen.getByText('Kopi til Lise Holm (pårørende)').closest('li') as HTMLElement;
    expect(within(lise).getByText(/er pårørende og er ikke nævnt ved navn i samtykket/)).toBeVisible();
    expect(within(lise).queryByRole('button')).toBeNull();
  });

  it('lets others read whether it was sent, but not mark it', async () => {
    await openLetter('jonas');
    expect(screen.getByText('Kun mødets koordinator og næste tovholder kan markere planen som sendt.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /Markér som sendt/ })).toBeNull();
    expect(screen.getAllByText('Ikke sendt endnu').length).toBeGreaterThan(0);
  });

  it('keeps the mark when someone else saved meanwhile: says so, loads their version, and the next press saves it', async () => {
    const { world, user } = await openLetter('peter');
    const theirs = structuredClone(world.store.current(demoIds.planId).plan);
    theirs.meetings[0]!.minutes.goals.push({ id: 'g-ny', text: 'Et nyt mål' });
    world.store.saveAsSomeoneElse(theirs);

    await user.click(screen.getByRole('button', { name: 'Markér som sendt med Digital Post: Jens Holm' }));
    expect(await screen.findByText(/Planen blev gemt af en anden i mellemtiden/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Markér som sendt med Digital Post: Jens Holm' }));
    await waitFor(() => expect(world.store.current(demoIds.planId).plan.meetings[0]?.planCopies).toHaveLength(1));
    const stored = world.store.current(demoIds.planId).plan.meetings[0]!;
    expect(stored.minutes.goals.map((g) => g.text)).toContain('Et nyt mål');
    expect(stored.planCopies?.[0]?.sentBy.name).toBe('Peter Nielsen');
  });
});
