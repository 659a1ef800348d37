import * as z from 'zod/mini';

/**
 * Parse options that word a failed check in English, as classic zod did ("Too big: expected string to have <=200
 * characters"). zod/mini carries no messages (every issue would read "Invalid input"), and two places show an
 * issue's text to people: a plan document that cannot be read, and a Graph answer that does not fit. A schema's own
 * message (e.g. "dato skal være ÅÅÅÅ-MM-DD") still comes first.
 */
export const issueText: z.core.ParseContext<z.core.$ZodIssue> = { error: z.locales.en().localeError };
