/**
 * Three-way merge of plan documents, field by field (used when a save meets a stale eTag: HTTP 412).
 *
 * base = the version both sides started from (the last one this panel saved or loaded),
 * mine = this panel's version, theirs = what is in the store now.
 * A field changed on one side only takes that side's value; a field changed the same way on both sides is fine;
 * a field changed differently on both sides is a conflict the user decides — nothing is overwritten silently.
 * Lists whose items carry an identity (id, participantId, effortId, agenda key) merge item by item, so two people
 * adding efforts at once both keep theirs; a list reordered differently on both sides is a conflict of its order.
 */
import type { Plan } from './planDocument';

/** One step of a path into the document: an object key, or the identity of an item in a list. */
export type PathSegment = string | { id: string };
export type Path = readonly PathSegment[];

export interface MergeConflict {
  /** Where: e.g. ['meetings', {id:'m2'}, 'minutes', 'efforts', {id:'e3'}, 'what'], or […, 'goals', '$order']. */
  path: Path;
  /** `undefined` means the item did not exist (added, or deleted on that side). For '$order': lists of ids. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** Every non-conflicting change from both sides; conflicting fields hold mine until the user chooses. */
  merged: Plan;
  conflicts: MergeConflict[];
}

const ORDER = '$order';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
};

/** The identity of a list item, or null when the item has none (then the whole list is one value). */
const identityOf = (item: unknown): string | null => {
  if (!isObject(item)) return null;
  for (const key of ['id', 'effortId', 'participantId'] as const) {
    const value = item[key];
    if (typeof value === 'string') return value;
  }
  // Agenda items are keyed by their item; agenda steps by item and moment.
  if (typeof item.key === 'string') return typeof item.at === 'string' ? `${item.key}@${item.at}` : item.key;
  return null;
};

const identities = (list: readonly unknown[]): string[] | null => {
  const ids = list.map(identityOf);
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
};

/** A discriminated union whose variant changed is one value: merging its fields would mix variants. */
const sameVariant = (...values: Record<string, unknown>[]): boolean => {
  const kinds = values.map((v) => v.kind);
  return kinds.every((k) => k === kinds[0]);
};

interface Merger {
  conflicts: MergeConflict[];
}

const mergeValue = (m: Merger, path: PathSegment[], base: unknown, mine: unknown, theirs: unknown): unknown => {
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base)) return mine;
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const baseList = Array.isArray(base) ? base : [];
    const ids = [identities(mine), identities(theirs), identities(baseList)];
    if (ids.every((x) => x !== null)) return mergeList(m, path, baseList, mine, theirs);
  }
  if (isObject(mine) && isObject(theirs) && (base === undefined || isObject(base))) {
    const b = base ?? {};
    if (sameVariant(mine, theirs, ...(isObject(base) ? [base] : []))) return mergeObject(m, path, b, mine, theirs);
  }
  m.conflicts.push({ path: [...path], base, mine, theirs });
  return mine;
};

