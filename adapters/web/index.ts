import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type {
  CardAction,
  FormSubmission,
  Incoming,
  IncomingFile,
  Messenger,
  Outcome,
  Reply,
  Target,
} from '../../src/bot/types.js';
import type { Clock } from '../../src/clock.js';
import { readJson } from '../../src/http/read-json.js';
import { fileRoutes, type WebFiles } from './files.js';
import { createLiveHub, LIVE_DEFAULTS, type LiveLimits } from './live.js';
import { pageHtml } from './page.js';
import { toWebResponse } from './render.js';
import { csrfOf, type Session } from './session.js';
import { createSignIn, type WebAuth } from './sign-in.js';
import { entryJson, type WebEntry, type WebSender, type WebStore } from './store.js';
import { streamConversation } from './stream.js';
import {
  actionBody,
  formBody,
  messageBody,
  personQuery,
  toCardAction,
  toIncoming,
  toSubmission,
} from './to-incoming.js';

export type WebAdapterDeps = {
  dispatch(incoming: Incoming): Promise<Outcome>;
  act(action: CardAction): Promise<Outcome>;
  submit(submission: FormSubmission): Promise<Outcome>;
  store: WebStore;
  now: Clock;
  live?: Partial<LiveLimits>;
  /** Sign-in outside development; without it the page offers a picker of everyone (the demo). */
  auth?: WebAuth;
  /** Uploads (`/api/files`); without it the chat takes text only. */
  files?: WebFiles;
};

/**
 * The local web chat: a page at /web, its JSON API, and one live stream per open page. Everything
 * said and answered is kept in the person's conversation, which the stream follows.
 * @example app.route('/web', createWebAdapter(deps).routes)
 */
