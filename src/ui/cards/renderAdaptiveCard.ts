/**
 * Renders an Adaptive Card the way Teams does, for the preview before sending: the `adaptivecards` renderer with
 * Teams' light or dark host config, and markdown-it for TextBlock markdown (the renderer does no markdown itself;
 * markdown-it with HTML off is what the Adaptive Cards designer uses, so escaped user text shows as typed).
 */
import { AdaptiveCard, CardElement, HostConfig, OpenUrlAction, SerializationContext, type Action } from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import teamsDark from './teams-dark.hostconfig.json';
import teamsLight from './teams-light.hostconfig.json';

export type CardTheme = 'light' | 'dark';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

const hostConfigs: Record<CardTheme, HostConfig> = {
  light: new HostConfig(teamsLight),
  dark: new HostConfig(teamsDark),
};

export const hostConfigFor = (theme: CardTheme): HostConfig => hostConfigs[theme];

export interface ParsedCard {
  card: AdaptiveCard;
  /** Parse and validation events, as text: a card Teams would render as built has none. */
  problems: string[];
}

/** Parse a card JSON with the renderer's own rules, collecting every parse and validation event. */
export const parseAdaptiveCard = (json: unknown, theme: CardTheme = 'light'): ParsedCard => {
  // adaptivecards 3.0.6 checks `lang` with a global (/g) regex and so keeps its lastIndex between cards: every
  // second card parsed would lose its valid "da" with an "Invalid value" event. Start each parse from the top.
  const langPattern = CardElement.langProperty.regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const card = new AdaptiveCard();
  card.hostConfig = hostConfigFor(theme);
  const context = new SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validation: ${event.message}`);
  }
  return { card, problems };
};

/** Open the card's deep link in a new tab, as Teams does, without giving the plan page a handle on the opener. */
const openUrl = (action: Action) => {
  if (action instanceof OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
};

export interface RenderedCard {
  element: HTMLElement | undefined;
  problems: string[];
}

export const renderAdaptiveCard = (json: unknown, theme: CardTheme): RenderedCard => {
  const { card, problems } = parseAdaptiveCard(json, theme);
  card.onExecuteAction = openUrl;
  return { element: card.render(), problems };
};
