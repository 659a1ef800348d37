/**
 * The subset of Adaptive Card 1.5 the minutes use, as types, so a card that Teams would refuse does not compile.
 * There is deliberately no Action.Submit or Action.Execute: a card a user posts through Graph has no bot behind it,
 * so only Action.OpenUrl does anything.
 */

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  /** Adaptive Card markdown: user text must go through markdownEscape first. */
  text: string;
  wrap?: boolean;
  maxLines?: number;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  /** `heading` (1.5) lets screen readers navigate the card by section. */
  style?: 'default' | 'heading';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | number;
  items: CardElement[];
  spacing?: Spacing;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export type CardElement = TextBlock | FactSet | ColumnSet | Container;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  /** A bare two-letter code: Teams drops `da-DK`. */
  lang: 'da' | 'en';
  fallbackText?: string;
  speak?: string;
  body: CardElement[];
  actions: OpenUrlAction[];
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive' as const;
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
