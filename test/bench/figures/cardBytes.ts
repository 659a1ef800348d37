/**
 * Card bytes: the chat message (HTML body, the card as a JSON string, mentions — what Graph receives) for the
 * largest realistic minutes, for every reader and both detail levels; the heaviest counts. Beside it, the same
 * minutes as the complete card before any shrinking, built in the same run. Target: within Teams' 28 KB.
 */
import { MESSAGE_LIMIT_BYTES } from '../../../src/cards/fitToSize';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import type { Meeting } from '../../../src/domain/plan/planDocument';
import { ratioOf, type Figure } from '../report';
import { largestMinutesPlan } from '../support/largestMinutes';

const PLAN_URL = 'https://tovholder.example/plans.html?planId=plan-bench';
const MARKER = 'tovholder-delivery-bench';

export const ID = 'cardBytes';
export const TITLE = 'Card bytes: chat message for 12 participants and 40 efforts';

export const measureCardBytes = (): Figure => {
  const plan = largestMinutesPlan({
    start: '2026-11-26T12:00:00.000Z',
    end: '2026-11-26T13:30:00.000Z',
    today: '2026-11-26',
  });
  const meeting = plan.meetings[0] as Meeting;
  const readers = [null, ...plan.participants.map((p) => p.id)];
  const variants = (['summary', 'full'] as const).flatMap((detail) =>
    readers.map((reader) => {
      const options = {
        lang: 'da' as const,
        detail,
        planUrl: PLAN_URL,
        deliveryMarker: MARKER,
        recipientParticipantId: reader,
      };
      const fitted = buildMinutesMessage({ plan, meeting }, options);
      const complete = buildMinutesMessage({ plan, meeting }, { ...options, limitBytes: Number.POSITIVE_INFINITY });
      return { detail, reader: reader ?? 'everyone', fitted, complete };
    }),
  );
  const heaviest = variants.reduce((a, b) => (b.fitted.bytes > a.fitted.bytes ? b : a));
  const heaviestComplete = variants.reduce((a, b) => (b.complete.bytes > a.complete.bytes ? b : a));
  const shrunk = variants.filter((v) => v.fitted.layout.shortened);
  return {
    id: ID,
    title: TITLE,
    status: 'measured',
    value: { value: heaviest.fitted.bytes, unit: 'bytes' },
    baseline: {
      label: 'the same minutes as the complete, unshrunk card',
      value: heaviestComplete.complete.bytes,
      unit: 'bytes',
    },
    ratio: ratioOf(heaviest.fitted.bytes, heaviestComplete.complete.bytes),
    targets: [
      {
        text: `every message ≤ 28 KB (${MESSAGE_LIMIT_BYTES} bytes)`,
        met: variants.every((v) => v.fitted.bytes <= MESSAGE_LIMIT_BYTES),
      },
    ],
    notes: [
      `heaviest: ${heaviest.detail} detail for ${heaviest.reader}${heaviest.fitted.layout.shortened ? ', shortened (says so)' : ''}; ${shrunk.length} of ${variants.length} variants shortened`,
    ],
    details: {
      heaviest: { detail: heaviest.detail, reader: heaviest.reader, layout: heaviest.fitted.layout },
      variants: variants.length,
      shortenedVariants: shrunk.length,
      bytesByDetail: Object.fromEntries(
        (['summary', 'full'] as const).map((detail) => {
          const of = variants.filter((v) => v.detail === detail);
          return [
            detail,
            {
              fittedMax: Math.max(...of.map((v) => v.fitted.bytes)),
              completeMax: Math.max(...of.map((v) => v.complete.bytes)),
              shortened: of.filter((v) => v.fitted.layout.shortened).length,
            },
          ];
        }),
      ),
      limitBytes: MESSAGE_LIMIT_BYTES,
    },
  };
};
