import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../src/logger.js';
import { type EmbeddedStore, type StoreExit, startFerretdb } from './start-ferretdb.js';

/** Waits before each restart attempt in a row; the last one repeats. */
const BACKOFF_MS = [200, 500, 1000, 2000, 5000, 10_000];
/** A run this long was a recovery: the next exit starts the backoff over. */
const STABLE_MS = 60_000;
/**
 * Restarts in a row, each ending (or failing) within STABLE_MS, after which it stops trying: a
 * store that cannot stay up (a corrupt file, a full disk) is an operator's problem, and a crash
 * loop would only hide it. /readyz stays 503 from then on.
 */
const MAX_QUICK_RESTARTS = 8;

/**
 * The embedded store, restarted whenever its process ends without being asked to (a crash, the
 * OOM killer, a kill): every exit is logged with its code and signal, and it comes back on the
 * same port and data folder, so the driver's own reconnect finds it and /readyz turns 200 again.
 * Writes the store acknowledged are in its SQLite files, which the restart opens as they were.
 * @example const store = await superviseFerretdb({ bin, dataDir, log }); await store.stop();
 */
export async function superviseFerretdb(opts: {
  bin: string;
  dataDir: string;
  log: Logger;
  backoffMs?: number[];
  maxQuickRestarts?: number;
}): Promise<Omit<EmbeddedStore, 'exited'>> {
  const backoff = opts.backoffMs ?? BACKOFF_MS;
  const maxRestarts = opts.maxQuickRestarts ?? MAX_QUICK_RESTARTS;
  let current = await startFerretdb({ bin: opts.bin, dataDir: opts.dataDir });
  const { port, uri } = current;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  // a stop cuts a backoff wait short instead of waiting it out
  const stopped = new AbortController();
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopped.signal }).catch(() => {});

  const restart = async (exit: StoreExit, ranMs: number, failures: number) => {
    opts.log.error({ ...exit, ranMs }, 'embedded store exited; restarting it');
    for (let attempt = ranMs >= STABLE_MS ? 0 : failures; !stopping; attempt++) {
      if (attempt >= maxRestarts) {
        opts.log.fatal(
          { restarts: attempt, port, dataDir: opts.dataDir },
          'embedded store gave up: it keeps exiting soon after each restart; the service stays unready until it is fixed and the app restarted',
        );
        return;
      }
      await pause(backoff[Math.min(attempt, backoff.length - 1)] ?? 1000);
      if (stopping) return;
      try {
        current = await startFerretdb({ bin: opts.bin, dataDir: opts.dataDir, port });
        opts.log.warn({ attempt: attempt + 1, port }, 'embedded store restarted');
        return watch(current, attempt + 1);
      } catch (err) {
        opts.log.error({ err, attempt: attempt + 1 }, 'embedded store did not restart');
      }
    }
  };

  function watch(store: EmbeddedStore, failures: number): void {
    const started = performance.now();
    void store.exited.then((exit) => {
      if (stopping) return opts.log.info({ ...exit }, 'embedded store stopped');
      restarting = restart(exit, performance.now() - started, failures);
    });
  }
  watch(current, 0);

  return {
    uri,
    port,
    async stop() {
      stopping = true;
      stopped.abort();
      await restarting;
      await current.stop();
    },
  };
}
