import type { Hono } from 'hono';
import { createLarkAdapter } from '../adapters/lark/index.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createWebAdapter } from '../adapters/web/index.js';
import { pingDb } from '../db/connect.js';
import { claimEvent } from '../db/processed-events.js';
import { webInbox } from '../db/web-inbox.js';
import { loadRecipients } from '../flows/digests/settings.js';
import { flows } from '../flows/index.js';
import { readDirectory } from '../flows/org/index.js';
import { accountsOf, bindByEmail, resolvePerson } from '../flows/org/service.js';
import { createDeliveries } from './bot/deliveries.js';
import type { Flow, Reminders } from './bot/flow.js';

import { createNotifier } from './bot/notifier.js';
import { createRouter } from './bot/router.js';
import type { Messenger } from './bot/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createScheduler } from './scheduler.js';
import { createHttpApp } from './server.js';

/**
 * Wires adapters, router and flows. Adapters get the router's entry points and their storage
 * ports; flows get the notifier. Nothing else crosses between them.
 */
export function createAssistant(config: Config, log: Logger, options: { flows?: Flow[] } = {}) {
  const messengers: Messenger[] = [];
  const notifier = createNotifier({ messengers, accountsOf, log });
  const deliveries = createDeliveries({
    notify: notifier.notify,
    recipients: (ids) => loadRecipients(ids, config.reminders.quiet),
  });
  const reminders: Reminders = { ...deliveries, config: config.reminders };
  const router = createRouter({
    flows: options.flows ?? flows,
    resolvePerson,
    bindByEmail,
    claimEvent,
    notify: notifier.notify,
    update: notifier.update,
    reminders,
    log,
  });

  const adapters: Record<string, Hono> = {};
  if (config.webChat) {
    const web = createWebAdapter({
      dispatch: router.dispatch,
      act: router.act,
      store: {
        ...webInbox,
        // who the e-mail is comes from the directory; the page asks every few seconds
        list: async (email) => {
          const employee = (await readDirectory()).byEmail(email);
          return employee ? webInbox.list(String(employee._id)) : null;
        },
        people: async () =>
          (await readDirectory())
            .everyone()
            .map((e) => ({ email: e.email, name: e.name, department: e.department }))
            .sort((a, b) => (a.email < b.email ? -1 : 1)),
      },
    });
    messengers.push(web.messenger);
    adapters['/web'] = web.routes;
  }

  const lifecycle: { start(): Promise<void>; stop(): Promise<void> }[] = [];
  if (config.lark) {
    const lark = createLarkAdapter(config.lark, { dispatch: router.dispatch, act: router.act, log });
    messengers.push(lark.messenger);
    adapters['/lark'] = lark.routes;
    lifecycle.push(lark);
  }
  if (config.slack) {
    const slack = createSlackAdapter(config.slack, {
      dispatch: router.dispatch,
      act: router.act,
      submit: router.submit,
      log,
    });
    messengers.push(slack.messenger);
    adapters['/slack'] = slack.routes;
    lifecycle.push(slack);
  }

  if (config.scheduler) {
    const jobs = (options.flows ?? flows).flatMap((f) => f.jobs ?? []);
    lifecycle.push(createScheduler({ jobs, deps: { notify: notifier.notify, reminders }, log }));
  }

  const http = createHttpApp({
    log,
    adminToken: config.adminToken,
    adapters,
    reminders,
    ready: () => pingDb(1000),
  });
  return {
    http,
    router,
    notifier,
    reminders,
    /** Long connections (Lark ws, Slack Socket Mode) open after the HTTP server. */
    start: async () => {
      for (const a of lifecycle) await a.start();
    },
    stop: async () => {
      await Promise.allSettled(lifecycle.map((a) => a.stop()));
    },
  };
}
