import { describe, expect, it } from 'vitest';
import {
  notBeforeForSend,
  sendStatus,
  withNotBefore,
  withSeenSent,
  type SendStatusInput,
} from '../../../src/domain/delivery/sendStatus';
import type { RecipientDelivery } from '../../../src/domain/plan/planDocument';
import { problem } from '../../../src/domain/problems';

const NOW = Date.parse('2027-03-04T12:20:00.000Z');
const targets = [
  { key: 'p-peter', channel: 'chat' as const },
  { key: 'p-mette', channel: 'chat' as const },
  { key: 'p-ole', channel: 'email' as const },
];

const input = (over: Partial<SendStatusInput> = {}): SendStatusInput => ({
  targets,
  record: new Map(),
  final: new Map(),
  live: new Map(),
  phase: { kind: 'idle' },
  seenSent: {},
  notBefore: {},
  now: NOW,
  blockedBySave: false,
  ...over,
});

const recorded = (statuses: Record<string, RecipientDelivery['status']>) =>
  new Map(Object.entries(statuses).map(([key, status]) => [key, { status, at: '2027-03-04T12:05:00.000Z' }]));

const shown = (status: ReturnType<typeof sendStatus>) =>
  Object.fromEntries([...status.rows].map(([k, r]) => [k, r.shown]));

