import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../../src/domain/ports/outcome';
import { aPlansWorld, aUser, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

/** A plan not there and a plan not shared with you look the same: Microsoft 365 does not tell them apart either. */
const NOT_FOUND =
  'Planen deles kun med dem, borgerens samtykke omfatter. Spørg tovholderen – den, der indkaldte til mødet – hvis du skal have adgang.';

describe('a plan that cannot be shown', () => {
  it('in the history: says so plainly and leads back to my plans', async () => {
    renderPlansTab(aPlansWorld({ as: 'peter' }), 'plan-gone');
    expect(await screen.findByText(NOT_FOUND)).toBeVisible();
    await aUser().click(screen.getByRole('button', { name: 'Tilbage til mine planer' }));
    await screen.findByRole('heading', { name: 'KI-2026-014' });
  });

  it('in the print view: the same words, and no print button for a plan that is not there', async () => {
    sessionStorage.setItem('tovholder:draft:plans:view', JSON.stringify({ kind: 'print', planId: 'plan-gone' }));
    renderPlansTab(aPlansWorld({ as: 'peter' }));
    expect(await screen.findByText(NOT_FOUND)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Udskriv/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Tilbage' })).toBeEnabled();
  });

  it('when Microsoft 365 refuses the plan (403): it is not shared with you, and says whom to ask', async () => {
    const world = aPlansWorld({ as: 'peter' });
    world.store.load = async () => failure('forbidden', 'accessDenied', 'Forbidden', 403);
    renderPlansTab(world, 'plan-ki-2026-014');
    expect(await screen.findByText(NOT_FOUND)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Tilbage til mine planer' })).toBeEnabled();
  });

  it('when the plans cannot be fetched: says what happened and what to do', async () => {
    const world = aPlansWorld({ as: 'peter' });
    world.store.load = async () => failure('failed', 'serviceNotAvailable', 'Service unavailable', 503);
    renderPlansTab(world, 'plan-ki-2026-014');
    expect(await screen.findByText('Microsoft 365 svarede ikke i tide. Prøv igen om lidt.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Tilbage til mine planer' })).toBeEnabled();
  });
});
