import { describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../../adapters/slack/work-queue.js';

describe('work queue behind the ack', () => {
  it('runs a few jobs at a time, in order, and refuses past its capacity', async () => {
    const queue = createWorkQueue({ concurrency: 2, capacity: 1 });
    const started: number[] = [];
    const release: (() => void)[] = [];
    const job = (n: number) => () =>
      new Promise<void>((res) => {
        started.push(n);
        release.push(res);
      });
    expect([1, 2, 3, 4].map((n) => queue.offer(job(n)))).toEqual([true, true, true, false]);
    expect(started).toEqual([1, 2]);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 2, 3]);
    const drained = queue.drain();
    for (const r of release.splice(0)) r();
    await drained;
    expect(queue.offer(job(5))).toBe(true);
    release.shift()?.();
    await queue.drain();
  });
});
