// The Lark row of `npm run bench`: `im.message.receive_v1` events, each with its own event_id,
// posted to /lark/events. The adapter acks before it works, so two numbers matter: how fast
// events are acked, and how fast replies reach the (stub) Open API once the backlog drains.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { Row } from './measure.js';

const TOKEN = 'bench-verification-token';
const OPEN_ID = 'ou_bench_li_wei';

/** The variables that turn the app's Lark adapter on, pointed at `apiUrl`. */
export function larkBenchEnv(apiUrl: string): Record<string, string> {
  return {
    LARK_APP_ID: 'cli_0123456789abcdef',
    LARK_APP_SECRET: 'bench-app-secret',
    LARK_VERIFICATION_TOKEN: TOKEN,
    LARK_DOMAIN: apiUrl,
  };
}

/** A minimal Open API: token, bot info, the sender's e-mail, and counted message sends. */
export async function startLarkApiStub(): Promise<{ url: string; sent(): number; close(): Promise<void> }> {
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      res.setHeader('content-type', 'application/json');
      if (path.endsWith('/tenant_access_token/internal'))
        return res.end(JSON.stringify({ code: 0, tenant_access_token: 't-bench', expire: 7200 }));
      if (path.startsWith('/open-apis/contact/v3/users/'))
        return res.end(JSON.stringify({ code: 0, data: { user: { email: 'li.wei@demo.example' } } }));
      if (path === '/open-apis/im/v1/messages') {
        sent++;
        return res.end(JSON.stringify({ code: 0, data: { message_id: `om_${sent}`, chat_id: 'oc_bench' } }));
      }
      res.end(JSON.stringify({ code: 0, bot: { open_id: 'ou_bench_bot' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, sent: () => sent, close: () => new Promise((r) => server.close(() => r())) };
}

function event(text: string): string {
  return JSON.stringify({
    schema: '2.0',
    header: {
      event_id: randomUUID(),
      event_type: 'im.message.receive_v1',
      token: TOKEN,
      tenant_key: 'bench',
      app_id: 'cli_0123456789abcdef',
    },
    event: {
      sender: { sender_id: { open_id: OPEN_ID }, sender_type: 'user' },
      message: {
        message_id: `om_in_${randomUUID()}`,
        chat_id: 'oc_bench',
        chat_type: 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text }),
      },
    },
  });
}

/**
 * Loads `${appUrl}/lark/events` for `seconds` and returns two rows: the ack rate (with its
 * latency) and the reply rate, measured from the start until every acked event was answered.
 */
export async function loadLark(
  appUrl: string,
  stub: { sent(): number },
  opts: { seconds: number; connections: number; text?: string },
): Promise<Row[]> {
  const text = opts.text ?? 'help';
  const options = {
    url: `${appUrl}/lark/events`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: opts.connections,
    // a fresh event_id per request, else the router drops all but the first as a redelivery
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: event(text) }) }],
  };
  await autocannon({ ...options, duration: 1 });
  await drain(stub, stub.sent(), 30_000);
  const before = stub.sent();
  const started = performance.now();
  const result = await autocannon({ ...options, duration: opts.seconds });
  const acked = result.requests.total - result.non2xx;
  await drain(stub, before + acked, 120_000);
  const replies = stub.sent() - before;
  const elapsed = (performance.now() - started) / 1000;
  return [
    {
      name: `lark event "${text}" (ack)`,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    },
    {
      name: `lark event "${text}" (reply sent)`,
      rps: replies / elapsed,
      p50: Number.NaN,
      p99: Number.NaN,
      errors: Math.max(0, acked - replies),
    },
  ];
}

async function drain(stub: { sent(): number }, target: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (stub.sent() < target && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}
