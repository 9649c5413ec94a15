import { describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../adapters/work-queue.js';

/** A job that starts, records itself, and waits until released. */
function gated() {
  const started: number[] = [];
  const release: (() => void)[] = [];
  const job = (n: number) => () =>
    new Promise<void>((res) => {
      started.push(n);
      release.push(res);
    });
  const releaseAll = () => {
    for (const r of release.splice(0)) r();
  };
  return { started, release, job, releaseAll };
}

describe('the work queue behind the adapters’ acks', () => {
  it('runs a few jobs at a time, in order, and says when it is full', async () => {
    const queue = createWorkQueue({ concurrency: 2, capacity: 1, onError: () => {} });
    const g = gated();
    queue.push(g.job(1));
    queue.push(g.job(2));
    expect(queue.full()).toBe(false); // both running, none waiting
    queue.push(g.job(3));
    expect(queue.full()).toBe(true);
    expect(g.started).toEqual([1, 2]);
    g.release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(g.started).toEqual([1, 2, 3]);
    expect(queue.full()).toBe(false);
  });

  it('still takes follow-up work past its capacity, and drains all of it', async () => {
    const queue = createWorkQueue({ concurrency: 1, capacity: 1, onError: () => {} });
    const g = gated();
    for (const n of [1, 2, 3, 4]) queue.push(g.job(n));
    expect(queue.full()).toBe(true);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 0));
      expect(drained).toBe(false);
      g.releaseAll();
    }
    await draining;
    expect(g.started).toEqual([1, 2, 3, 4]);
    await queue.drain(); // nothing left: resolves at once
  });

  it('reports a failing job (also one that throws before its promise) and carries on', async () => {
    const errors: unknown[] = [];
    const queue = createWorkQueue({ concurrency: 1, capacity: 10, onError: (e) => errors.push(e) });
    const done: string[] = [];
    queue.push(async () => {
      throw new Error('async');
    });
    queue.push(() => {
      throw new Error('sync');
    });
    queue.push(async () => {
      done.push('after');
    });
    await queue.drain();
    expect(errors.map((e) => (e as Error).message)).toEqual(['async', 'sync']);
    expect(done).toEqual(['after']);
  });
});
