import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { sign } from '../../adapters/slack/verify-signature.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0DEMO';

/** Slack user ids the stub's users.info knows, with the e-mail Slack would report. */
export const SLACK_USERS: Record<string, string> = {
  U_LI: 'li.wei@demo.example',
  U_BOB: 'bob.smith@demo.example',
  U_ALICE: 'alice.chen@demo.example',
  U_CHEN: 'chen.jie@demo.example',
  U_ZHANG: 'zhang.min@demo.example',
  U_STRANGER: 'stranger@elsewhere.example',
};

export type StubCall = { method: string; args: Record<string, any>; token?: string };

/**
 * Slack's Web API as a local server: records every call (form fields, JSON values decoded) and
 * answers the way Slack does. `delays` slows a method down, to prove acks do not wait for it.
 */
export async function startSlackStub() {
  const calls: StubCall[] = [];
  const delays: Record<string, number> = {};
  let ts = 1_700_000_000;
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = decode(raw, req.headers['content-type'] ?? '');
    calls.push({ method, args, token: req.headers.authorization?.replace(/^Bearer /, '') });
    if (delays[method]) await new Promise((r) => setTimeout(r, delays[method]));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer(method, args, `${++ts}.000100`)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return {
    url,
    calls,
    delays,
    of: (method: string) => calls.filter((c) => c.method === method),
    /** The calls of `method` once there are at least `count` (replies arrive after the ack). */
    waitFor: (method: string, count = 1) =>
      until(() => {
        const got = calls.filter((c) => c.method === method);
        return got.length >= count && got;
      }),
    reset: () => {
      calls.length = 0;
      for (const k of Object.keys(delays)) delete delays[k];
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
export type SlackStub = Awaited<ReturnType<typeof startSlackStub>>;

/** A stub for the whole file, started before the app so its URL can go in the app's env. */
export function useSlackStub(): { current: SlackStub } {
  const holder = {} as { current: SlackStub };
  beforeAll(async () => {
    holder.current = await startSlackStub();
  });
  afterAll(async () => holder.current?.close());
  return holder;
}

/** The env that turns the adapter on against a stub (its URL is only known once it listens). */
export function slackEnv(stub: { current: SlackStub }): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    get SLACK_API_URL() {
      return stub.current.url;
    },
  };
}

function decode(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

function answer(method: string, args: Record<string, any>, ts: string): Record<string, unknown> {
  const channel = String(args.channel ?? '');
  // posting to a user id lands in the app's DM with them, which has a D… id
  const dm = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
  switch (method) {
    case 'chat.postMessage':
      return { ok: true, channel: dm, ts, message: { ts } };
    case 'chat.update':
      return { ok: true, channel, ts: args.ts };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    case 'views.open':
      return { ok: true, view: { id: `V${ts}` } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(args.users ?? '').slice(1)}` } };
    case 'users.info': {
      const email = SLACK_USERS[String(args.user)];
      return { ok: true, user: { id: args.user, profile: email ? { email } : {} } };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

/** A request signed the way Slack signs it; `timestamp` and `secret` can be bent for the bad cases. */
export async function signedPost(
  url: string,
  body: string,
  contentType: string,
  opts: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
) {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': sign(opts.secret ?? SIGNING_SECRET, timestamp, body),
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, text, json: text ? safeJson(text) : null, ms };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type Opts = Parameters<typeof signedPost>[3];

/** An Events API envelope around `event`, as Slack posts it. */
export function postEvent(base: string, eventId: string, event: Record<string, unknown>, opts?: Opts) {
  const envelope = {
    token: 'one-long-verification-token',
    team_id: TEAM,
    api_app_id: 'A0PNCHHK2',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  };
  return signedPost(`${base}/slack/events`, JSON.stringify(envelope), 'application/json', opts);
}

let dmTs = 1_355_517_523;
/** A DM to the bot (message.im). */
export function dm(base: string, user: string, text: string, eventId: string, opts?: Opts) {
  const ts = `${++dmTs}.000005`;
  return postEvent(
    base,
    eventId,
    { type: 'message', channel: `D${user.slice(1)}`, user, text, ts, event_ts: ts, channel_type: 'im' },
    opts,
  );
}

/** A slash command, form-encoded like Slack's. */
export function slash(
  base: string,
  user: string,
  text: string,
  extra: Record<string, string> = {},
  opts?: Opts,
) {
  const form = new URLSearchParams({
    token: 'xyzz0WbapA4vBCDEFasx0q6G',
    team_id: TEAM,
    team_domain: 'demo',
    channel_id: `D${user.slice(1)}`,
    channel_name: 'directmessage',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/assistant',
    text,
    response_url: 'https://hooks.slack.com/commands/T0DEMO/1/x',
    trigger_id: `${Date.now()}.${Math.random().toString().slice(2, 10)}.abc`,
    ...extra,
  });
  return signedPost(`${base}/slack/events`, form.toString(), 'application/x-www-form-urlencoded', opts);
}

/** An interactivity request: `payload=<json>`, form-encoded. */
export function interact(base: string, payload: Record<string, unknown>, opts?: Opts) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signedPost(`${base}/slack/events`, body, 'application/x-www-form-urlencoded', opts);
}

/** A block_actions payload for a click on `action_id` of a message the bot posted. */
export function click(
  user: string,
  actionId: string,
  value: string,
  message: { channel: string; ts: string },
) {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0PNCHHK2',
    token: 'x',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.1.click`,
    team: { id: TEAM, domain: 'demo' },
    channel: { id: message.channel, name: 'directmessage' },
    message: { type: 'message', ts: message.ts, text: 'card' },
    actions: [
      { action_id: actionId, block_id: 'b1', value, type: 'button', action_ts: `${Date.now() / 1000}` },
    ],
  };
}

/** Waits until `probe` holds (background replies arrive after the ack). */
export async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got as NonNullable<T>;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
