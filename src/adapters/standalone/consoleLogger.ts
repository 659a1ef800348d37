import type { LogEntry, Logger } from '../../domain/ports/logger';
import type { Cleared } from '../../domain/privacy/cleared';

/** Diagnostics to the browser console: entries arrive cleared (ids and counts only), so they are safe to print. */
export class ConsoleLogger implements Logger {
  log(entry: Cleared<LogEntry>): void {
    const line = `[tovholder] ${entry.event}`;
    if (entry.level === 'error') console.error(line, entry.data);
    else if (entry.level === 'warn') console.warn(line, entry.data);
    else console.info(line, entry.data);
  }
}
