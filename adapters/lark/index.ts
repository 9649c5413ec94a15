import { CardActionHandler, EventDispatcher, LoggerLevel, WSClient } from '@larksuiteoapi/node-sdk';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type {
  CardAction,
  Incoming,
  MessageRef,
  Messenger,
  Outcome,
  Reply,
  Target,
} from '../../src/bot/types.js';
import type { Clock } from '../../src/clock.js';
import type { LarkConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { createWorkQueue } from '../work-queue.js';
import { createLarkApi, describe, sdkLogger } from './api.js';
import { createLarkHandler, type HandlerDeps } from './handle.js';
import type { LarkEventData } from './to-incoming.js';
import { verifyLarkRequest } from './verify.js';

export type LarkAdapterDeps = {
  dispatch(incoming: Incoming): Promise<Outcome>;
  act(action: CardAction): Promise<Outcome>;
  home?: HandlerDeps['home'];
  log: Logger;
  now: Clock;
  /** Tests shorten it to reach the late path. */
  clickBudgetMs?: number;
};

/** Lark answers a callback that takes longer than 3 s with an error; keep a margin. */
const CLICK_BUDGET_MS = 2500;
/** Messages handled at once; more wait in the queue. */
const WORKERS = 16;
/** Past this many waiting messages we answer 503 and let Lark push them again later. */
const MAX_QUEUED = 1000;

/**
 * Lark/Feishu: `/events` (messages, `card.action.trigger`) and `/cards` (the classic card callback)
 * as a hono sub-app, or the SDK's long connection for events when `connection` is `ws`.
 * @example app.route('/lark', createLarkAdapter(config.lark, deps).routes)
 */
export function createLarkAdapter(config: LarkConfig, deps: LarkAdapterDeps) {
  const log = deps.log.child({ platform: 'lark' });
  const api = createLarkApi(config, log);
  const queue = createWorkQueue({
    concurrency: WORKERS,
    capacity: MAX_QUEUED,
    onError: (err) => log.error({ err: describe(err) }, 'lark background work failed'),
  });
  const handler = createLarkHandler({
    api,
    dispatch: deps.dispatch,
    act: deps.act,
    home: deps.home,
    background: queue.push,
    log,
    now: deps.now,
    clickBudgetMs: deps.clickBudgetMs ?? CLICK_BUDGET_MS,
  });

  // No keys given to the SDK: verifyLarkRequest has already checked and decrypted the raw body.
  const sdkOptions = { loggerLevel: LoggerLevel.warn, logger: sdkLogger(log) };
  const events = new EventDispatcher(sdkOptions).register<Record<string, (d: LarkEventData) => unknown>>({
    'im.message.receive_v1': (data: LarkEventData) => handler.onMessage(data),
    'card.action.trigger': (data: LarkEventData) => handler.onCardAction(data, 'v2'),
    'application.bot.menu_v6': (data: LarkEventData) => handler.onMenu(data),
  });
  const cards = new CardActionHandler(sdkOptions, (data: LarkEventData) =>
    handler.onCardAction(data, 'classic'),
  );

  const routes = new Hono();
  routes.use(
    '*',
    bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) }),
  );
  routes.post('/events', (c) => receive(c, 'event', (data) => events.invoke(data, { needCheck: false })));
  // the callback URL gets classic callbacks and, once the app opts into the new format,
  // schema 2.0 `card.action.trigger`, which the event dispatcher routes
  routes.post('/cards', (c) =>
    receive(c, 'card', (data) =>
      'schema' in data ? events.invoke(data, { needCheck: false }) : cards.invoke(data),
    ),
  );

  /** The glue the SDK's own adapters do: raw body + headers in, the handler's value out as JSON. */
  async function receive(c: Context, kind: 'event' | 'card', invoke: (data: object) => Promise<unknown>) {
    const headers = c.req.header();
    const verified = verifyLarkRequest(await c.req.text(), headers, {
      verificationToken: config.verificationToken,
      encryptKey: config.encryptKey,
      kind,
      now: deps.now(),
    });
    if (!verified.ok) {
      log.warn({ reason: verified.reason, kind }, 'lark request rejected');
      return c.json({ error: verified.reason }, verified.status);
    }
    const { payload } = verified;
    if (payload.type === 'url_verification') return c.json({ challenge: payload.challenge });
    if (kind === 'event' && queue.full()) {
      log.warn('lark event refused: too much queued work');
      return c.json({ error: 'busy' }, 503);
    }
    // the SDK reads headers from the prototype, keeping them out of the payload's own keys
    const result = await invoke(Object.assign(Object.create({ headers }), payload));
    // an unregistered event type comes back as a string ("no … event handle"): still a 200
    return c.json(result && typeof result === 'object' ? result : {});
  }

  const messenger: Messenger = {
    platform: 'lark',
    send: (target: Target, reply: Reply): Promise<MessageRef> => api.send('open_id', target.userId, reply),
    update: (ref: MessageRef, reply: Reply): Promise<void> => api.patch(ref.messageId, reply),
  };

  const ws =
    config.connection === 'ws'
      ? new WSClient({
          appId: config.appId,
          appSecret: config.appSecret,
          domain: config.domain,
          ...sdkOptions,
        })
      : null;

  return {
    routes,
    messenger,
    queueDepth: queue.depth,
    /** Long connection only: events and `card.action.trigger` arrive over it; classic callbacks still come to /lark/cards. */
    start: async () => {
      await ws?.start({ eventDispatcher: events });
    },
    stop: async () => {
      ws?.close();
      await queue.drain();
    },
  };
}
