/** Bounds on the live connections; the app's defaults suit a person with a few tabs open. */
export type LiveLimits = {
  /** Open streams per person; opening one more closes their oldest (a forgotten tab). */
  perPerson: number;
  /**
   * How long a stream waits without news before it writes a heartbeat, which keeps proxies from
   * dropping it; the stream also re-reads the conversation then, so a change written by another
   * app instance arrives within one heartbeat.
   */
  heartbeatMs: number;
  /** Most entries sent on a resume; a page further behind is told to reload its history. */
  backlog: number;
};

export const LIVE_DEFAULTS: LiveLimits = { perPerson: 5, heartbeatMs: 15_000, backlog: 100 };

/** One open stream: woken when its person's conversation changed in this process. */
export type Listener = {
  /** Resolves 'changed' on a wake (or one that came while not waiting), 'idle' after `ms`, 'closed'. */
  next(ms: number): Promise<'changed' | 'idle' | 'closed'>;
  close(): void;
};

type Wakeable = Listener & { wake(): void };

/**
 * In-process fan-out from the web messenger to the open streams of a person. Holds nothing but
 * wake-ups: what changed is always read from the store, so a missed wake costs one heartbeat.
 */
export function createLiveHub(limits: LiveLimits) {
  const open = new Map<string, Wakeable[]>();

  function listen(employeeId: string): Listener {
    let changed = false;
    let closed = false;
    let waiting: ((result: 'changed' | 'idle' | 'closed') => void) | null = null;
    const settle = (result: 'changed' | 'idle' | 'closed') => {
      const resolve = waiting;
      waiting = null;
      resolve?.(result);
    };
    const listener: Wakeable = {
      next(ms) {
        if (closed) return Promise.resolve('closed');
        if (changed) {
          changed = false;
          return Promise.resolve('changed');
        }
        return new Promise((resolve) => {
          const timer = setTimeout(() => settle('idle'), ms);
          waiting = (result) => {
            clearTimeout(timer);
            if (result === 'changed') changed = false;
            resolve(result);
          };
        });
      },
      wake() {
        changed = true;
        settle('changed');
      },
      close() {
        if (closed) return;
        closed = true;
        const rest = (open.get(employeeId) ?? []).filter((l) => l !== listener);
        if (rest.length) open.set(employeeId, rest);
        else open.delete(employeeId);
        settle('closed');
      },
    };
    const mine = [...(open.get(employeeId) ?? []), listener];
    open.set(employeeId, mine);
    if (mine.length > limits.perPerson) mine[0]?.close();
    return listener;
  }

  return {
    listen,
    /** Something was written to this person's conversation. */
    wake(employeeId: string): void {
      for (const l of open.get(employeeId) ?? []) l.wake();
    },
    /** How many streams this person has open (for tests and metrics). */
    count: (employeeId: string) => open.get(employeeId)?.length ?? 0,
    /** Ends every stream, so the HTTP server can close. */
    closeAll(): void {
      for (const list of [...open.values()]) for (const l of [...list]) l.close();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
