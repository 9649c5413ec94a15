// Signed Slack traffic against a running app: what Slack would see as ack time. Every request
// is signed as it is built (fresh timestamp, unique trigger/event id), like Slack's own.
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { sign } from '../adapters/slack/verify.js';
import { measure, type Row } from './measure.js';

/** A Slack user the bench's stub maps to li.wei@demo.example (tests/helpers/slack-stub.ts). */
const USER = 'U_LI';
const TEAM = 'T0BENCH';

function signed(secret: string, contentType: string, body: () => string): autocannon.Request {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest(request) {
      const payload = body();
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        ...request,
        body: payload,
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': sign(secret, timestamp, payload),
        },
      };
    },
  };
}

const command = (text: string) => () =>
  new URLSearchParams({
    team_id: TEAM,
    channel_id: 'D_LI',
    user_id: USER,
    command: '/assistant',
    text,
    trigger_id: randomUUID(),
  }).toString();

const dmEvent = (text: string) => () =>
  JSON.stringify({
    type: 'event_callback',
    team_id: TEAM,
    event_id: `Ev${randomUUID()}`,
    event: {
      type: 'message',
      channel_type: 'im',
      channel: 'D_LI',
      user: USER,
      text,
      ts: `${Date.now() / 1000}`,
    },
  });

/**
 * Rows for `npm run bench`: signed slash commands and DM events per second, and their ack
 * latency (Slack gives up after 3 s). Replies are sent after the ack, to the stub Slack API.
 * Flat out, acks outrun the work behind them; errors there are the 503s of a full backlog.
 * @example await loadSlack('http://127.0.0.1:3000', secret, { seconds: 10, connections: 10 })
 */
export async function loadSlack(
  url: string,
  signingSecret: string,
  opts: { seconds: number; connections: number; settle?: () => Promise<void> },
): Promise<Row[]> {
  // each row starts with no backlog left by the one before
  const run = async (name: string, request: autocannon.Request, overallRate?: number) => {
    await opts.settle?.();
    const options = { url, connections: opts.connections, requests: [request], overallRate };
    return measure(name, options, opts.seconds);
  };
  const help = signed(signingSecret, 'application/x-www-form-urlencoded', command('help'));
  return [
    await run('slack /assistant help (signed, ack)', help),
    // a rate the turns behind the acks keep up with: no backlog, no 503
    await run('slack /assistant help at 40 req/s', help, 40),
    await run(
      'slack DM event "whoami" (signed, ack)',
      signed(signingSecret, 'application/json', dmEvent('whoami')),
    ),
  ];
}
