import { describe, expect, it } from 'vitest';
import { linkHostFor, planDeepLink, planIdFromSubEntityId } from '../../../src/domain/links/planLink';
import type { PrivacyContext } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';

const ctx: PrivacyContext = { plan: demoPlan(), policy: { cardDetail: 'full', pinTab: true }, today: '2027-03-04' };
const teams = { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-123', host: 'teams' as const };
const local = { appBaseUrl: 'http://localhost:5300/', teamsAppId: '', host: 'standalone' as const };

describe('the deep link to a plan', () => {
  it('opens the personal tab in Teams with the plan in the context', () => {
    const link = planDeepLink(teams, 'plan-ki-2026-014', ctx);
    expect(link.ok && link.value).toBe(
      'https://teams.microsoft.com/l/entity/app-123/plans?context=%7B%22subEntityId%22%3A%22plan%3Aplan-ki-2026-014%22%7D',
    );
    const context = link.ok ? new URL(link.value).searchParams.get('context') : null;
    expect(planIdFromSubEntityId((JSON.parse(context ?? '{}') as { subEntityId?: string }).subEntityId)).toBe(
      'plan-ki-2026-014',
    );
  });

  it('opens the standalone plans page locally', () => {
    const link = planDeepLink(local, 'plan-ki-2026-014', ctx);
    expect(link.ok && link.value).toBe('http://localhost:5300/plans.html?host=standalone&planId=plan-ki-2026-014');
  });

  it("refuses to build a link that would carry the citizen's name or a CPR number", () => {
    const named = planDeepLink(teams, 'plan-jens-holm', ctx);
    expect(!named.ok && named.kind).toBe('blocked');
    expect(!named.ok && named.message).toBe(
      'Linket indeholder borgerens navn — links må kun bære plan-id og sagsreference.',
    );
    expect(planDeepLink(local, '0101901234', ctx).ok).toBe(false);
  });

  it('says what is wrong with the configuration instead of building a broken link', () => {
    const noApp = planDeepLink({ ...teams, teamsAppId: '' }, 'plan-1', ctx);
    expect(!noApp.ok && noApp.code).toBe('link.noTeamsAppId');
    const badBase = planDeepLink({ ...local, appBaseUrl: 'tovholder' }, 'plan-1', ctx);
    expect(!badBase.ok && badBase.code).toBe('link.badBaseUrl');
  });

  it('reads only its own sub-entity ids back', () => {
    expect(planIdFromSubEntityId('plan:')).toBeNull();
    expect(planIdFromSubEntityId('meeting:m1')).toBeNull();
    expect(planIdFromSubEntityId(undefined)).toBeNull();
  });

  it('is a Teams deep link from every host but the local standalone pages, which link to each other', () => {
    expect(linkHostFor('standalone')).toBe('standalone');
    for (const kind of ['teams', 'office', 'browser'] as const) expect(linkHostFor(kind)).toBe('teams');
  });
});
