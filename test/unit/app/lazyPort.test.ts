import { describe, expect, it } from 'vitest';
import { lazyPort } from '../../../src/app/lazyPort';
import { success, type Outcome } from '../../../src/domain/ports/outcome';

interface Pinboard {
  pin(what: string): Promise<Outcome<string>>;
  count(): Promise<number>;
}

class Board implements Pinboard {
  private readonly pins: string[] = [];
  async pin(what: string) {
    this.pins.push(what);
    return success(`pinned ${what}`);
  }
  async count() {
    return this.pins.length;
  }
}

describe('a port whose adapter loads on first use', () => {
  it('loads nothing until called, then loads once and passes every call to the same adapter', async () => {
    let loads = 0;
    const board = lazyPort<Pinboard>(async () => {
      loads += 1;
      return new Board();
    });
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([board.pin('Plan'), board.pin('Referat')]);
    expect(first).toEqual(success('pinned Plan'));
    expect(second).toEqual(success('pinned Referat'));
    expect(await board.count()).toBe(2);
    expect(loads).toBe(1);
  });

  it('tries the load again on the next call after the code did not arrive', async () => {
    let attempts = 0;
    const board = lazyPort<Pinboard>(async () => {
      attempts += 1;
      if (attempts === 1)
        throw Object.assign(new Error('Loading chunk graph-ports failed'), { name: 'ChunkLoadError' });
      return new Board();
    });
    await expect(board.pin('Plan')).rejects.toThrow('Loading chunk graph-ports failed');
    expect(await board.pin('Plan')).toEqual(success('pinned Plan'));
    expect(attempts).toBe(2);
  });

  it('is not mistaken for a promise when awaited', async () => {
    let loads = 0;
    const board = lazyPort<Pinboard>(async () => {
      loads += 1;
      return new Board();
    });
    expect(await Promise.resolve(board)).toBe(board);
    expect(loads).toBe(0);
  });
});
