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
 * Every namespace, one file each under namespaces/ (one per surface, plus common).
 * Add a namespace here and in the `namespaces` list.
 */
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

export const namespaces = Object.keys(resources.da) as (keyof typeof resources.da)[];
