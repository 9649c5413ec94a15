/**
 * Acked work waiting to run. Slack needs the ack within 3 s; if every acked request started its
 * work at once, a burst would pile database calls onto the event loop and delay the acks
 * themselves. A few jobs run at a time, the rest wait in order; past `capacity` the caller
 * should refuse (503) so Slack retries later instead of the backlog growing without end.
 */
export function createWorkQueue(options: { concurrency: number; capacity: number }) {
  const waiting: (() => Promise<void>)[] = [];
  const running = new Set<Promise<void>>();

  function pump(): void {
    while (running.size < options.concurrency && waiting.length > 0) {
      const job = waiting.shift() as () => Promise<void>;
      const run: Promise<void> = job().finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
    }
  }

  return {
    /** False when full: nothing was queued. `job` must not reject (the caller logs its failures). */
    offer(job: () => Promise<void>): boolean {
      if (waiting.length >= options.capacity) return false;
      waiting.push(job);
      pump();
      return true;
    },
    /** Resolves once nothing is running or waiting (shutdown, tests). */
    async drain(): Promise<void> {
      while (running.size > 0 || waiting.length > 0) await Promise.allSettled([...running]);
    },
  };
}
