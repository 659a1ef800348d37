import { describe, expect, it } from 'vitest';
import { stageSharingFor } from '../../../../src/domain/meeting/stageSharing';
import { aParticipant, aRelative, demoPlan, theCitizen } from '../../../support/builders';

describe('how "Vis for alle" shares the stage', () => {
  const colleagues = [aParticipant({ id: 'p-a', reach: 'inTenant' }), aParticipant({ id: 'p-b', reach: 'inTenant' })];

  it('collaboratively when everyone is a colleague in our organisation, who can each open the plan', () => {
    expect(stageSharingFor(colleagues)).toBe('collaborative');
  });

  it('as a screen share when the citizen, a relative or someone from another organisation takes part', () => {
    expect(stageSharingFor([...colleagues, theCitizen({ reach: 'inTenant' })])).toBe('screenShare');
    expect(stageSharingFor([...colleagues, aRelative()])).toBe('screenShare');
    expect(stageSharingFor([...colleagues, aParticipant({ id: 'p-region', reach: 'federated' })])).toBe('screenShare');
    expect(stageSharingFor([...colleagues, aParticipant({ id: 'p-gp', reach: 'emailOnly' })])).toBe('screenShare');
    expect(stageSharingFor(demoPlan().participants)).toBe('screenShare');
  });
});
