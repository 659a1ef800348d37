import { badRequest } from './errors';

/**
 * The OData query options the app uses: $select, $top/$skip/$skiptoken paging with @odata.nextLink,
 * and a small $filter evaluator (eq, ne, gt, ge, lt, le, in, startswith, endswith, and, or, not, parentheses).
 */

export type Json = Record<string, unknown>;

export const parseSelect = (query: URLSearchParams): string[] | null => {
  const raw = query.get('$select');
  if (!raw) return null;
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
};

/** Keeps only the selected properties (case-insensitive), plus `keep` (e.g. Outlook's id). */
export const applySelect = (item: Json, select: string[] | null, keep: string[] = []): Json => {
  if (!select) return item;
  const wanted = new Set([...select, ...keep].map((name) => name.toLowerCase()));
  const out: Json = {};
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith('@odata') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
};

export interface Page<T> {
  items: T[];
  nextLink: string | null;
}

/**
 * One page of `all`. `$top` (capped at `maxTop`) or `defaultTop` items; the next page is addressed with
 * `$skip` (Outlook style) or an opaque `$skiptoken` (directory and Teams style).
 */
export const paginate = <T>(
  all: T[],
  query: URLSearchParams,
  selfUrl: string,
  options: { defaultTop: number; maxTop: number; style: 'skip' | 'skiptoken' },
): Page<T> => {
  const topRaw = query.get('$top');
  let top = options.defaultTop;
  if (topRaw !== null) {
    const parsed = Number(topRaw);
    if (!Number.isInteger(parsed) || parsed < 0) throw badRequest(`Invalid value '${topRaw}' for $top query option.`);
    if (parsed > options.maxTop) {
      throw badRequest(
        `The limit of '${options.maxTop}' for Top query has been exceeded. The value from the incoming request is '${parsed}'.`,
      );
    }
    top = parsed;
  }
  let offset = 0;
  const skip = query.get('$skip');
  const token = query.get('$skiptoken');
  if (skip !== null) offset = Math.max(0, Number(skip) || 0);
  if (token !== null) {
    const decoded = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest('The $skiptoken is invalid or expired.');
    offset = decoded;
  }
  const items = all.slice(offset, offset + top);
  let nextLink: string | null = null;
  if (offset + top < all.length && top > 0) {
    const next = new URLSearchParams(query);
    next.delete('$skip');
    next.delete('$skiptoken');
    if (options.style === 'skip') next.set('$skip', String(offset + top));
    else next.set('$skiptoken', Buffer.from(`offset:${offset + top}`).toString('base64url'));
    if (topRaw !== null) next.set('$top', String(top));
    nextLink = `${selfUrl}?${next.toString().replace(/%24/g, '$')}`;
  }
  return { items, nextLink };
};

// ---------------------------------------------------------------- $filter

type Literal = string | number | boolean | null;

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; property: string; value: Literal }
  | { kind: 'in'; property: string; values: Literal[] }
  | { kind: 'call'; name: 'startswith' | 'endswith' | 'contains'; property: string; value: string }
  /** `collection/any(v: predicate)`: the predicate reads the element as `v/…`. */
  | { kind: 'any'; collection: string; variable: string; predicate: Node };

type Token = { type: 'word'; value: string } | { type: 'string'; value: string } | { type: 'punct'; value: string };

const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw unsupported(text, 'an unterminated string literal');
        const c = text[i] ?? '';
        if (c === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += c;
        i += 1;
      }
      tokens.push({ type: 'string', value });
    } else if ('(),'.includes(char)) {
      tokens.push({ type: 'punct', value: char });
      i += 1;
    } else {
      // A lambda variable ends at its colon (`ep:ep/id` is the variable `ep:` and then `ep/id`).
      const match = /^[A-Za-z_]\w*:(?![\d/])|^[^\s(),']+/.exec(text.slice(i));
      const value = match?.[0] ?? char;
      tokens.push({ type: 'word', value });
      i += value.length;
    }
  }
  return tokens;
};

const unsupported = (filter: string, what: string): Error =>
  badRequest(`Invalid filter clause: ${what} in '${filter}' is not supported.`, 'BadRequest');

