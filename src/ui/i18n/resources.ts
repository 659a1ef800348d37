import { common } from './namespaces/common';
import { compose } from './namespaces/compose';
import { launcher } from './namespaces/launcher';
import { meeting } from './namespaces/meeting';
import { shell } from './namespaces/shell';
import { plans } from './namespaces/plans';
import { booking } from './namespaces/booking';
import { privacy } from './namespaces/privacy';
import { cards } from './namespaces/cards';

/**
 * Every namespace, one file each under namespaces/ (one per surface, plus common). Add a namespace here, to
 * `loadNamespace.ts`, and to the entries that render it first (src/app/*.tsx, `registerNamespaces`).
 *
 * Only the tests import this file's values (the catalogue check, and the UI tests' setup, which registers every
 * namespace); the app imports its types. A page bundles just the namespaces its entry registers and fetches any
 * other on first use (`loadNamespace.ts`), so the side panel does not download the plans tab's texts.
 */
export const everyNamespace = { common, shell, launcher, compose, meeting, plans, booking, privacy, cards };

export const resources = {
  da: {
    common: common.da,
    shell: shell.da,
    launcher: launcher.da,
    compose: compose.da,
    meeting: meeting.da,
    plans: plans.da,
    booking: booking.da,
    privacy: privacy.da,
    cards: cards.da,
  },
  en: {
    common: common.en,
    shell: shell.en,
    launcher: launcher.en,
    compose: compose.en,
    meeting: meeting.en,
    plans: plans.en,
    booking: booking.en,
    privacy: privacy.en,
    cards: cards.en,
  },
} as const;

export type Namespace = keyof typeof resources.da;

export const namespaces = Object.keys(resources.da) as Namespace[];

/** What `t`'s keys are checked against (src/ui/i18n/useTranslation.tsx): the Danish texts of every namespace. */
export type Resources = (typeof resources)['da'];

/** One namespace in both languages, as its file exports it. */
export type NamespaceTexts<N extends Namespace> = (typeof everyNamespace)[N];