export function createWebAdapter(deps: WebAdapterDeps) {
  const { now, store } = deps;
  const limits = { ...LIVE_DEFAULTS, ...deps.live };
  const live = createLiveHub(limits);
  const routes = new Hono<{ Variables: { session?: Session } }>();
  const signIn = deps.auth ? createSignIn(deps.auth, now) : null;
  if (signIn) {
    routes.route('/', signIn.routes);
    routes.use('*', signIn.guard);
  }
  /** Signed in, a person acts and reads only as themselves; the demo lets anyone be anyone. */
  const mayActAs = (c: Context, email: string) => {
    const session = c.get('session') as Session | undefined;
    return !signIn || session?.email === email;
  };
  const notYou = (c: Context) => c.json({ error: 'signed in as someone else' }, 403);

  /** Keeps a turn in the conversation and wakes that person's open pages. */
  async function keep(email: string, items: { from: WebSender; reply: Reply }[]): Promise<WebEntry[]> {
    const employeeId = await store.employeeOf(email);
    if (!employeeId || items.length === 0) return [];
    try {
      const entries = await store.append(employeeId, items, now());
      live.wake(employeeId);
      return entries;
    } catch {
      // the answer matters more than its copy in the history: with the store down (readyz says
      // so) the person still gets "try again", shown by the page without an entry id
      return [];
    }
  }

  async function personOf(c: Context): Promise<{ id: string } | { error: string; status: 400 | 403 | 404 }> {
    const query = personQuery.safeParse({ employee: c.req.query('employee') });
    if (!query.success) return { error: 'employee (an e-mail) is required', status: 400 };
    if (!mayActAs(c, query.data.employee)) return { error: 'signed in as someone else', status: 403 };
    const id = await store.employeeOf(query.data.employee);
    return id ? { id } : { error: `unknown employee ${query.data.employee}`, status: 404 };
  }

  // before the small body limit below: an upload has its own
  if (deps.files) routes.route('/', fileRoutes(deps.files, personOf, now));
  // a chat message is small; refusing big bodies early keeps one client from tying up memory
  routes.use(
    '/api/*',
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) }),
  );
  routes.get('/', (c) => {
    const session = c.get('session');
    return c.html(pageHtml(session && deps.auth ? csrfOf(deps.auth.secret, session) : undefined));
  });
  routes.get('/api/people', async (c) => {
    const people = await store.people();
    return c.json({ people: people.filter((p) => mayActAs(c, p.email)) });
  });

  /**
   * The router's answer as JSON, kept in the conversation (with what the person said, if `said`);
   * a form to draw or field errors are answered but not kept: they belong to this page only.
   */
  async function answer(c: Context, email: string, outcome: Outcome, said?: string) {
    const answered = toWebResponse(outcome);
    if (answered.status !== 200 || answered.body.duplicate) return c.json(answered.body, answered.status);
    const employeeId = await store.employeeOf(email);
    if (employeeId)
      answered.body.replies = await Promise.all(answered.body.replies.map((r) => linked(employeeId, r)));
    const mine = said === undefined ? [] : [{ from: 'me' as const, reply: { text: said } }];
    const bot = answered.body.replies.map((reply) => ({ from: 'bot' as const, reply }));
    const entries = await keep(email, [...mine, ...bot]);
    return c.json(entries.length ? { ...answered.body, entries: entries.map(entryJson) } : answered.body);
  }

  /**
   * A file made for the person, kept among their uploads (only they may download it) and answered
   * with its link: neither the conversation nor the page carries the bytes.
   */
  async function linked(employeeId: string, reply: Reply): Promise<Reply> {
    if (!('file' in reply)) return reply;
    if (!deps.files) return { text: reply.text };
    const { name, contentType, bytes } = reply.file;
    const saved = await deps.files.save(employeeId, { name, mimeType: contentType, bytes }, now());
    return { text: `${reply.text}\n📎 ${saved.name}: ${saved.url}` };
  }

  /** A message's upload ids as its files: the sender's own uploads only. */
  async function filesOf(email: string, ids: string[] | undefined): Promise<IncomingFile[] | null> {
    if (!ids?.length) return [];
    const employeeId = await store.employeeOf(email);
    return employeeId && deps.files ? deps.files.ofSender(employeeId, ids) : null;
  }

  routes.post('/api/messages', async (c) => {
    const body = await readJson(c, messageBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    if (!mayActAs(c, body.data.employee)) return notYou(c);
    const files = await filesOf(body.data.employee, body.data.files);
    if (!files) return c.json({ error: 'files must be your own uploads (POST /web/api/files)' }, 400);
    const outcome = await deps.dispatch(toIncoming(body.data, now(), files));
    return answer(c, body.data.employee, outcome, body.data.text);
  });

  routes.post('/api/actions', async (c) => {
    const body = await readJson(c, actionBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    if (!mayActAs(c, body.data.employee)) return notYou(c);
    return answer(c, body.data.employee, await deps.act(toCardAction(body.data)));
  });

  /** A filled-in form, checked by the command's own schema: 422 with `fields` names each problem. */
  routes.post('/api/forms', async (c) => {
    const body = await readJson(c, formBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    if (!mayActAs(c, body.data.employee)) return notYou(c);
    return answer(c, body.data.employee, await deps.submit(toSubmission(body.data)));
  });

  /** The kept conversation, oldest first, and the event number to follow the stream from. */
  routes.get('/api/history', async (c) => {
    const employeeId = await personOf(c);
    if ('error' in employeeId) return c.json({ error: employeeId.error }, employeeId.status);
    const { seq, entries } = await store.read(employeeId.id);
    return c.json({ seq, entries: entries.map(entryJson) });
  });

  /** What the bot sent the person unasked (notifications, digests, cards to decide), oldest first. */
  routes.get('/api/inbox', async (c) => {
    const employeeId = await personOf(c);
    if ('error' in employeeId) return c.json({ error: employeeId.error }, employeeId.status);
    const { entries } = await store.read(employeeId.id);
    const notices = entries.filter((e) => e.from === 'notice');
    return c.json({
      messages: notices.map((e) => ({ id: String(e.id), at: e.at.toISOString(), reply: e.reply })),
    });
  });

  routes.get('/api/stream', async (c) => {
    const query = personQuery.safeParse({
      ...c.req.query(),
      after: c.req.header('last-event-id') ?? c.req.query('after'),
    });
    if (!query.success)
      return c.json({ error: 'employee (an e-mail) and a numeric event id are required' }, 400);
    if (!mayActAs(c, query.data.employee)) return notYou(c);
    const employeeId = await store.employeeOf(query.data.employee);
    if (!employeeId) return c.json({ error: `unknown employee ${query.data.employee}` }, 404);
    return streamConversation(c, { employeeId, after: query.data.after, store, live, limits });
  });

  const messenger: Messenger = {
    platform: 'web',
    async send(target: Target, reply: Reply) {
      const kept = await linked(target.employeeId, reply);
      const [entry] = await store.append(target.employeeId, [{ from: 'notice', reply: kept }], now());
      live.wake(target.employeeId);
      return { platform: 'web', channelId: target.employeeId, messageId: String(entry?.id) };
    },
    async update(ref, reply) {
      // refs written before entries were numbered name a message no longer kept
      const id = Number(ref.messageId);
      if (!Number.isSafeInteger(id)) return;
      if (await store.replace(ref.channelId, id, reply, now())) live.wake(ref.channelId);
    },
  };

  return {
    // mounted as a plain sub-app: the session variable is this adapter's own business
    routes: new Hono().route('/', routes),
    messenger,
    /** Admin endpoints of the sign-in (invite links), for the admin API to mount. */
    adminRoutes: signIn?.invites,
    /** Ends the open streams (before the HTTP server closes: it waits for open responses). */
    close: () => live.closeAll(),
    /** Open streams of a person. */
    openStreams: (employeeId: string) => live.count(employeeId),
  };
}
