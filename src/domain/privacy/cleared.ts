/**
 * A payload the privacy guard has checked and let through. Every port that sends something out of the
 * plan (calendar, chat, e-mail, URLs, logs) takes `Cleared<…>`, and only the guard (privacyGuard.ts)
 * makes one, so an outbound call that bypasses the guard does not compile.
 */
declare const clearedBrand: unique symbol;

export type Cleared<T> = T & { readonly [clearedBrand]: true };

/** Outbound channels, each with its own rules. */
export type Channel = 'calendar' | 'chat' | 'email' | 'url' | 'log' | 'access';