describe('what the Send referat view shows', () => {
  it('before anything is sent: everyone "not yet", and "Send referatet nu" for everyone', () => {
    const status = sendStatus(input());
    expect(shown(status)).toEqual({ 'p-peter': 'notYet', 'p-mette': 'notYet', 'p-ole': 'notYet' });
    expect(status.bulk).toEqual({
      action: 'sendNow',
      waitSeconds: 0,
      disabled: false,
      request: { only: null, bulk: 'sendNow' },
    });
    expect([status.sentCount, status.covered, status.everyoneHasIt]).toEqual([0, 3, false]);
  });

  it('while a send runs: those sent to are queued, then sending as the record is down, the rest as before', () => {
    const record = recorded({ 'p-peter': 'failed', 'p-mette': 'sent', 'p-ole': 'failed' });
    const running = input({ record, phase: { kind: 'sending', request: { only: ['p-peter'], bulk: null } } });
    expect(shown(sendStatus(running))).toEqual({ 'p-peter': 'pending', 'p-mette': 'sent', 'p-ole': 'failed' });
    const live = new Map([['p-peter', { status: 'unknown' as const, problem: null }]]);
    const status = sendStatus({ ...running, live });
    expect(status.rows.get('p-peter')?.shown).toBe('sending');
    // Ole's button stays, disabled, so the list does not jump; the bulk button is not offered to press.
    expect(status.rows.get('p-ole')?.retry).toEqual({ waitSeconds: 0, disabled: true });
    expect(status.bulk?.disabled).toBe(true);
  });

  it('after a reload: a failed line says "Prøv igen" will try again, an unknown one that it looks first', () => {
    const status = sendStatus(
      input({ record: recorded({ 'p-peter': 'failed', 'p-mette': 'unknown', 'p-ole': 'sent' }) }),
    );
    expect(status.rows.get('p-peter')?.note).toEqual({ kind: 'failedEarlier' });
    expect(status.rows.get('p-mette')?.note).toEqual({ kind: 'unknownEarlier', channel: 'chat' });
    expect(status.rows.get('p-ole')).toMatchObject({ shown: 'sent', note: null, retry: null });
    expect(status.rows.get('p-ole')?.sentAt?.toISOString()).toBe('2027-03-04T12:05:00.000Z');
    // Someone has it: no first send, but one button for all who are missing (one failed, one unknown).
    expect(status.bulk?.action).toBe('retryMissing');
    expect(status.bulk?.request).toEqual({ only: ['p-peter', 'p-mette'], bulk: 'retryMissing' });
  });

  it("after a send here: the reason the pipeline gave, and 'Prøv igen for dem, der fejlede' when all missing failed", () => {
    const why = problem('delivery.failed', 'error', 'delivery.p-peter', 'Referatet kom ikke frem.', 'It failed.');
    const final = new Map([
      ['p-peter', { status: 'failed' as const, problem: why }],
      ['p-mette', { status: 'sent' as const, problem: null }],
      ['p-ole', { status: 'sent' as const, problem: null }],
    ]);
    const status = sendStatus(
      input({ final, phase: { kind: 'done' }, seenSent: { 'p-mette': '2027-03-04T12:19:00Z' } }),
    );
    expect(status.rows.get('p-peter')?.note).toEqual({ kind: 'problem', problem: why });
    expect(status.bulk?.action).toBe('retryFailed');
    expect(status.rows.get('p-mette')?.sentAt?.toISOString()).toBe('2027-03-04T12:19:00.000Z');
    expect(status.lastSentAt?.toISOString()).toBe('2027-03-04T12:19:00.000Z');
  });

  it('when everyone covered has the minutes: says so and offers nothing to press', () => {
    const status = sendStatus(input({ record: recorded({ 'p-peter': 'sent', 'p-mette': 'sent', 'p-ole': 'sent' }) }));
    expect(status.everyoneHasIt).toBe(true);
    expect(status.bulk).toBeNull();
    expect([...status.rows.values()].every((r) => r.retry === null)).toBe(true);
  });

  it('counts only those a message goes to: a skipped line is not missing', () => {
    const status = sendStatus(
      input({ record: recorded({ 'p-peter': 'sent', 'p-mette': 'skipped', 'p-ole': 'sent' }) }),
    );
    expect([status.sentCount, status.covered, status.everyoneHasIt]).toEqual([2, 2, true]);
  });

  it('keeps a throttled recipient waiting, counting down, and the bulk button with them', () => {
    const record = recorded({ 'p-peter': 'failed', 'p-mette': 'sent', 'p-ole': 'sent' });
    const status = sendStatus(input({ record, phase: { kind: 'done' }, notBefore: { 'p-peter': NOW + 1500 } }));
    expect(status.rows.get('p-peter')?.retry).toEqual({ waitSeconds: 2, disabled: true });
    expect(status.bulk).toMatchObject({ action: 'retryFailed', waitSeconds: 2, disabled: true });
    const later = sendStatus(input({ record, phase: { kind: 'done' }, notBefore: { 'p-peter': NOW - 1 } }));
    expect(later.rows.get('p-peter')?.retry).toEqual({ waitSeconds: 0, disabled: false });
  });

  it('offers nothing to press while a save clash is open', () => {
    const status = sendStatus(input({ record: recorded({ 'p-peter': 'failed' }), blockedBySave: true }));
    expect(status.rows.get('p-peter')?.retry?.disabled).toBe(true);
  });
});

describe('what the view remembers between reports', () => {
  const at = new Date(NOW);
  it('the first time each recipient was seen sent, and never a later time for the same one', () => {
    const seen = withSeenSent({}, [{ key: 'p-peter', status: 'sent' }], at);
    expect(seen).toEqual({ 'p-peter': at.toISOString() });
    expect(withSeenSent(seen, [{ key: 'p-peter', status: 'sent' }], new Date(NOW + 5000))).toBe(seen);
  });

  it("Teams' Retry-After per throttled recipient, forgotten for those a new send goes to", () => {
    const until = withNotBefore({}, [{ key: 'p-peter', status: 'failed', retryAfterMs: 2000 }], at);
    expect(until).toEqual({ 'p-peter': NOW + 2000 });
    expect(notBeforeForSend(until, { only: ['p-peter'], bulk: null })).toEqual({});
    expect(notBeforeForSend(until, { only: ['p-ole'], bulk: null })).toEqual(until);
    expect(notBeforeForSend(until, { only: null, bulk: 'sendNow' })).toEqual({});
  });
});
