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

/**
 * How a method fails: Slack's `ok: false` with an error (HTTP 200, as Slack does), or an HTTP
 * status; a 429 carries `Retry-After` in seconds, as Slack's rate limits do.
 */
export type Fault = { error: string } | { status: number; retryAfter?: number };

export type StubCall = {
  method: string;
  args: Record<string, any>;
  token?: string;
  /** What the stub answered (a posted message's `ts`, an opened view's id); unset until it has, or when it failed. */
  result?: Record<string, any>;
  /** The fault the stub answered with instead. */
  fault?: Fault;
};

/**
 * Slack's Web API as a local server: records every call (form fields, JSON values decoded) and
 * answers the way Slack does. `delays` slows a method down, to prove acks do not wait for it;
 * `fail` and `deleted` make calls fail the ways Slack's do.
 */
export async function startSlackStub(options: { record?: boolean } = {}) {
  const calls: StubCall[] = [];
  const delays: Record<string, number> = {};
  /** Calls per method, also when not recording (the benchmark). */
  const counts: Record<string, number> = {};
  /** Faults still to answer, in order; method `*` stands for any. */
  const faults: { method: string; fault: Fault; left: number }[] = [];
  /** Messages someone deleted: updating one is `message_not_found`, as on Slack. */
  const deleted = new Set<string>();
  const faultFor = (method: string, args: Record<string, any>): Fault | undefined => {
    if (method === 'chat.update' && deleted.has(String(args.ts))) return { error: 'message_not_found' };
    const planned = faults.find((f) => (f.method === method || f.method === '*') && f.left > 0);
    if (planned) planned.left--;
    return planned?.fault;
  };
  /** Where apps.connections.open sends Socket Mode clients (helpers/slack-socket.ts sets it). */
  const socket: { url?: string } = {};
  let ts = 1_700_000_000;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    // files.uploadV2 sends the bytes to the upload_url that files.getUploadURLExternal gave
    if (req.url?.startsWith('/upload/')) {
      const bytes = Buffer.concat(chunks);
      calls.push({ method: 'upload', args: { fileId: req.url.slice('/upload/'.length), bytes } });
      return void res.end('OK - 1');
    }
    res.setHeader('content-type', 'application/json');
    // the benchmark runs the stub in a process of its own and reads the counts over HTTP
    if (req.url === '/counts') return void res.end(JSON.stringify(counts));
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = decode(raw, req.headers['content-type'] ?? '');
    counts[method] = (counts[method] ?? 0) + 1;
    const call: StubCall = { method, args, token: req.headers.authorization?.replace(/^Bearer /, '') };
    if (options.record !== false) calls.push(call);
    if (delays[method]) await new Promise((r) => setTimeout(r, delays[method]));
    const fault = faultFor(method, args);
    if (fault) {
      call.fault = fault;
      if ('error' in fault) return void res.end(JSON.stringify({ ok: false, error: fault.error }));
      res.statusCode = fault.status;
      if (fault.retryAfter !== undefined) res.setHeader('retry-after', String(fault.retryAfter));
      return void res.end(
        JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }),
      );
    }
    call.result = answer(method, args, `${++ts}.000100`, socket.url, base);
    res.end(JSON.stringify(call.result));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${base}/api/`;
  return {
    url,
    calls,
    delays,
    counts,
    deleted,
    socket,
    /** The next `times` calls of `method` (`*`: any) answer with `fault`. */
    fail(method: string, fault: Fault, times = 1) {
      faults.push({ method, fault, left: times });
    },
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
      faults.length = 0;
      deleted.clear();
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

function answer(
  method: string,
  args: Record<string, any>,
  ts: string,
  socketUrl: string | undefined,
  base: string,
): Record<string, unknown> {
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
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${base}/upload/F${ts}`, file_id: `F${ts}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: (args.files ?? []).map((f: { id: string }) => ({ id: f.id })) };
    case 'auth.test':
      return { ok: true, team_id: 'T0DEMO', user_id: 'U0BOT', bot_id: 'B0BOT' };
    case 'apps.connections.open':
      return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
    case 'users.info': {
      const email = SLACK_USERS[String(args.user)];
      return { ok: true, user: { id: args.user, profile: email ? { email } : {} } };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
