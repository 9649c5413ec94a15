import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

import { testSeconds } from './clock.js';
import { LARK_BOT_OPEN_ID } from './lark-payloads.js';

export * from './lark-payloads.js';

/** A recorded Open API call (the token request is answered but not recorded). */
export type LarkCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  auth: string | undefined;
  /** The id the stub gave a sent message (`im/v1/messages` POST). */
  messageId?: string;
};

/** How a call fails: Lark's `code` ≠ 0 (HTTP 200 unless `status` says otherwise, e.g. 429 or 500). */
export type LarkFault = { code: number; msg: string; status?: number };

export type LarkStub = {
  url: string;
  server: Server;
  calls: LarkCall[];
  /** open_id → e-mail, answered by contact/v3/users/:id; unknown ids get Lark's "no user" error. */
  users: Map<string, string>;
  creates(): LarkCall[];
  patches(): LarkCall[];
  lookups(): LarkCall[];
  /** The next `times` calls matching `method` and `path` answer with `fault`. */
  fail(method: string, path: RegExp, fault: LarkFault, times?: number): void;
  /** Slow answers: a call matching `method` and `path` is answered after `ms`. */
  delays: { method: string; path: RegExp; ms: number }[];
  /** Messages recalled by their sender: a PATCH of one fails as Lark's does. */
  deleted: Set<string>;
  /** Answers `callback/ws/endpoint` (helpers/lark-long-connection.ts); unset: Lark's "internal error". */
  wsEndpoint?: (body: { AppID?: string; AppSecret?: string }) => unknown;
  /** Resolves once `count` calls match, or fails after `ms`. */
  waitFor(match: (c: LarkCall) => boolean, count?: number, ms?: number): Promise<LarkCall[]>;
  close(): Promise<void>;
};

/**
 * A small stand-in for Lark's Open API, reached through the SDK's `domain` option so the SDK's
 * own request code (token fetch, headers, paths) runs for real.
 * @example const stub = await startLarkStub({ ou_1: 'li.wei@demo.example' })
 */
export async function startLarkStub(users: Record<string, string> = {}): Promise<LarkStub> {
  const calls: LarkCall[] = [];
  const directory = new Map(Object.entries(users));
  const faults: { method: string; path: RegExp; fault: LarkFault; left: number }[] = [];
  const deleted = new Set<string>();
  const delays: LarkStub['delays'] = [];
  const faultFor = (method: string, path: string): LarkFault | undefined => {
    const id = path.match(/^\/open-apis\/im\/v1\/messages\/([^/]+)$/)?.[1];
    if (method === 'PATCH' && id && deleted.has(id)) return { code: 230011, msg: 'The message is recalled.' };
    const planned = faults.find((f) => f.method === method && f.path.test(path) && f.left > 0);
    if (planned) planned.left--;
    return planned?.fault;
  };
  let sent = 0;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = await readBody(req);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal')
      return reply(200, { code: 0, msg: 'ok', tenant_access_token: 't-stub-token', expire: 7200 });
    if (url.pathname === '/callback/ws/endpoint')
      return reply(200, stub.wsEndpoint?.(body) ?? { code: 1000040343, msg: 'internal error', data: {} });
    const call: LarkCall = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      auth: req.headers.authorization,
    };
    calls.push(call);
    const slow = delays.find((d) => d.method === call.method && d.path.test(url.pathname));
    if (slow) await new Promise((r) => setTimeout(r, slow.ms));
    const fault = faultFor(call.method, url.pathname);
    if (fault) return reply(fault.status ?? 200, { code: fault.code, msg: fault.msg });
    if (url.pathname === '/open-apis/bot/v3/info')
      return reply(200, { code: 0, msg: 'ok', bot: { open_id: LARK_BOT_OPEN_ID, app_name: 'assistant' } });
    if (req.method === 'POST' && url.pathname === '/open-apis/im/v1/messages') {
      call.messageId = `om_stub_${++sent}`;
      return reply(200, {
        code: 0,
        msg: 'success',
        data: { message_id: call.messageId, chat_id: `oc_stub_${body?.receive_id ?? ''}` },
      });
    }
    if (req.method === 'POST' && url.pathname === '/open-apis/im/v1/files')
      return reply(200, { code: 0, msg: 'success', data: { file_key: `file_stub_${++sent}` } });
    if (req.method === 'POST' && url.pathname === '/open-apis/im/v1/images')
      return reply(200, { code: 0, msg: 'success', data: { image_key: `img_stub_${++sent}` } });
    if (req.method === 'PATCH' && url.pathname.startsWith('/open-apis/im/v1/messages/'))
      return reply(200, { code: 0, msg: 'success', data: {} });
    const user = url.pathname.match(/^\/open-apis\/contact\/v3\/users\/([^/]+)$/);
    if (user?.[1]) {
      const email = directory.get(decodeURIComponent(user[1]));
      return email
        ? reply(200, { code: 0, msg: 'success', data: { user: { open_id: user[1], email } } })
        : reply(400, { code: 41050, msg: 'no user authority error' });
    }
    reply(404, { code: 404, msg: 'not found' });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byPath = (method: string, re: RegExp) => () =>
    calls.filter((c) => c.method === method && re.test(c.path));

  const stub: LarkStub = {
    url,
    server,
    calls,
    users: directory,
    deleted,
    delays,
    fail(method, path, fault, times = 1) {
      faults.push({ method, path, fault, left: times });
    },
    creates: byPath('POST', /^\/open-apis\/im\/v1\/messages$/),
    patches: byPath('PATCH', /^\/open-apis\/im\/v1\/messages\//),
    lookups: byPath('GET', /^\/open-apis\/contact\/v3\/users\//),
    async waitFor(match, count = 1, ms = 5000) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const found = calls.filter(match);
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`expected ${count} matching Lark API calls, saw ${calls.filter(match).length}`);
    },
    close: () => new Promise((res) => server.close(() => res())),
  };
  return stub;
}

