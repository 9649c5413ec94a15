import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { until } from './until.js';

export { until };

// Free of vitest, so the benchmark can run the same stub.

/** Slack user ids the stub's users.info knows, with the e-mail Slack would report. */
export const SLACK_USERS: Record<string, string> = {
  U_LI: 'li.wei@demo.example',
  U_BOB: 'bob.smith@demo.example',
  U_ALICE: 'alice.chen@demo.example',
  U_CHEN: 'chen.jie@demo.example',
  U_ZHANG: 'zhang.min@demo.example',
  U_STRANGER: 'stranger@elsewhere.example',
};

export type StubCall = {
  method: string;
  args: Record<string, any>;
  token?: string;
  /** What the stub answered (a posted message's `ts`, an opened view's id); unset until it has. */
  result?: Record<string, any>;
};

/**
 * Slack's Web API as a local server: records every call (form fields, JSON values decoded) and
 * answers the way Slack does. `delays` slows a method down, to prove acks do not wait for it.
 */
export async function startSlackStub(options: { record?: boolean } = {}) {
  const calls: StubCall[] = [];
  const delays: Record<string, number> = {};
  /** Calls per method, also when not recording (the benchmark). */
  const counts: Record<string, number> = {};
  let ts = 1_700_000_000;
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    res.setHeader('content-type', 'application/json');
    // the benchmark runs the stub in a process of its own and reads the counts over HTTP
    if (req.url === '/counts') return void res.end(JSON.stringify(counts));
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = decode(raw, req.headers['content-type'] ?? '');
    counts[method] = (counts[method] ?? 0) + 1;
    const call: StubCall = { method, args, token: req.headers.authorization?.replace(/^Bearer /, '') };
    if (options.record !== false) calls.push(call);
    if (delays[method]) await new Promise((r) => setTimeout(r, delays[method]));
    call.result = answer(method, args, `${++ts}.000100`);
    res.end(JSON.stringify(call.result));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return {
    url,
    calls,
    delays,
    counts,
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
    case 'views.publish':
      return { ok: true, view: { id: `V${ts}`, type: 'home' } };
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
