import { Hono } from 'hono';
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
import { readJson } from '../../src/http/read-json.js';
import { PAGE_HTML } from './page.js';
import { toWebResponse } from './render.js';
import { actionBody, messageBody, toCardAction, toIncoming } from './to-incoming.js';

/** Storage the web chat needs, provided by the app's wiring (the adapter never touches models). */
export type WebStore = {
  people(): Promise<{ email: string; name: string; department: string }[]>;
  append(employeeId: string, reply: Reply, at: Date): Promise<string>;
  replace(messageId: string, reply: Reply): Promise<void>;
  list(email: string): Promise<{ id: string; at: Date; reply: Reply }[] | null>;
};

export type WebAdapterDeps = {
  dispatch(incoming: Incoming): Promise<Outcome>;
  act(action: CardAction): Promise<Outcome>;
  store: WebStore;
  now: Clock;
};

/**
 * The local web chat: a page at /web and the JSON API tests and scripts use.
 * @example app.route('/web', createWebAdapter(deps).routes)
 */
export function createWebAdapter(deps: WebAdapterDeps): { routes: Hono; messenger: Messenger } {
  const { now } = deps;
  const routes = new Hono();

  // a chat message is small; refusing big bodies early keeps one client from tying up memory
  routes.use(
    '/api/*',
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) }),
  );
  routes.get('/', (c) => c.html(PAGE_HTML));
  routes.get('/api/people', async (c) => c.json({ people: await deps.store.people() }));

  routes.post('/api/messages', async (c) => {
    const body = await readJson(c, messageBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    const answer = toWebResponse(await deps.dispatch(toIncoming(body.data, now())));
    return c.json(answer.body, answer.status);
  });

  routes.post('/api/actions', async (c) => {
    const body = await readJson(c, actionBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    const answer = toWebResponse(await deps.act(toCardAction(body.data)));
    return c.json(answer.body, answer.status);
  });

  routes.get('/api/inbox', async (c) => {
    const email = c.req.query('employee');
    if (!email) return c.json({ error: 'employee (an e-mail) is required' }, 400);
    const messages = await deps.store.list(email);
    if (!messages) return c.json({ error: `unknown employee ${email}` }, 404);
    return c.json({ messages: messages.map((m) => ({ id: m.id, at: m.at.toISOString(), reply: m.reply })) });
  });

  const messenger: Messenger = {
    platform: 'web',
    async send(target: Target, reply: Reply): Promise<MessageRef> {
      const id = await deps.store.append(target.employeeId, reply, now());
      return { platform: 'web', channelId: target.employeeId, messageId: id };
    },
    async update(ref: MessageRef, reply: Reply): Promise<void> {
      await deps.store.replace(ref.messageId, reply);
    },
  };

  return { routes, messenger };
}