export const parseFilter = (filter: string): Node => {
  const tokens = tokenize(filter);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (): Token => {
    const token = tokens[pos];
    if (!token) throw unsupported(filter, 'an unexpected end');
    pos += 1;
    return token;
  };
  const expectPunct = (value: string): void => {
    const token = take();
    if (token.type !== 'punct' || token.value !== value)
      throw unsupported(filter, `'${token.value}' where '${value}' was expected`);
  };
  const literal = (): Literal => {
    const token = take();
    if (token.type === 'string') return token.value;
    if (token.type === 'word') {
      if (token.value === 'true') return true;
      if (token.value === 'false') return false;
      if (token.value === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(token.value)) return Number(token.value);
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(token.value)) return token.value;
    }
    throw unsupported(filter, `the literal '${token.value}'`);
  };
  const primary = (): Node => {
    const token = take();
    if (token.type === 'punct' && token.value === '(') {
      const inner = orExpr();
      expectPunct(')');
      return inner;
    }
    if (token.type !== 'word') throw unsupported(filter, `'${token.value}'`);
    const lower = token.value.toLowerCase();
    if (lower === 'not') return { kind: 'not', operand: primary() };
    if (lower === 'startswith' || lower === 'endswith' || lower === 'contains') {
      expectPunct('(');
      const property = take();
      if (property.type !== 'word') throw unsupported(filter, 'a function without a property');
      expectPunct(',');
      const value = literal();
      expectPunct(')');
      if (typeof value !== 'string') throw unsupported(filter, `${lower} with a non-string value`);
      return { kind: 'call', name: lower, property: property.value, value };
    }
    const lambda = /^(.+)\/(any|all)$/i.exec(token.value);
    if (lambda) {
      if (lambda[2]?.toLowerCase() === 'all') throw unsupported(filter, 'the lambda operator all');
      expectPunct('(');
      const head = take();
      if (head.type !== 'word') throw unsupported(filter, 'a lambda without a variable');
      let variable = head.value;
      if (variable.endsWith(':')) variable = variable.slice(0, -1);
      else {
        const colon = take();
        if (colon.type !== 'word' || colon.value !== ':')
          throw unsupported(filter, `'${colon.value}' after a lambda variable`);
      }
      if (!/^[A-Za-z_]\w*$/.test(variable)) throw unsupported(filter, `the lambda variable '${variable}'`);
      const predicate = orExpr();
      expectPunct(')');
      return { kind: 'any', collection: lambda[1] ?? '', variable, predicate };
    }
    const op = take();
    if (op.type !== 'word') throw unsupported(filter, `'${op.value}' after '${token.value}'`);
    const opLower = op.value.toLowerCase();
    if (opLower === 'in') {
      expectPunct('(');
      const values: Literal[] = [literal()];
      while (peek()?.type === 'punct' && peek()?.value === ',') {
        take();
        values.push(literal());
      }
      expectPunct(')');
      return { kind: 'in', property: token.value, values };
    }
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(opLower))
      throw unsupported(filter, `the operator '${op.value}'`);
    return { kind: 'compare', op: opLower as 'eq', property: token.value, value: literal() };
  };
  const andExpr = (): Node => {
    let left = primary();
    while (peek()?.type === 'word' && peek()?.value.toLowerCase() === 'and') {
      take();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek()?.type === 'word' && peek()?.value.toLowerCase() === 'or') {
      take();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const node = orExpr();
  if (pos !== tokens.length) throw unsupported(filter, `'${tokens[pos]?.value ?? ''}'`);
  return node;
};

/** Reads `a/b` from an object, case-insensitively. */
export const readPath = (item: Json, path: string): unknown => {
  let current: unknown = item;
  for (const part of path.split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    const entry = Object.entries(current as Json).find(([key]) => key.toLowerCase() === part.toLowerCase());
    current = entry?.[1];
  }
  return current;
};

const compareValues = (a: unknown, b: Literal, caseInsensitive: boolean): number | null => {
  if (a === undefined) a = null;
  if (a === null || b === null) return a === b ? 0 : null;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = caseInsensitive ? a.toLowerCase() : a;
    const y = caseInsensitive ? b.toLowerCase() : b;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : null;
  return null;
};

/**
 * For properties whose values compare by their own rules (e.g. an extended property id: type and GUID in any case,
 * the name exactly): returns the canonical form of a value, compared exactly; null for ordinary properties.
 */
export type Canonical = (property: string, value: string) => string | null;

const compareWith = (
  property: string,
  actual: unknown,
  expected: Literal,
  caseInsensitive: boolean,
  canonical?: Canonical,
): number | null => {
  if (canonical && typeof actual === 'string' && typeof expected === 'string') {
    const a = canonical(property, actual);
    const b = canonical(property, expected);
    if (a !== null && b !== null) return compareValues(a, b, false);
  }
  return compareValues(actual, expected, caseInsensitive);
};

export const evaluateFilter = (node: Node, item: Json, caseInsensitive = true, canonical?: Canonical): boolean => {
  switch (node.kind) {
    case 'and':
      return (
        evaluateFilter(node.left, item, caseInsensitive, canonical) &&
        evaluateFilter(node.right, item, caseInsensitive, canonical)
      );
    case 'or':
      return (
        evaluateFilter(node.left, item, caseInsensitive, canonical) ||
        evaluateFilter(node.right, item, caseInsensitive, canonical)
      );
    case 'not':
      return !evaluateFilter(node.operand, item, caseInsensitive, canonical);
    case 'any': {
      const collection = readPath(item, node.collection);
      if (!Array.isArray(collection)) return false;
      return collection.some((element) =>
        evaluateFilter(node.predicate, { [node.variable]: element as unknown }, caseInsensitive, canonical),
      );
    }
    case 'in':
      return node.values.some(
        (value) => compareWith(node.property, readPath(item, node.property), value, caseInsensitive, canonical) === 0,
      );
    case 'call': {
      const actual = readPath(item, node.property);
      if (typeof actual !== 'string') return false;
      const a = caseInsensitive ? actual.toLowerCase() : actual;
      const b = caseInsensitive ? node.value.toLowerCase() : node.value;
      if (node.name === 'startswith') return a.startsWith(b);
      if (node.name === 'endswith') return a.endsWith(b);
      return a.includes(b);
    }
    case 'compare': {
      const result = compareWith(node.property, readPath(item, node.property), node.value, caseInsensitive, canonical);
      if (node.op === 'ne') return result !== 0;
      if (result === null) return false;
      switch (node.op) {
        case 'eq':
          return result === 0;
        case 'gt':
          return result > 0;
        case 'ge':
          return result >= 0;
        case 'lt':
          return result < 0;
        case 'le':
          return result <= 0;
      }
    }
  }
  return false;
};

/** Properties a filter reads (to refuse filters on properties the resource does not support). */
export const filterProperties = (node: Node): string[] => {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    case 'not':
      return filterProperties(node.operand);
    case 'any':
      return [node.collection];
    default:
      return [node.property];
  }
};

export const applyFilter = <T extends Json>(
  items: T[],
  query: URLSearchParams,
  caseInsensitive = true,
  canonical?: Canonical,
): T[] => {
  const raw = query.get('$filter');
  if (!raw) return items;
  const node = parseFilter(raw);
  return items.filter((item) => evaluateFilter(node, item, caseInsensitive, canonical));
};
