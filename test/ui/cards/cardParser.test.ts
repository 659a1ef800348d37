import '../../fixtures/cards/jsdomInnerText';
import { describe, expect, it } from 'vitest';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import { textLines } from '../../../src/cards/markdownEscape';
import { renderAdaptiveCard } from '../../../src/ui/cards/renderAdaptiveCard';
import { cardVariants } from '../../fixtures/cards/cardVariants';
import { INJECTIONS } from '../../fixtures/cards/minutesFixtures';

const variants = cardVariants();

describe('the adaptivecards renderer reads every minutes card without a complaint', () => {
  it.each(variants.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    const { message } = buildMinutesMessage(variant.input, variant.options);
    const { element, problems } = renderAdaptiveCard(JSON.parse(message.attachments[0]?.content ?? '{}'), 'dark');
    expect(problems).toEqual([]);
    expect(element).toBeDefined();
  });
});

describe('a hostile plan renders as text', () => {
  const hostile = variants.filter((v) => v.name.startsWith('adversarial full da for everyone'));

  it.each(hostile.map((v) => [v.name, v] as const))(
    '%s: no links, no formatting, every text literal',
    (_n, variant) => {
      const { message, layout } = buildMinutesMessage(variant.input, { ...variant.options, limitBytes: 10_000_000 });
      expect(layout.shortened).toBe(false);
      const { element } = renderAdaptiveCard(JSON.parse(message.attachments[0]?.content ?? '{}'), 'light');
      if (!element) throw new Error('nothing rendered');
      const blocks = Array.from(element.querySelectorAll('.ac-textBlock'));
      expect(
        blocks.flatMap((b) => Array.from(b.querySelectorAll('a, strong, em, code, h1, li, blockquote, img, mark'))),
      ).toEqual([]);
      const shown = blocks.map((b) => b.textContent ?? '').join('\n');
      for (const injection of INJECTIONS) {
        for (const lineOfText of textLines(injection)) expect(shown).toContain(lineOfText);
      }
      // The only way out of the card is its one button.
      expect(element.querySelectorAll('a')).toHaveLength(0);
      expect(Array.from(element.querySelectorAll('button')).map((b) => b.textContent)).toEqual([
        'Åbn planen i Tovholder',
      ]);
    },
  );
});
