import type { Translation } from './translation';
import { common } from './namespaces/common';
import { shell } from './namespaces/shell';
import { launcher } from './namespaces/launcher';
import { compose } from './namespaces/compose';
import { meeting } from './namespaces/meeting';
import { plans } from './namespaces/plans';
import { booking } from './namespaces/booking';
import { privacy } from './namespaces/privacy';
import { cards } from './namespaces/cards';
import { common as commonEn } from './namespaces/en/common';
import { shell as shellEn } from './namespaces/en/shell';
import { launcher as launcherEn } from './namespaces/en/launcher';
import { compose as composeEn } from './namespaces/en/compose';
import { meeting as meetingEn } from './namespaces/en/meeting';
import { plans as plansEn } from './namespaces/en/plans';
import { booking as bookingEn } from './namespaces/en/booking';
import { privacy as privacyEn } from './namespaces/en/privacy';
import { cards as cardsEn } from './namespaces/en/cards';

/**
 * Every namespace, one file each under namespaces/ (one per surface, plus common), Danish there and English under
 * namespaces/en/. Add a namespace in both folders, here, to `loadNamespace.ts`, and to the entries that render it
 * first (src/app/*.tsx, `registerNamespaces`).
 *
 * Only the tests import this file's values (the catalogue check, and the UI tests' setup, which registers every
 * namespace in both languages); the app imports its types. A page bundles just the Danish texts its entry
 * registers and fetches any other namespace, and any English, on first use (`loadNamespace.ts`), so the side panel
 * does not download the plans tab's texts, nor English unless it is shown in English.
 */
export const resources = {
  da: { common, shell, launcher, compose, meeting, plans, booking, privacy, cards },
  en: {
    common: commonEn,
    shell: shellEn,
    launcher: launcherEn,
    compose: composeEn,
    meeting: meetingEn,
    plans: plansEn,
    booking: bookingEn,
    privacy: privacyEn,
    cards: cardsEn,
  },
} as const;

export type Namespace = keyof typeof resources.da;

export const namespaces = Object.keys(resources.da) as Namespace[];

/** What `t`'s keys are checked against (src/ui/i18n/useTranslation.tsx): the Danish texts of every namespace. */
export type Resources = (typeof resources)['da'];

/** One namespace's texts in one language (the Danish keys, any text). */
export type NamespaceTexts<N extends Namespace> = Translation<Resources[N]>;