/**
 * The stub for one test file, started before the app: call it before `useTestApp(env)` with the
 * same `env`, and its URL lands in `env.LARK_DOMAIN` in time for the app's start.
 */
export function useLarkStub(
  env: Record<string, string>,
  users: Record<string, string> = {},
): { current: LarkStub } {
  const holder = {} as { current: LarkStub };
  beforeAll(async () => {
    holder.current = await startLarkStub(users);
    env.LARK_DOMAIN = holder.current.url;
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

async function readBody(req: IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** Lark's scheme: base64(iv + AES-256-CBC(sha256(key), plaintext)), PKCS7 padding. */
export function larkEncrypt(key: string, plaintext: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function larkSignature(
  algorithm: 'sha256' | 'sha1',
  timestamp: string,
  nonce: string,
  secret: string,
  body: string,
): string {
  return createHash(algorithm)
    .update(timestamp + nonce + secret + body)
    .digest('hex');
}

export type PostOptions = {
  /** Encrypt the payload and sign the request (sha256 with this key), as Lark does with an Encrypt Key. */
  encryptKey?: string;
  /** SHA-1 sign with this verification token (classic card callbacks). */
  signToken?: string;
  /** Replaces the computed signature (to prove a bad one is refused). */
  signature?: string;
  /** Sends this exact body instead (e.g. an undecryptable one). */
  rawBody?: string;
  /** Leave signature headers off. */
  unsigned?: boolean;
};

/**
 * Posts a payload the way Lark does: compact JSON, optionally encrypted, with the
 * X-Lark-Request-Timestamp / -Nonce / -Signature headers.
 * @example await postLarkEvent(app.url, '/lark/events', helpEvent, { encryptKey })
 */
export async function postLarkEvent(
  baseUrl: string,
  path: string,
  payload: unknown,
  opts: PostOptions = {},
): Promise<{ status: number; json: any }> {
  const plain = JSON.stringify(payload);
  const body =
    opts.rawBody ??
    (opts.encryptKey ? JSON.stringify({ encrypt: larkEncrypt(opts.encryptKey, plain) }) : plain);
  const timestamp = String(testSeconds());
  const nonce = randomBytes(8).toString('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const secret = opts.encryptKey ?? opts.signToken;
  if (secret && !opts.unsigned) {
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] =
      opts.signature ?? larkSignature(opts.encryptKey ? 'sha256' : 'sha1', timestamp, nonce, secret, body);
  }
  const res = await fetch(baseUrl + path, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
