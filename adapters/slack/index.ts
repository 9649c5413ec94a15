import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { MessageRef, Messenger } from '../../src/bot/types.js';
import { createSlackApi, type SlackApi } from './api.js';
import { createSlackHandler, type HandlerDeps } from './handle.js';
import { createChartSender } from './send-with-chart.js';
import { startSocketMode } from './socket-mode.js';
import { verifySignature } from './verify.js';

export type SlackOptions = {
  signingSecret: string;
  botToken: string;
  /** Set = Socket Mode (no public URL); the HTTP route stays for Slack's own checks. */
  appToken?: string;
  command: string;
  apiUrl?: string;
};

export type SlackAdapterDeps = Pick<HandlerDeps, 'dispatch' | 'act' | 'submit' | 'home' | 'log' | 'now'> & {
  /** Replaces the WebClient-backed API (unit tests). */
  api?: SlackApi;
};

// Interactivity payloads carry the whole message and view state; a few hundred KB is generous.
const MAX_BODY = 512 * 1024;

/**
 * Slack in and out: `routes` serves `/events` (Events API, slash commands, interactivity — one
 * URL, verified by signature), `messenger` sends and updates proactive messages.
 * @example app.route('/slack', createSlackAdapter(options, deps).routes)
 */
export function createSlackAdapter(options: SlackOptions, deps: SlackAdapterDeps) {
  const { now } = deps;
  const api = deps.api ?? createSlackApi(options.botToken, options.apiUrl);
  const sendWithChart = createChartSender(api, deps.log);
  const handler = createSlackHandler({ ...deps, api, command: options.command, now, sendWithChart });
  const routes = new Hono();

  routes.post(
    '/events',
    bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json({ error: 'body too large' }, 413) }),
    async (c) => {
      // the signature covers the raw bytes, so read them before any parsing
      const raw = await c.req.text();
      // Slack's certificate check is unsigned and carries nothing to act on (bolt skips it too)
      if (isSslCheck(raw)) return c.body(null, 200);
      const check = verifySignature({
        signingSecret: options.signingSecret,
        timestamp: c.req.header('x-slack-request-timestamp'),
        signature: c.req.header('x-slack-signature'),
        body: raw,
        nowSeconds: Math.floor(now().getTime() / 1000),
      });
      if (!check.ok) {
        deps.log.warn({ reason: check.reason }, 'slack request refused');
        return c.json({ error: 'invalid signature' }, 401);
      }
      const body = parseBody(raw, c.req.header('content-type') ?? '');
      if ('error' in body) return c.json({ error: body.error }, 400);
      const ack = await handler.handle(body.data);
      return ack.body === undefined ? c.body(null, ack.status) : c.json(ack.body, ack.status);
    },
  );

  const messenger: Messenger = {
    platform: 'slack',
    async send(target, reply): Promise<MessageRef> {
      // posting to a user id lands in the app's DM with them
      const sent = await sendWithChart(reply, (m) => api.postMessage({ channel: target.userId, ...m }));
      return { platform: 'slack', channelId: sent.channel, messageId: sent.ts };
    },
    async update(ref, reply) {
      await sendWithChart(reply, (m) => api.update({ channel: ref.channelId, ts: ref.messageId, ...m }));
    },
  };

  let stopSocket: (() => Promise<void>) | undefined;
  return {
    routes,
    messenger,
    queueDepth: handler.depth,
    async start() {
      if (options.appToken) {
        stopSocket = await startSocketMode({
          ...options,
          appToken: options.appToken,
          handle: handler.handle,
        });
      }
    },
    /** Closes Socket Mode and waits for replies still being sent. */
    async stop() {
      await stopSocket?.();
      await handler.drain();
    },
  };
}

/** JSON (Events API) or a form: a slash command's fields, or interactivity's `payload=` JSON. */
function parseBody(raw: string, contentType: string): { data: unknown } | { error: string } {
  try {
    if (contentType.includes('application/json')) return { data: JSON.parse(raw) };
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) return { data: JSON.parse(payload) };
      return { data: Object.fromEntries(form) };
    }
  } catch {
    return { error: 'body is not valid JSON' };
  }
  return { error: 'unsupported content type' };
}

function isSslCheck(raw: string): boolean {
  const form = new URLSearchParams(raw);
  return form.get('ssl_check') === '1' && !form.has('command') && !form.has('payload');
}
