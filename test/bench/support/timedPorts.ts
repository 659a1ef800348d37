import { performance } from 'node:perf_hooks';
import type { MinutesTransport } from '../../../src/domain/ports/minutesTransport';
import type { PlanStore } from '../../../src/domain/ports/planStore';

/**
 * The real adapters behind a stopwatch: the same calls go through unchanged, and the time spent waiting on each
 * port is added up, so a wall time can be split into the plan document, the sending, and the rest (rendering,
 * the privacy guard, the pipeline's own work). Calls that overlap (posts and mails side by side) count once.
 */
export class Stopwatch {
  private readonly totals = new Map<string, number>();
  private running = new Map<string, { count: number; since: number }>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const open = this.running.get(phase) ?? { count: 0, since: now };
    if (open.count === 0) open.since = now;
    open.count += 1;
    this.running.set(phase, open);
    try {
      return await work();
    } finally {
      open.count -= 1;
      if (open.count === 0) this.totals.set(phase, (this.totals.get(phase) ?? 0) + performance.now() - open.since);
    }
  }

  reset(): void {
    this.totals.clear();
    this.running = new Map();
  }

  ms(phase: string): number {
    return this.totals.get(phase) ?? 0;
  }
}

/**
 * Times a port call under its phase and under `waiting` (any port at all), so that when the plan document and the
 * sending overlap (the delivery writes its record beside a round of sending) the rest is the wall time minus
 * `waiting`, not minus the sum of the phases.
 */
const timed = <T>(watch: Stopwatch, phase: string, work: () => Promise<T>): Promise<T> =>
  watch.time('waiting', () => watch.time(phase, work));

export const timedPlanStore = (store: PlanStore, watch: Stopwatch): PlanStore => ({
  list: () => timed(watch, 'planDocument', () => store.list()),
  load: (planId) => timed(watch, 'planDocument', () => store.load(planId)),
  reserve: (caseReference) => timed(watch, 'planDocument', () => store.reserve(caseReference)),
  save: (plan, eTag) => timed(watch, 'planDocument', () => store.save(plan, eTag)),
});

export const timedTransport = (transport: MinutesTransport, watch: Stopwatch): MinutesTransport => ({
  prepare: (request) => timed(watch, 'sending', () => transport.prepare(request)),
  send: (request, onItem) => timed(watch, 'sending', () => transport.send(request, onItem)),
  look: (request) => timed(watch, 'sending', () => transport.look(request)),
  removeCopies: (copies) => timed(watch, 'sending', () => transport.removeCopies(copies)),
  discardDrafts: (ids) => timed(watch, 'sending', () => transport.discardDrafts(ids)),
});
