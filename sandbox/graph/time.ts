import { badRequest } from './errors';

/**
 * Graph's dateTimeTimeZone: a wall-clock `dateTime` (no offset) plus a Windows or IANA `timeZone`.
 * Read with the given zone; written in the zone of `Prefer: outlook.timezone="…"` (UTC when absent).
 */

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

const WINDOWS_ZONES: Record<string, string> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'romance standard time': 'Europe/Copenhagen',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles',
};

/** The IANA zone for a Windows or IANA name, or null when unknown. */
export const ianaZone = (name: string): string | null => {
  const mapped = WINDOWS_ZONES[name.trim().toLowerCase()];
  if (mapped) return mapped;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return null;
  }
};

const requireZone = (name: string): string => {
  const zone = ianaZone(name);
  if (!zone) {
    throw badRequest(
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
      'TimeZoneNotSupportedException',
    );
  }
  return zone;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` from UTC at instant `ms`, in milliseconds. */
export const zoneOffset = (ms: number, zone: string): number => {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (ms - (ms % 1000));
};

/** The instant of a wall-clock time in `zone`. */
export const wallToInstant = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): number => {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - zoneOffset(guess, zone);
  const second_ = guess - zoneOffset(first, zone);
  return second_;
};

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Reads a dateTimeTimeZone as Graph does; throws Graph's 400 when malformed. */
export const readDateTimeTimeZone = (value: unknown, field: string): number => {
  if (typeof value !== 'object' || value === null)
    throw badRequest(`The '${field}' property is required.`, 'ErrorInvalidRequest');
  const { dateTime, timeZone } = value as Partial<DateTimeTimeZone>;
  if (typeof dateTime !== 'string' || !WALL.test(dateTime)) {
    throw badRequest(
      `Cannot convert the literal '${String(dateTime)}' to the expected type 'Edm.String' in ${field}.dateTime.`,
      'BadRequest',
    );
  }
  if (typeof timeZone !== 'string' || !timeZone) {
    throw badRequest(`A valid TimeZone value must be specified in ${field}.timeZone.`, 'TimeZoneNotSupportedException');
  }
  return parseLocal(dateTime, requireZone(timeZone));
};

/** Parses an ISO string: with an offset it is that instant; without, a wall time in `zone`. */
export const parseLocal = (text: string, zone: string): number => {
  const match = WALL.exec(text);
  if (!match) throw badRequest(`'${text}' is not a valid date and time.`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  if (offset) {
    const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    if (offset === 'Z') return base + ms;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return base - sign * minutes * 60000 + ms;
  }
  return wallToInstant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), zone) + ms;
};

/** Query-string instants (calendarView's startDateTime): an offset wins, otherwise UTC. */
export const parseQueryInstant = (text: string): number | null => {
  if (!WALL.test(text)) return null;
  return parseLocal(text, 'UTC');
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Formats an instant as Graph writes it: `2026-09-03T11:00:00.0000000` in the zone's wall time. */
export const formatDateTimeTimeZone = (ms: number, zoneName: string): DateTimeTimeZone => {
  const zone = ianaZone(zoneName) ?? 'UTC';
  const local = new Date(ms + zoneOffset(ms, zone));
  const dateTime = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(
    local.getUTCHours(),
  )}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}0000`;
  return { dateTime, timeZone: zoneName };
};

/** The zone asked for with `Prefer: outlook.timezone="…"`, or UTC. */
export const preferredZone = (prefer: string | undefined): string => {
  const match = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer ?? '');
  if (!match?.[1]) return 'UTC';
  requireZone(match[1]);
  return match[1];
};

/** Parses an ISO 8601 duration like PT1H30M; throws Graph's 400 when malformed. */
export const parseDuration = (text: string): number => {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!match || text === 'P' || text === 'PT')
    throw badRequest(`'${text}' is not a valid ISO 8601 duration.`, 'BadRequest');
  const [, d = '0', h = '0', m = '0', s = '0'] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60000 + Number(s) * 1000;
};

export const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Copenhagen wall-clock parts of an instant. */
export const copenhagenParts = (
  ms: number,
): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } => {
  const local = new Date(ms + zoneOffset(ms, 'Europe/Copenhagen'));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
};
