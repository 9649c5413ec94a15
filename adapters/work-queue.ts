type Job = () => Promise<unknown>;

/**
 * Work an adapter does after it has answered the platform. Slack and Lark both want an answer
 * within 3 s; if every acked delivery started its work at once, a burst would pile database calls
 * onto the event loop and delay the acks themselves. A few jobs run at a time, the rest wait in
 * order. Past `capacity` waiting jobs the adapter should answer "busy" (503) to new deliveries, so
 * the platform retries later instead of the backlog growing without end; follow-up work of a
 * delivery already accepted (a late click's update, a form's answer) is still queued.
 * @example if (queue.full()) return busy(); queue.push(() => reply(turn));
 */
export function createWorkQueue(options: {
  concurrency: number;
  capacity: number;
  /** A job's failure; the queue carries on with the next. */
  onError(err: unknown): void;
}) {
  const waiting: Job[] = [];
  let running = 0;
  const idle: (() => void)[] = [];

  function pump(): void {
    while (running < options.concurrency && waiting.length > 0) {
      const job = waiting.shift() as Job;
      running++;
      // the executor runs the job at once, and a synchronous throw becomes a rejection
      new Promise((resolve) => resolve(job())).catch(options.onError).finally(() => {
        running--;
        pump();
      });
    }
    if (running === 0 && waiting.length === 0) for (const resolve of idle.splice(0)) resolve();
  }

  return {
    /** Jobs accepted and not yet started (the metrics' queue depth). */
    depth: (): number => waiting.length,
    /** True when new deliveries should be refused for now. */
    full: (): boolean => waiting.length >= options.capacity,
    push(job: Job): void {
      waiting.push(job);
      pump();
    },
    /** Resolves once nothing is running or waiting (shutdown, tests). */
    drain: (): Promise<void> =>
      running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((r) => idle.push(r)),
  };
}
