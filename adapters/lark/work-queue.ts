/**
 * Work done after the HTTP answer. Events are acked before they are handled, so without a bound
 * a burst would pile up unhandled work in memory; with one, the adapter can say "busy" (Lark
 * pushes the event again later) and the few tasks running keep acks prompt.
 */
export function createWorkQueue(opts: {
  concurrency: number;
  maxQueued: number;
  onError(err: unknown): void;
}) {
  let running = 0;
  const waiting: (() => Promise<unknown>)[] = [];
  let idle: (() => void)[] = [];

  function next(): void {
    while (running < opts.concurrency && waiting.length > 0) {
      const task = waiting.shift() as () => Promise<unknown>;
      running++;
      void task()
        .catch(opts.onError)
        .finally(() => {
          running--;
          next();
        });
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  }

  return {
    /** True when new events should be refused for now. */
    full: () => waiting.length >= opts.maxQueued,
    push(task: () => Promise<unknown>): void {
      waiting.push(task);
      next();
    },
    /** Resolves once everything queued so far has finished (shutdown). */
    idle: (): Promise<void> =>
      running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((r) => idle.push(r)),
  };
}
