import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan/planDocument';

describe('the stored plan document', () => {
  it('refuses a document without a case reference', () => {
    const result = PlanSchema.safeParse({ schemaVersion: 1, id: 'p1', caseReference: '' });
    expect(result.success).toBe(false);
  });
});
