/**
 * Minutes → Adaptive Card 1.5 (referatkort). Every text, ours and the users', goes through the markdown escaper, so
 * the card shows exactly what was written. The only action is one Action.OpenUrl into the plan: a card a user posts
 * through Graph has no bot behind it.
 */
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type CardElement,
  type Container,
  type Fact,
  type TextBlock,
} from './adaptiveCard';
import { escapeMarkdown, escapeMarkdownLine } from './markdownEscape';
import {
  buildMinutesView,
  type EffortView,
  type MinutesInput,
  type MinutesView,
  type MinutesViewOptions,
} from './minutesView';
import { shortenText } from './shortenText';

/** How much of the minutes the card shows; fitToSize steps down through these to fit a chat message. */
export interface CardLayout {
  /** Round notes, challenges and written input replaced by one line pointing to the plan (only matters under `full`). */
  roundCollapsed: boolean;
  /** Efforts as one line each instead of a two-column row. */
  effortsCompact: boolean;
  /** At most this many items per list; the rest is counted and left to the plan. */
  maxListItems: number | null;
  /** User texts cut to this many characters. */
  maxTextChars: number | null;
  /** The card says that it is shortened. */
  shortened: boolean;
}

export const COMPLETE_LAYOUT: CardLayout = {
  roundCollapsed: false,
  effortsCompact: false,
  maxListItems: null,
  maxTextChars: null,
  shortened: false,
};

/** A compact effort line is one line on a phone: longer texts are cut even when there is room. */
const COMPACT_EFFORT_CHARS = 90;

export interface MinutesCardOptions extends MinutesViewOptions {
  /** Deep link to the plan in the app (the card's one action). */
  planUrl: string;
  /**
   * A string the delivery pipeline can later find in the posted message to tell whether an earlier attempt
   * arrived (it searches the attachment content). Letters, digits and `.:-` only (nothing the escaper touches), so it appears verbatim.
   */
  deliveryMarker?: string | null;
  layout?: CardLayout;
}

const MARKER_SHAPE = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,99}$/;

/** A marker the escapers would alter could never be found again: that is a bug in the caller. */
export const assertDeliveryMarker = (marker: string): void => {
  if (!MARKER_SHAPE.test(marker)) {
    throw new Error(`Delivery marker must match ${MARKER_SHAPE.source}: got ${JSON.stringify(marker)}`);
  }
};

