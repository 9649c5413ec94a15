import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import mongoose from 'mongoose';
import type { JobDeps, JobSpec } from './bot/flow.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

const DRAIN_MS = 8_000;

/**
 * Runs the flows' jobs with agenda on the app's own database. Jobs are idempotent by their own
 * unique keys; agenda only decides when they run (its locks do not hold on the embedded store).
 */
export function createScheduler(deps: {
  jobs: JobSpec[];
  deps: Omit<JobDeps, 'now'>;
  now: Clock;
  log: Logger;
  /** Counts each run for the metrics. */
  ran(job: string, outcome: 'done' | 'failed'): void;
}) {
  let agenda: Agenda | undefined;
  return {
    async start(): Promise<void> {
      const db = mongoose.connection.db;
      if (!db || deps.jobs.length === 0) return;
      // mongoose bundles its own driver copy; the Db it hands out is the same wire client
      agenda = new Agenda({ backend: new MongoBackend({ mongo: db as never }), processEvery: '30 seconds' });
      for (const job of deps.jobs) {
        agenda.define(job.name, async () => {
          const started = performance.now();
          try {
            await job.run({ ...deps.deps, now: deps.now() });
            deps.log.info({ job: job.name, ms: Math.round(performance.now() - started) }, 'job done');
            deps.ran(job.name, 'done');
          } catch (err) {
            deps.log.error({ err, job: job.name }, 'job failed');
            deps.ran(job.name, 'failed');
            throw err;
          }
        });
      }
      // scheduled before start, so the first processing pass runs them right away
      for (const job of deps.jobs) await agenda.every(job.every, job.name);
      await agenda.start();
    },
    /** Waits for running jobs (up to a few seconds) so shutdown never cuts one in half. */
    async stop(): Promise<void> {
      await agenda?.drain({ timeout: DRAIN_MS, closeConnection: false });
      agenda = undefined;
    },
  };
}
