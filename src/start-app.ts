import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { connectDb, disconnectDb, ensureIndexes } from '../db/connect.js';
import { runMigrations } from '../db/migrations.js';
import { seedDemo } from '../flows/demo.js';
import { runDigests } from '../flows/digests/api.js';
import { flows } from '../flows/index.js';
import { createAssistant } from './app.js';
import type { Flow } from './bot/flow.js';
import { createUnderstander } from './bot/nlu/understand.js';
import type { MessageRef, Reply } from './bot/types.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { openStore } from './store.js';

export type RunningApp = {
  url: string;
  port: number;
  seeded: boolean;
  /** Proactive messages (scheduler, tests): to every platform the employee is bound to. */
  notify(employeeId: string, reply: Reply): Promise<MessageRef[]>;
  /** Replaces a sent copy (a decided card) on the platform that sent it. */
  update(ref: MessageRef, reply: Reply): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Store → database → demo seed → in-memory caches → HTTP. `stop` undoes it in reverse, finishing
 * in-flight requests.
 */
export async function startApp(
  config: Config,
  log: Logger,
  progress = (line: string) => console.error(line),
  options: {
    /** Replaces the registered flows (tests inject a flow of their own). */
    flows?: Flow[];
    /** The one clock of the app: seed, migrations, digests, turns, jobs and admin routes read it. */
    now?: Clock;
    /**
     * The store already holds a fresh demo seed (a copy of a seeded database): start as if it had
     * just been seeded, start-up digests included.
     */
    demoInStore?: boolean;
  } = {},
): Promise<RunningApp> {
  const now = options.now ?? systemClock;
  // loud on purpose: each is a way into a live install (src/config.ts)
  for (const warning of config.warnings) log.warn({ unsafe: true }, `UNSAFE SETTING: ${warning}`);
  const store = await openStore(config, progress, log);
  // the registered flows' caches even when a test swaps the command flows: the wiring itself
  // (who is writing, the web chat's people) reads the directory
  const caches = flows.flatMap((f) => f.caches ?? []);
  const stopCaches = () => Promise.all(caches.map((c) => c.stop()));
  try {
    await connectDb(store.uri, { dbName: store.dbName, timeoutMs: config.dbTimeoutMs });
    await ensureIndexes();
    await runMigrations(
      (options.flows ?? flows).flatMap((f) => f.migrations ?? []),
      log,
      now,
    );
    const seeded = options.demoInStore || (config.seedDemo ? await seedDemo(now(), config) : false);
    // loaded before the first request, so no turn ever waits for a load
    for (const cache of caches) await cache.start(log);
    const understand = await createUnderstander(options.flows ?? flows, config.storeCacheDir);
    const assistant = createAssistant(config, log, { flows: options.flows, now, understand });
    const { http, notifier } = assistant;
    const server = serve({ fetch: http.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((res, rej) => server.once('listening', res).once('error', rej));
    const port = (server.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    await assistant.start();
    // so the demo shows one at once: every demo person's digest in their web inbox
    if (seeded) await runDigests(assistant.digests, now(), { force: true });

    const stop = async () => {
      assistant.closeStreams();
      await new Promise<void>((res) => {
        server.close(() => res());
        // keep-alive sockets with no request in flight would otherwise hold close() open
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      // acked work still running needs the database
      await assistant.stop();
      await stopCaches();
      await disconnectDb();
      await store.stop();
    };
    return {
      url: `http://${host}:${port}`,
      port,
      seeded,
      notify: notifier.notify,
      update: notifier.update,
      stop,
    };
  } catch (err) {
    await stopCaches();
    await disconnectDb().catch(() => {});
    await store.stop();
    throw err;
  }
}