/** The deep link is built by the app, never typed by a user: anything but an absolute http(s) URL is a bug. */
export const assertPlanUrl = (url: string): void => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Plan URL must be an absolute URL: got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Plan URL must be http(s): got ${JSON.stringify(url)}`);
  }
};

const textBlock = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: escapeMarkdown(text),
  wrap: true,
  ...extra,
});

const line = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: escapeMarkdownLine(text),
  wrap: true,
  ...extra,
});

const heading = (text: string): TextBlock => line(text, { style: 'heading', size: 'medium', weight: 'bolder' });

const section = (title: string, items: CardElement[]): Container => ({
  type: 'Container',
  separator: true,
  spacing: 'medium',
  items: [heading(title), ...items],
});

const fact = (title: string, value: string): Fact => ({
  title: escapeMarkdownLine(title),
  value: escapeMarkdownLine(value),
});

/** A list cut to the layout's length, and "… og 12 mere i planen i Tovholder" when something was left out. */
const cutItems = <T>(items: T[], layout: CardLayout, view: MinutesView): { shown: T[]; more: CardElement[] } => {
  const shown = layout.maxListItems === null ? items : items.slice(0, layout.maxListItems);
  const rest = items.length - shown.length;
  return { shown, more: rest > 0 ? [line(view.text.moreInPlan(rest), { isSubtle: true, spacing: 'small' })] : [] };
};

const list = <T>(
  items: T[],
  layout: CardLayout,
  view: MinutesView,
  render: (item: T, index: number) => CardElement[],
) => {
  const { shown, more } = cutItems(items, layout, view);
  return [...shown.flatMap(render), ...more];
};

/**
 * Efforts for scanning: a FactSet with the owner on the left and what, by when and for which goal on the right;
 * compact, one line each. (A FactSet costs a tenth of the bytes of a ColumnSet per effort, which decides how much
 * of a 40-effort plan fits in one chat message.)
 */
const effortElements = (
  efforts: EffortView[],
  layout: CardLayout,
  view: MinutesView,
  cut: (t: string) => string,
): CardElement[] => {
  const { shown, more } = cutItems(efforts, layout, view);
  if (layout.effortsCompact) {
    return [
      ...shown.map((e, i) =>
        line(`${cut(e.owner)}: ${shortenText(cut(e.what), COMPACT_EFFORT_CHARS)} (${e.dueCompact})`, {
          wrap: false,
          spacing: i === 0 ? 'default' : 'none',
        }),
      ),
      ...more,
    ];
  }
  const facts = shown.map((e) =>
    fact(
      cut(e.owner),
      [cut(e.what), [e.due, e.goal, e.status].filter((m): m is string => m !== null).join(' · ')].join(' — '),
    ),
  );
  return [...(facts.length > 0 ? [{ type: 'FactSet' as const, facts }] : []), ...more];
};

/** A task in "Dine opgaver" or "Borgerens egne opgaver": the owner is known from the heading. */
const taskElements = (e: EffortView, index: number, layout: CardLayout, cut: (t: string) => string): CardElement[] =>
  layout.effortsCompact
    ? [line(`${shortenText(cut(e.what), COMPACT_EFFORT_CHARS)} (${e.dueCompact})`, { wrap: false, spacing: 'none' })]
    : [
        textBlock(cut(e.what), { spacing: index === 0 ? 'default' : 'small' }),
        line([e.due, e.goal, e.status].filter((m): m is string => m !== null).join(' · '), {
          isSubtle: true,
          spacing: 'none',
        }),
      ];

export const buildMinutesCard = (input: MinutesInput, options: MinutesCardOptions): AdaptiveCard => {
  const layout = options.layout ?? COMPLETE_LAYOUT;
  const marker = options.deliveryMarker ?? null;
  if (marker !== null) assertDeliveryMarker(marker);
  assertPlanUrl(options.planUrl);
  const view = buildMinutesView(input, options);
  const t = view.text;
  const cut = (text: string) => shortenText(text, layout.maxTextChars);
  const body: CardElement[] = [];

  body.push({
    type: 'Container',
    style: 'emphasis',
    bleed: true,
    items: [
      line(t.title, { isSubtle: true, size: 'small' }),
      line(view.citizenName === null ? view.caseReference : `${view.caseReference} · ${cut(view.citizenName)}`, {
        size: 'large',
        weight: 'bolder',
        spacing: 'none',
        style: 'heading',
      }),
      line(view.when, { spacing: 'none' }),
    ],
  });
  if (layout.shortened) body.push(line(t.shortened, { color: 'attention', weight: 'bolder' }));

  if (view.yourTasks !== null) {
    const own = view.yourTasks;
    body.push({
      type: 'Container',
      style: 'accent',
      spacing: 'medium',
      items: [
        heading(t.yourTasks),
        ...(view.youAreNextTovholder ? [line(view.youAreNextTovholder, { weight: 'bolder' })] : []),
        ...(own.length === 0 && !view.youAreNextTovholder ? [line(t.yourTasksNone)] : []),
        ...list(own, layout, view, (e, i) => taskElements(e, i, layout, cut)),
      ],
    });
  }

  body.push(
    section(t.participants, [
      ...(view.roles.length > 0
        ? [{ type: 'FactSet' as const, facts: view.roles.map((r) => fact(r.role, cut(r.name))) }]
        : []),
      ...(() => {
        const { shown, more } = cutItems(view.participants, layout, view);
        const facts = shown.map((p) =>
          fact(
            cut(p.name),
            [...(p.organisation ? [cut(p.organisation)] : []), ...(p.attendance ? [p.attendance] : [])].join(' · '),
          ),
        );
        return [{ type: 'FactSet' as const, spacing: 'medium' as const, facts }, ...more];
      })(),
    ]),
  );

  body.push(
    section(t.consent, [
      line(view.consent.state, { weight: 'bolder' }),
      ...(view.consent.details ? [line(view.consent.details, { spacing: 'none' })] : []),
      ...(view.consent.covers ? [line(`${t.consentCovers}: ${cut(view.consent.covers)}`, { spacing: 'small' })] : []),
      ...(view.consent.information ? [textBlock(`${t.consentInformation}: ${cut(view.consent.information)}`)] : []),
      ...(view.consent.purpose ? [textBlock(`${t.consentPurpose}: ${cut(view.consent.purpose)}`)] : []),
    ]),
  );

  const hasRound = view.round.length > 0 || view.challenges.length > 0 || view.writtenInput.length > 0;
  if (hasRound && layout.roundCollapsed) {
    body.push(section(t.round, [line(t.roundCollapsed)]));
  } else if (hasRound) {
    if (view.challenges.length > 0) {
      body.push(
        section(
          t.challenges,
          list(view.challenges, layout, view, (c, i) => [textBlock(`${i + 1}. ${cut(c)}`)]),
        ),
      );
    }
    if (view.round.length > 0) {
      body.push(
        section(
          t.round,
          list(view.round, layout, view, (r, i) => [
            line(cut(r.name), { weight: 'bolder', separator: i > 0 }),
            ...[
              [t.roundRelation, r.relation],
              [t.roundCurrentWork, r.currentWork],
              [t.roundChallenges, r.challenges],
            ]
              .filter(([, value]) => value !== undefined && value.trim() !== '')
              .map(([label, value]) => textBlock(`${label}: ${cut(value ?? '')}`, { spacing: 'small' })),
          ]),
        ),
      );
    }
    if (view.writtenInput.length > 0) {
      body.push(
        section(
          t.writtenInput,
          list(view.writtenInput, layout, view, (w) => [
            line(cut(w.name), { weight: 'bolder' }),
            textBlock(cut(w.text), { spacing: 'none' }),
          ]),
        ),
      );
    }
  }

  if (view.followUp.length > 0) {
    body.push(
      section(
        t.followUp,
        list(view.followUp, layout, view, (f, i) => [
          line(
            `${cut(f.owner)}: ${layout.effortsCompact ? shortenText(cut(f.what), COMPACT_EFFORT_CHARS) : cut(f.what)} — ${f.status}`,
            {
              spacing: i === 0 ? 'default' : 'small',
              ...(layout.effortsCompact ? { wrap: false } : {}),
            },
          ),
          ...(f.note !== null && !layout.effortsCompact
            ? [textBlock(cut(f.note), { isSubtle: true, spacing: 'none' })]
            : []),
        ]),
      ),
    );
  }

  body.push(
    section(
      t.goals,
      view.goals.length === 0
        ? [line(t.noGoals)]
        : list(view.goals, layout, view, (g, i) => [textBlock(`${i + 1}. ${cut(g)}`, { spacing: 'small' })]),
    ),
  );

  body.push(
    section(
      t.efforts,
      view.efforts.length === 0 ? [line(t.noEfforts)] : effortElements(view.efforts, layout, view, cut),
    ),
  );

  body.push(
    section(
      t.citizenTasks,
      view.citizenTasks.length === 0
        ? [line(t.citizenTasksNone)]
        : list(view.citizenTasks, layout, view, (e, i) => taskElements(e, i, layout, cut)),
    ),
  );

  body.push(
    section(t.nextSteps, [
      {
        type: 'FactSet',
        facts: [
          fact(t.acceptance, view.acceptance),
          fact(t.nextTovholder, cut(view.nextTovholder)),
          fact(t.nextMeeting, view.nextMeeting),
        ],
      },
    ]),
  );

  const footer: CardElement[] = [
    ...(view.detail === 'summary' ? [line(t.summaryNote, { isSubtle: true, size: 'small' })] : []),
    ...(marker !== null ? [line(t.deliveryMarker(marker), { isSubtle: true, size: 'small', spacing: 'none' })] : []),
  ];
  if (footer.length > 0) body.push({ type: 'Container', separator: true, spacing: 'medium', items: footer });

  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang: view.lang,
    fallbackText: [
      t.fallbackText(escapeMarkdownLine(view.caseReference)),
      ...(marker !== null ? [t.deliveryMarker(marker)] : []),
    ].join(' '),
    body,
    actions: [{ type: 'Action.OpenUrl', title: t.openPlan, url: options.planUrl }],
  };
};
