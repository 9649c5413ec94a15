import { afterAll, beforeAll } from 'vitest';
import { sign } from '../../adapters/slack/verify.js';
import { testNow, testSeconds } from './clock.js';
import { type SlackStub, startSlackStub } from './slack-stub.js';

export { SLACK_USERS, type SlackStub, type StubCall, startSlackStub, until } from './slack-stub.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0DEMO';

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

/** A request signed the way Slack signs it; `timestamp` and `secret` can be bent for the bad cases. */
export async function signedPost(
  url: string,
  body: string,
  contentType: string,
  opts: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
) {
  const timestamp = String(opts.timestamp ?? testSeconds());
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

/** The Events API body around `event` (Socket Mode carries the same as its payload). */
export function eventCallback(eventId: string, event: Record<string, unknown>) {
  return {
    token: 'one-long-verification-token',
    team_id: TEAM,
    api_app_id: 'A0PNCHHK2',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: testSeconds(),
  };
}

/** An Events API envelope around `event`, as Slack posts it. */
export function postEvent(base: string, eventId: string, event: Record<string, unknown>, opts?: Opts) {
  const envelope = eventCallback(eventId, event);
  return signedPost(`${base}/slack/events`, JSON.stringify(envelope), 'application/json', opts);
}

let imTs = 1_355_517_523;
/** A DM to the bot (message.im) as an event, for either transport. */
export function imEvent(user: string, text: string) {
  const ts = `${++imTs}.000005`;
  return { type: 'message', channel: `D${user.slice(1)}`, user, text, ts, event_ts: ts, channel_type: 'im' };
}

/** A DM to the bot (message.im). */
export function dm(base: string, user: string, text: string, eventId: string, opts?: Opts) {
  return postEvent(base, eventId, imEvent(user, text), opts);
}

/** An @mention of the bot in channel C_GENERAL (app_mention). */
export function mention(base: string, user: string, text: string, eventId: string, ts: string, opts?: Opts) {
  const event = {
    type: 'app_mention',
    user,
    text: `<@U0BOT> ${text}`,
    ts,
    channel: 'C_GENERAL',
    event_ts: ts,
  };
  return postEvent(base, eventId, event, opts);
}

/** A slash command, form-encoded like Slack's. */
export function slash(
  base: string,
  user: string,
  text: string,
  extra: Record<string, string> = {},
  opts?: Opts,
) {
  const form = new URLSearchParams(slashFields(user, text, extra));
  return signedPost(`${base}/slack/events`, form.toString(), 'application/x-www-form-urlencoded', opts);
}

/** A slash command's fields (HTTP form-encodes them; Socket Mode sends them as JSON). */
export function slashFields(user: string, text: string, extra: Record<string, string> = {}) {
  return {
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
    trigger_id: `${testNow().getTime()}.${Math.random().toString().slice(2, 10)}.abc`,
    ...extra,
  };
}

/** An interactivity request: `payload=<json>`, form-encoded. */
export function interact(base: string, payload: Record<string, unknown>, opts?: Opts) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signedPost(`${base}/slack/events`, body, 'application/x-www-form-urlencoded', opts);
}

/**
 * A block_actions payload for a click on `action_id` of a message the bot posted. `actionTs`
 * names the click (a redelivery carries the same), `triggerId` the modal it may open.
 */
export function click(
  user: string,
  actionId: string,
  value: string,
  message: { channel: string; ts: string },
  opts: { actionTs?: string; triggerId?: string } = {},
) {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0PNCHHK2',
    token: 'x',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: opts.triggerId ?? `${testNow().getTime()}.1.click`,
    team: { id: TEAM, domain: 'demo' },
    channel: { id: message.channel, name: 'directmessage' },
    message: { type: 'message', ts: message.ts, text: 'card' },
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        value,
        type: 'button',
        action_ts: opts.actionTs ?? `${testNow().getTime() / 1000}`,
      },
    ],
  };
}
