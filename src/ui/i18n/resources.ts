import { common } from './namespaces/common';

/**
 * Every namespace, one file each under namespaces/ (one per surface, plus common).
 * Add a namespace here and in the `namespaces` list.
 */
export const resources = {
  da: { common: common.da },
  en: { common: common.en },
} as const;

export const namespaces = Object.keys(resources.da) as (keyof typeof resources.da)[];
