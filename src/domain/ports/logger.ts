import type { Cleared } from '../privacy/cleared';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  /** Only ids and counts: never names, free text or the case's content. */
  data: Record<string, string | number | boolean | null>;
}

/** Diagnostics; entries pass the privacy guard like any other outbound path. */
export interface Logger {
  log(entry: Cleared<LogEntry>): void;
}
