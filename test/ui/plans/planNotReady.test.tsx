import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../../src/domain/ports/outcome';
import { aPlansWorld, aUser, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

const NOT_FOUND = 'Planen findes ikke, eller du har ikke adgang til den.';

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

  it('when the plans cannot be fetched: says what happened and what to do', async () => {
    const world = aPlansWorld({ as: 'peter' });
    world.store.load = async () => failure('forbidden', 'accessDenied', 'Forbidden', 403);
    renderPlansTab(world, 'plan-ki-2026-014');
    expect(
      await screen.findByText(
        'Tovholder har ikke adgang til planerne (accessDenied). Bed IT-afdelingen om at give appen adgang til dokumentbiblioteket.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Tilbage til mine planer' })).toBeEnabled();
  });
});
