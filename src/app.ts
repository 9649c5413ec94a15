import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { larkDirectory } from '../adapters/lark/directory.js';
import { createLarkAdapter } from '../adapters/lark/index.js';
import { slackDirectory } from '../adapters/slack/directory.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createWebAdapter } from '../adapters/web/index.js';
import { pingDb } from '../db/connect.js';
import { deliveryLog } from '../db/delivery-log.js';
import { pendingStore } from '../db/pending.js';
import { claimEvent } from '../db/processed-events.js';
import { webInboxOf } from '../db/web-inbox.js';
import { loadRecipients } from '../flows/digests/api.js';
import { pruneFilesJob } from '../flows/housekeeping/index.js';
import { flows } from '../flows/index.js';
import { addressOf, bindByEmail, readDirectory, resolvePerson } from '../flows/org/api.js';
import { createDeliveries } from './bot/deliveries.js';
import { digestSectionsOf } from './bot/digest.js';
import type { DirectorySource, DirectorySync } from './bot/directory-source.js';
import type { Flow, Reminders } from './bot/flow.js';
import type { Understander } from './bot/nlu/understand.js';

import { createNotifier } from './bot/notifier.js';
import { createRouter } from './bot/router.js';
import type { Messenger, Reply } from './bot/types.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { resumeImportsJob } from './imports/resume-imports.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createScheduler } from './scheduler.js';
import { createHttpApp } from './server.js';
import { webFiles } from './web-files.js';
import { webSignInPort } from './web-sign-in.js';

const webInbox = webInboxOf<Reply>();

/**
 * Wires adapters, router and flows. Adapters get the router's entry points and their storage
 * ports; flows get the notifier. Nothing else crosses between them.
 */
export function createAssistant(
  config: Config,
  log: Logger,
  options: { flows?: Flow[]; now: Clock; understand?: Understander },
) {
  const messengers: Messenger[] = [];
  const metrics = createMetrics();
  const notifier = createNotifier({ messengers, addressOf, log, delivered: metrics.delivery });
  const deliveries = createDeliveries({
    log: deliveryLog,
    notify: notifier.notify,
    recipients: (ids) => loadRecipients(ids, config.reminders.quiet),
  });
  const reminders: Reminders = { ...deliveries, config: config.reminders };
  const digests = { reminders, sections: digestSectionsOf(options.flows ?? flows) };
  const router = createRouter({
    flows: options.flows ?? flows,
    resolvePerson,
    bindByEmail,
    claimEvent,
    notify: notifier.notify,
    update: notifier.update,
    reminders,
    pending: pendingStore,
    understand: options.understand,
    currency: config.currency,
    log,
    now: options.now,
  });

  const adapters: Record<string, Hono> = {};
  const uploadsDir = join(config.dataDir, 'uploads');
  const adminExtras: Hono[] = [];
  let closeStreams = () => {};
  if (config.webChat) {
    const web = createWebAdapter({
      dispatch: router.dispatch,
      act: router.act,
      submit: router.submit,
      now: options.now,
      ...(config.webAuth === 'sign-in'
        ? {
            auth: {
              // outside production a missing secret is made up: sessions then end with the process
              secret: config.webSessionSecret ?? randomBytes(32).toString('base64url'),
              publicUrl: config.publicUrl,
              port: webSignInPort(messengers, log, options.now),
            },
          }
        : {}),
      files: webFiles(uploadsDir),
      store: {
        ...webInbox,
        // who an e-mail is comes from the directory cache: no database read per request
        employeeOf: async (email) => {
          // signed in, a person who has left is nobody, whatever their cookie says
          const directory = await readDirectory();
          const employee =
            config.webAuth === 'sign-in' ? directory.activeByEmail(email) : directory.byEmail(email);
          return employee ? String(employee._id) : null;
        },
        people: async () =>
          (await readDirectory())
            .everyone()
            .map((e) => ({
              email: e.email,
              name: e.name,
              department: e.department,
              locale: e.locale,
              timezone: e.timezone,
            }))
            .sort((a, b) => (a.email < b.email ? -1 : 1)),
      },
    });
    messengers.push(web.messenger);
    adapters['/web'] = web.routes;
    closeStreams = web.close;
    if (web.adminRoutes) adminExtras.push(web.adminRoutes);
  }

  const lifecycle: { start(): Promise<void>; stop(): Promise<void> }[] = [];
  const directorySync = createDirectorySync(config, options.flows ?? flows, log);
  if (config.lark) {
    const lark = createLarkAdapter(config.lark, {
      dispatch: router.dispatch,
      act: router.act,
      home: router.home,
      log,
      now: options.now,
    });
    messengers.push(lark.messenger);
    adapters['/lark'] = lark.routes;
    metrics.watchQueue('lark', lark.queueDepth);
    lifecycle.push(lark);
  }
  if (config.slack) {
    const slack = createSlackAdapter(config.slack, {
      dispatch: router.dispatch,
      act: router.act,
      submit: router.submit,
      home: router.home,
      log,
      now: options.now,
    });
    messengers.push(slack.messenger);
    adapters['/slack'] = slack.routes;
    metrics.watchQueue('slack', slack.queueDepth);
    lifecycle.push(slack);
  }

  if (config.scheduler) {
    const registered = options.flows ?? flows;
    const jobs = [
      ...registered.flatMap((f) => f.jobs ?? []),
      resumeImportsJob(
        registered.flatMap((f) => f.imports ?? []),
        { now: options.now, log, notify: notifier.notify },
      ),
      // wired here, not in the flow: where uploads live and how long files stay is configuration
      pruneFilesJob(uploadsDir, config.fileRetentionDays),
    ];
    lifecycle.push(
      createScheduler({
        jobs,
        deps: {
          notify: notifier.notify,
          update: notifier.update,
          reminders,
          ...(directorySync ? { directorySync } : {}),
        },
        now: options.now,
        log,
        ran: metrics.jobRun,
      }),
    );
  }

  const http = createHttpApp({
    log,
    adminToken: config.adminToken,
    adapters,
    flows: options.flows ?? flows,
    adminExtras,
    reminders,
    notify: notifier.notify,
    ...(directorySync ? { directorySync } : {}),
    now: options.now,
    ready: () => pingDb(1000),
    metrics,
  });
  return {
    http,
    router,
    notifier,
    /** What "send everyone's digest now" needs (the demo start-up). */
    digests,
    /** Ends the web chat's live streams: the HTTP server waits for open responses to end. */
    closeStreams: () => closeStreams(),
    /** Long connections (Lark ws, Slack Socket Mode) open after the HTTP server. */
    start: async () => {
      for (const a of lifecycle) await a.start();
    },
    stop: async () => {
      await Promise.allSettled(lifecycle.map((a) => a.stop()));
    },
  };
}

/**
 * The connected platforms' directories (Lark first: it knows departments and managers) and the
 * flows' hooks for someone who left; none when no platform is connected (CSV only).
 */
function createDirectorySync(config: Config, all: Flow[], log: Logger): DirectorySync | undefined {
  const sources: DirectorySource[] = [];
  if (config.lark) sources.push(larkDirectory(config.lark, log.child({ platform: 'lark' })));
  if (config.slack) sources.push(slackDirectory(config.slack.botToken, config.slack.apiUrl));
  if (sources.length === 0) return undefined;
  return {
    sources,
    async employeeLeft(employeeId, managerId, now) {
      for (const flow of all) await flow.onEmployeeLeft?.(employeeId, managerId, now);
    },
  };
}