const mergeObject = (
  m: Merger,
  path: PathSegment[],
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  for (const key of keys) {
    const value = mergeValue(m, [...path, key], base[key], mine[key], theirs[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
};

/** The ids of `list` in their order, restricted to `keep`. */
const orderWithin = (list: readonly string[], keep: ReadonlySet<string>): string[] => list.filter((id) => keep.has(id));

/**
 * Items of `secondary` missing in `primary` go in after their nearest predecessor from `secondary`, and after
 * the items only `primary` has there (so two lists each grown at the end keep primary's additions first).
 */
const weave = (primary: readonly string[], secondary: readonly string[]): string[] => {
  const out = [...primary];
  const inSecondary = new Set(secondary);
  secondary.forEach((id, i) => {
    if (out.includes(id)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = out.indexOf(secondary[j] as string);
      if (before >= 0) {
        at = before + 1;
        while (at < out.length && !inSecondary.has(out[at] as string)) at++;
        break;
      }
    }
    out.splice(at, 0, id);
  });
  return out;
};

const mergeList = (
  m: Merger,
  path: PathSegment[],
  base: readonly unknown[],
  mine: readonly unknown[],
  theirs: readonly unknown[],
): unknown[] => {
  const byId = (list: readonly unknown[]) => new Map(list.map((item) => [identityOf(item) as string, item]));
  const [b, my, th] = [byId(base), byId(mine), byId(theirs)];
  const merged = new Map<string, unknown>();
  for (const id of new Set([...my.keys(), ...th.keys()])) {
    const inBase = b.has(id);
    const inMine = my.has(id);
    const inTheirs = th.has(id);
    const itemPath = [...path, { id }];
    if (inMine && inTheirs) {
      merged.set(id, mergeValue(m, itemPath, b.get(id), my.get(id), th.get(id)));
    } else if (!inBase) {
      // Added on one side only.
      merged.set(id, inMine ? my.get(id) : th.get(id));
    } else {
      // Deleted on one side: fine if the other side left it alone, a conflict if it was changed there.
      const kept = inMine ? my.get(id) : th.get(id);
      if (!deepEqual(kept, b.get(id))) {
        m.conflicts.push({
          path: itemPath,
          base: b.get(id),
          mine: inMine ? kept : undefined,
          theirs: inTheirs ? kept : undefined,
        });
        if (inMine) merged.set(id, kept);
      }
    }
  }
  // Order (for goals it is the priority): a side that did not reorder takes the other side's order.
  const common = new Set([...b.keys()].filter((id) => my.has(id) && th.has(id)));
  const baseOrder = orderWithin([...b.keys()], common);
  const mineOrder = orderWithin([...my.keys()], common);
  const theirsOrder = orderWithin([...th.keys()], common);
  const mineMoved = !deepEqual(mineOrder, baseOrder);
  const theirsMoved = !deepEqual(theirsOrder, baseOrder);
  if (mineMoved && theirsMoved && !deepEqual(mineOrder, theirsOrder)) {
    m.conflicts.push({ path: [...path, ORDER], base: baseOrder, mine: mineOrder, theirs: theirsOrder });
  }
  const [primary, secondary] =
    theirsMoved && !mineMoved ? [[...th.keys()], [...my.keys()]] : [[...my.keys()], [...th.keys()]];
  return weave(primary, secondary)
    .filter((id) => merged.has(id))
    .map((id) => merged.get(id));
};

export const mergePlans = (base: Plan, mine: Plan, theirs: Plan): MergeResult => {
  const m: Merger = { conflicts: [] };
  // updatedAt changes on every save: it is bookkeeping, not content, so it never conflicts.
  const later = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
  const merged = mergeValue(m, [], base, { ...mine, updatedAt: later }, { ...theirs, updatedAt: later }) as Plan;
  return { merged, conflicts: m.conflicts };
};

const isOrder = (path: Path): boolean => path[path.length - 1] === ORDER;

/** True when the path is a list's order rather than a field. */
export const isOrderConflict = (conflict: MergeConflict): boolean => isOrder(conflict.path);

const step = (container: unknown, segment: PathSegment): unknown => {
  if (typeof segment === 'string') return isObject(container) ? container[segment] : undefined;
  return Array.isArray(container) ? container.find((item) => identityOf(item) === segment.id) : undefined;
};

/** The value at a path, or undefined when it does not exist. */
export const valueAt = (doc: unknown, path: Path): unknown => {
  if (isOrder(path)) {
    const list = path.slice(0, -1).reduce<unknown>(step, doc);
    return Array.isArray(list) ? list.map(identityOf) : undefined;
  }
  return path.reduce<unknown>(step, doc);
};

const setIn = (container: unknown, path: readonly PathSegment[], value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (head === ORDER && Array.isArray(container) && Array.isArray(value)) {
    // Reorder to the chosen ids; items not named keep their place at the end.
    const wanted = value as string[];
    const named = wanted.map((id) => container.find((item) => identityOf(item) === id)).filter((x) => x !== undefined);
    return [...named, ...container.filter((item) => !wanted.includes(identityOf(item) as string))];
  }
  if (typeof head === 'string') {
    const obj = isObject(container) ? container : {};
    const next = setIn(obj[head], rest, value);
    const copy = { ...obj };
    if (next === undefined) delete copy[head];
    else copy[head] = next;
    return copy;
  }
  const list = Array.isArray(container) ? container : [];
  const index = list.findIndex((item) => identityOf(item) === head.id);
  if (index < 0) {
    if (rest.length === 0 && value !== undefined) return [...list, value];
    return list;
  }
  const next = setIn(list[index], rest, value);
  return next === undefined ? list.filter((_, i) => i !== index) : list.map((item, i) => (i === index ? next : item));
};

/** Put a value at a path (undefined removes a list item or field). Returns a new document. */
export const withValueAt = <T>(doc: T, path: Path, value: unknown): T => setIn(doc, path, value) as T;

/** Two paths name the same place. */
export const samePath = (a: Path, b: Path): boolean =>
  a.length === b.length &&
  a.every((s, i) => {
    const o = b[i];
    return typeof s === 'string' ? s === o : typeof o === 'object' && o !== null && o.id === s.id;
  });
