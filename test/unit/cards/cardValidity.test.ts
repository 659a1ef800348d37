import { describe, expect, it } from 'vitest';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import { schemaErrors } from '../../fixtures/cards/cardSchema';
import { cardVariants } from '../../fixtures/cards/cardVariants';

describe('every minutes card passes the official Adaptive Card 1.5 schema', () => {
  it('rejects what is not a 1.5 card (the validator is awake)', () => {
    expect(
      schemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }], bogus: true }),
    ).not.toEqual([]);
  });

  it.each(cardVariants().map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    const { card, message } = buildMinutesMessage(variant.input, variant.options);
    expect(schemaErrors(card)).toEqual([]);
    // What is posted is the same card, as a JSON string.
    expect(JSON.parse(message.attachments[0]?.content ?? 'null')).toEqual(card);
  });
});
