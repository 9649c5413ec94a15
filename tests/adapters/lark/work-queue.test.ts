import { describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../../adapters/lark/work-queue.js';

describe('createWorkQueue', () => {
  it('runs at most `concurrency` tasks, reports full, and resolves idle when drained', async () => {
    const errors: unknown[] = [];
    const queue = createWorkQueue({ concurrency: 2, maxQueued: 3, onError: (e) => errors.push(e) });
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const task = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      done.push(i);
      if (i === 4) throw new Error('boom');
    };
    for (let i = 0; i < 5; i++) queue.push(task(i));
    expect(queue.full()).toBe(true); // 2 running, 3 waiting
    await queue.idle();
    expect(peak).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(errors).toHaveLength(1);
    expect(queue.full()).toBe(false);
    await queue.idle();
  });
});
