/**
 * Restoring the booking form's kladde after a reload: a stored draft is the user's unfinished work, so one field that
 * no longer fits the schema (an older version's value, a limit added later) must not empty the whole form. What
 * parses is kept, field by field; a field that does not falls back to the fresh form's value, and a participant
 * that cannot be read is left out rather than taking the others with it.
 */
import { z } from 'zod';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Salvaged = { ok: true; value: unknown } | { ok: false };

const NONE: Salvaged = { ok: false };

/** `value` as `schema` reads it, else as much of it as parses, else `fallback` (when there is one). */
const salvage = (schema: z.ZodType, value: unknown, fallback: Salvaged): Salvaged => {
  const direct = schema.safeParse(value);
  if (direct.success) return { ok: true, value: direct.data };
  const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject && isRecord(value)) {
    const base = fallback.ok && isRecord(fallback.value) ? fallback.value : null;
    const shape = inner.shape as Record<string, z.ZodType>;
    const kept: Record<string, unknown> = {};
    let whole = true;
    for (const [key, field] of Object.entries(shape)) {
      const part = salvage(field, value[key], base && key in base ? { ok: true, value: base[key] } : NONE);
      if (part.ok) kept[key] = part.value;
      else whole = false;
    }
    if (whole) {
      const checked = inner.safeParse(kept);
      if (checked.success) return { ok: true, value: checked.data };
    }
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element = inner.element as z.ZodType;
    const kept = value.flatMap((item) => {
      const part = salvage(element, item, NONE);
      return part.ok ? [part.value] : [];
    });
    const checked = inner.safeParse(kept);
    if (checked.success) return { ok: true, value: checked.data };
  }
  return fallback;
};

/**
 * `schema` for reading a stored draft: a stored value that is not a draft at all (not an object, or another
 * `formVersion`) is refused, so the fresh form is shown; otherwise every field that parses is kept and the rest
 * come from `fresh()`.
 */
export const restorableDraft = <T extends { formVersion: number }>(schema: z.ZodObject, fresh: () => T): z.ZodType<T> =>
  z.unknown().transform((stored, ctx): T => {
    const version = isRecord(stored) ? stored.formVersion : undefined;
    const base = fresh();
    if (version !== base.formVersion) {
      ctx.issues.push({ code: 'custom', message: 'not a booking draft of this version', input: stored });
      return z.NEVER;
    }
    const kept = salvage(schema, stored, { ok: true, value: base });
    return (kept.ok ? kept.value : base) as T;
  });
