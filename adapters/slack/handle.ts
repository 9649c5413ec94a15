import { setTimeout as delay } from 'node:timers/promises';
import type { Card, CardAction, FormSubmission, Incoming, Outcome } from '../../src/bot/types.js';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import { createWorkQueue } from '../work-queue.js';
import type { SlackApi } from './api.js';
import { classify } from './payloads.js';
import { type SlackMessage, toSlackMessage, truncate } from './render.js';
import { renderForm } from './render-form.js';
import { renderHome } from './render-home.js';
import { type ChartSender, createChartSender } from './send-with-chart.js';
import {
  fromBlockActions,
  fromCommand,
  fromEvent,
  fromViewSubmission,
  type ReplyPlace,
} from './to-incoming.js';

export type HandlerDeps = {
  dispatch(incoming: Incoming): Promise<Outcome>;
  act(action: CardAction): Promise<Outcome>;
  submit(submission: FormSubmission): Promise<Outcome>;
  /** A person's home (App Home tab); null for someone who is not an employee. */
  home?(sender: HomeSender): Promise<{ title: string; sections: Card[] } | null>;
  api: SlackApi;
  /** The slash command this app answers (`/assistant`); others are acked and ignored. */
  command: string;
  log: Logger;
  now: Clock;
  /** How long a modal submission may take before the modal is closed and the answer sent as a DM. */
  submitWaitMs?: number;
  /** Acked turns allowed to wait for a worker before requests are refused with 503. */
  backlog?: number;
  /** Shared with the adapter's messenger, so both reuse one chart's upload. */
  sendWithChart?: ChartSender;
};

export type HomeSender = {
  platform: 'slack';
  tenant: string;
  platformUserId: string;
  lookupEmail(): Promise<string | null>;
};

/** The answer to Slack's request itself: sent at once; the real replies follow as API calls. */
export type Ack = { status: 200 | 400 | 503; body?: unknown };

/** Slack retries after 3 s without an answer; modals need their errors inside that window. */
const SUBMIT_WAIT_MS = 2500;
/** Turns worked on at once: enough to keep the database busy, few enough to keep acks prompt. */
const WORKERS = 16;
/**
 * Acked turns waiting; about 10 s of work on a small machine (bench: ~50 Slack turns/s). Past it
 * a 503 makes Slack retry events later rather than people waiting minutes for a reply.
 */
const BACKLOG = 500;

/**
 * One entry point for everything Slack sends, over HTTP or Socket Mode: recognise, ack, then
 * work in the background. Only a modal submission waits (briefly) for the router, since its
 * field errors can only travel in the ack.
 */
export function createSlackHandler(deps: HandlerDeps) {
  const { now } = deps;
  const queue = createWorkQueue({
    concurrency: WORKERS,
    capacity: deps.backlog ?? BACKLOG,
    onError: (err) => deps.log.error({ err: { name: (err as Error)?.name } }, 'slack work failed'),
  });
  const lookup = (userId: string) => deps.api.userEmail(userId);
  const sendWithChart = deps.sendWithChart ?? createChartSender(deps.api, deps.log);

  /**
   * Publishes the person's App Home. Refreshed when they open the tab and after each click on it
   * (an approval decided, a check-in); changes made elsewhere show the next time it is opened.
   */
  async function publishHome(tenant: string, userId: string): Promise<void> {
    const home = await deps.home?.({
      platform: 'slack',
      tenant,
      platformUserId: userId,
      lookupEmail: () => lookup(userId),
    });
    if (home) await deps.api.publishHome(userId, renderHome(home.title, home.sections));
  }

  /** 200 once queued; 503 when the backlog is full, so Slack retries (events) or says it failed. */
  function background(label: string, work: () => Promise<void>): Ack {
    if (queue.full()) {
      deps.log.warn({ label }, 'slack backlog full');
      return { status: 503 };
    }
    queue.push(work);
    return { status: 200 };
  }

  async function deliver(outcome: Outcome, place: ReplyPlace, triggerId?: string): Promise<void> {
    switch (outcome.kind) {
      case 'duplicate':
        return;
      case 'form':
        // no trigger, no modal: the router only offers a form where we said one can open
        if (triggerId) await deps.api.openView(triggerId, renderForm(outcome.form));
        return;
      case 'invalid':
        return post(place, { text: Object.values(outcome.errors).join('\n') }, place.group);
      case 'unknown-user':
        // in a channel only the stranger sees how to get access
        for (const r of outcome.replies) await post(place, toSlackMessage(r), place.group);
        return;
      case 'replies':
        for (const r of outcome.replies)
          if ('file' in r) await deps.api.uploadToDm(place.user, r.file, r.text);
          else await sendWithChart(r, (message) => post(place, message, false));
    }
  }

  async function post(place: ReplyPlace, message: SlackMessage, ephemeral: boolean): Promise<void> {
    const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
    if (ephemeral)
      await deps.api.postEphemeral({ channel: place.channel, user: place.user, ...thread, ...message });
    else await deps.api.postMessage({ channel: place.channel, ...thread, ...message });
  }

  async function handle(body: unknown): Promise<Ack> {
    const payload = classify(body);
    if ('error' in payload) return { status: 400, body: { error: payload.error } };
    switch (payload.kind) {
      case 'url_verification':
        return { status: 200, body: { challenge: payload.challenge } };
      case 'ignored':
        return { status: 200 };
      case 'event': {
        const { event, team_id } = payload.body;
        if (event.type === 'app_home_opened') {
          const user = event.user;
          if (event.tab !== 'home' || !user || !deps.home) return { status: 200 };
          return background('home', () => publishHome(team_id, user));
        }
        const turn = fromEvent(payload.body, lookup, now());
        if (!turn) return { status: 200 };
        return background('event', async () => deliver(await deps.dispatch(turn.incoming), turn.place));
      }
      case 'command': {
        if (payload.body.command !== deps.command) return { status: 200 };
        const turn = fromCommand(payload.body, lookup, now());
        const trigger = payload.body.trigger_id;
        return background('command', async () =>
          deliver(await deps.dispatch(turn.incoming), turn.place, trigger),
        );
      }
      case 'block_actions': {
        const click = fromBlockActions(payload.body, lookup);
        const onHome = payload.body.view?.type === 'home';
        return background('action', async () => {
          await deliver(await deps.act(click.action), click.place, click.triggerId);
          if (onHome) await publishHome(click.action.tenant, click.action.platformUserId);
        });
      }
      case 'view_submission': {
        const submission = fromViewSubmission(payload.body, lookup);
        if (!submission) return { status: 400, body: { error: 'view.private_metadata: not a form of ours' } };
        return submitForm(submission);
      }
    }
  }

  /** Field errors go back in the ack; anything else closes the modal and answers by DM. */
  async function submitForm(submission: FormSubmission): Promise<Ack> {
    const place: ReplyPlace = {
      channel: submission.platformUserId,
      group: false,
      user: submission.platformUserId,
    };
    const pending = deps.submit(submission);
    const timer = delay(deps.submitWaitMs ?? SUBMIT_WAIT_MS, 'late' as const, { ref: false });
    const first = await Promise.race([pending, timer]).catch(() => 'late' as const);
    if (first !== 'late' && first.kind === 'invalid') {
      const errors = Object.fromEntries(Object.entries(first.errors).map(([k, v]) => [k, truncate(v, 2000)]));
      return { status: 200, body: { response_action: 'errors', errors } };
    }
    // already accepted and running: its answer is queued even past the backlog
    queue.push(async () => deliver(await pending, place));
    return { status: 200 };
  }

  return { handle, drain: queue.drain, depth: queue.depth };
}
