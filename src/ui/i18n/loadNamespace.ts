import type { Namespace, NamespaceTexts } from './resources';

/** Every namespace's name, without importing the texts (a record, so a new namespace missing here is an error). */
const known: Record<Namespace, true> = {
  common: true,
  shell: true,
  launcher: true,
  compose: true,
  meeting: true,
  plans: true,
  booking: true,
  privacy: true,
  cards: true,
};

export const isNamespace = (name: string): name is Namespace => Object.hasOwn(known, name);

/** A namespace's file, fetched on demand (webpack makes a chunk of each file not already on the page). */
export const loadNamespace = async (ns: Namespace): Promise<NamespaceTexts<Namespace>> => {
  switch (ns) {
    case 'common':
      return (await import(/* webpackChunkName: "i18n-common" */ './namespaces/common')).common;
    case 'shell':
      return (await import(/* webpackChunkName: "i18n-shell" */ './namespaces/shell')).shell;
    case 'launcher':
      return (await import(/* webpackChunkName: "i18n-launcher" */ './namespaces/launcher')).launcher;
    case 'compose':
      return (await import(/* webpackChunkName: "i18n-compose" */ './namespaces/compose')).compose;
    case 'meeting':
      return (await import(/* webpackChunkName: "i18n-meeting" */ './namespaces/meeting')).meeting;
    case 'plans':
      return (await import(/* webpackChunkName: "i18n-plans" */ './namespaces/plans')).plans;
    case 'booking':
      return (await import(/* webpackChunkName: "i18n-booking" */ './namespaces/booking')).booking;
    case 'privacy':
      return (await import(/* webpackChunkName: "i18n-privacy" */ './namespaces/privacy')).privacy;
    case 'cards':
      return (await import(/* webpackChunkName: "i18n-cards" */ './namespaces/cards')).cards;
  }
};
