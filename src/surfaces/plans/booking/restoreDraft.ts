/**
 * Restoring the booking form's kladde after a reload: a stored draft is the user's unfinished work, so one field that
 * no longer fits the schema (an older version's value, a limit added later) must not empty the whole form. What
 * parses is kept, field by field; a field that does not falls back to the fresh form's value, and a participant
 * that cannot be read is left out rather than taking the others with it.
 */
import * as z from 'zod/mini';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Salvaged = { ok: true; value: unknown } | { ok: false };

const NONE: Salvaged = { ok: false };

/**
 * `value` as `schema` reads it, else as much of it as parses, else `fallback` (when there is one). Every place that
 * fell back or was left out is added to `lost` (a path such as `participants` or `consent.recipients`).
 */
const salvage = (schema: z.ZodMiniType, value: unknown, fallback: Salvaged, path: string, lost: string[]): Salvaged => {
  const direct = schema.safeParse(value);
  if (direct.success) return { ok: true, value: direct.data };
  const inner = schema instanceof z.ZodMiniNullable ? (schema._zod.def.innerType as z.ZodMiniType) : schema;
  const here = lost.length;
  if (inner instanceof z.ZodMiniObject && isRecord(value)) {
    const base = fallback.ok && isRecord(fallback.value) ? fallback.value : null;
    const shape = inner.shape as Record<string, z.ZodMiniType>;
    const kept: Record<string, unknown> = {};
    let whole = true;
    for (const [key, field] of Object.entries(shape)) {
      const at = path ? `${path}.${key}` : key;
      const part = salvage(field, value[key], base && key in base ? { ok: true, value: base[key] } : NONE, at, lost);
      if (part.ok) kept[key] = part.value;
      else whole = false;
    }
    if (whole) {
      const checked = inner.safeParse(kept);
      if (checked.success) return { ok: true, value: checked.data };
    }
  }
  if (inner instanceof z.ZodMiniArray && Array.isArray(value)) {
    const element = inner._zod.def.element as z.ZodMiniType;
    const kept = value.flatMap((item, i) => {
      const part = salvage(element, item, NONE, `${path}.${i}`, lost);
      return part.ok ? [part.value] : [];
    });
    const checked = inner.safeParse(kept);
    if (checked.success) {
      // One entry for the list, not one per field of a left-out item.
      lost.splice(here, lost.length - here, ...(kept.length < value.length ? [path] : []));
      return { ok: true, value: checked.data };
    }
  }
  lost.splice(here, lost.length - here, path);
  return fallback;
};

/**
 * `schema` for reading a stored draft: a stored value that is not a draft at all (not an object, or another
 * `formVersion`) is refused, so the fresh form is shown; otherwise every field that parses is kept and the rest
 * come from `fresh()`.
 */
export const restorableDraft = <T extends { formVersion: number }>(
  schema: z.ZodMiniObject,
  fresh: () => T,
  /** Told the top-level fields that could not be read (fell back, or lost an item), when there are any. */
  onLost: (fields: string[]) => void = () => {},
): z.ZodMiniType<T> =>
  z.pipe(
    z.unknown(),
    z.transform((stored, ctx): T => {
      const version = isRecord(stored) ? stored.formVersion : undefined;
      const base = fresh();
      if (version !== base.formVersion) {
        ctx.issues.push({ code: 'custom', message: 'not a booking draft of this version', input: stored });
        return z.NEVER;
      }
      const lost: string[] = [];
      const kept = salvage(schema, stored, { ok: true, value: base }, '', lost);
      const fields = [...new Set(lost.map((path) => path.split('.')[0] ?? path))];
      if (fields.length > 0) onLost(fields);
      return (kept.ok ? kept.value : base) as T;
    }),
  );
