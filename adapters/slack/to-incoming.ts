import { createHash } from 'node:crypto';
import {
  type CardAction,
  type FormSubmission,
  type Incoming,
  type IncomingFile,
  isLocale,
} from '../../src/bot/types.js';
import type { BlockActions, EventCallback, SlashCommand, ViewSubmission } from './payloads.js';

/** Where the answer to something goes: a channel, and a thread in group chats. */
export type ReplyPlace = { channel: string; threadTs?: string; group: boolean; user: string };

type Lookup = (userId: string) => Promise<string | null>;

/** Slack escapes &, <, > and wraps mentions and links in <…>; the parser wants what the person typed. */
export function plainText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/<(?:mailto:)?([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<(?:mailto:)?([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fields a DM, a mention and a slash command share. */
function message(
  tenant: string,
  user: string,
  chat: Incoming['chat'],
  text: string,
  rest: Pick<Incoming, 'messageId' | 'receivedAt' | 'forms' | 'files'>,
  lookup: Lookup,
): Incoming {
  return {
    platform: 'slack',
    tenant,
    platformUserId: user,
    chat,
    text,
    ...rest,
    lookupEmail: () => lookup(user),
  };
}

/**
 * A DM or an @mention as a neutral message; null for what is not a command: bots (this one
 * too), edits and other subtypes, channel chatter without a mention.
 */
export function fromEvent(
  body: EventCallback,
  lookup: Lookup,
  receivedAt: Date,
): { incoming: Incoming; place: ReplyPlace } | null {
  const e = body.event;
  const other = e.subtype && e.subtype !== 'file_share';
  if (e.bot_id || other || !e.user || !e.channel || !e.ts || e.text === undefined) return null;
  const dm = e.type === 'message' && e.channel_type === 'im';
  if (!dm && e.type !== 'app_mention') return null;
  const user = e.user;
  const text = plainText(e.text);
  const files = filesOf(e.files);
  if (!text && !files.length) return null;
  return {
    incoming: message(
      body.team_id,
      user,
      { id: e.channel, kind: dm ? 'dm' : 'group' },
      text,
      { messageId: body.event_id, receivedAt, forms: 'via-button', ...(files.length ? { files } : {}) },
      lookup,
    ),
    // a mention is answered in its thread so a channel is not flooded
    place: { channel: e.channel, threadTs: dm ? undefined : (e.thread_ts ?? e.ts), group: !dm, user },
  };
}

/** Slack's file objects as neutral references; the url is Slack's own (it asks the reader to sign in). */
function filesOf(files: EventCallback['event']['files']): IncomingFile[] {
  return (files ?? []).map((f) => ({
    platform: 'slack',
    id: f.id,
    name: f.name || f.title || f.id,
    ...(f.url_private ? { url: f.url_private } : {}),
    ...(typeof f.size === 'number' ? { size: f.size } : {}),
    ...(f.mimetype ? { mimeType: f.mimetype } : {}),
  }));
}

/** A slash command reads like a message; a bare keyword may open its form at once (trigger_id). */
export function fromCommand(
  body: SlashCommand,
  lookup: Lookup,
  receivedAt: Date,
): { incoming: Incoming; place: ReplyPlace } {
  const user = body.user_id;
  const dm = body.channel_id.startsWith('D');
  return {
    incoming: message(
      body.team_id,
      user,
      { id: body.channel_id, kind: dm ? 'dm' : 'group' },
      // "/assistant" alone asks what it can do
      plainText(body.text) || 'help',
      {
        // Slack does not retry slash commands; the trigger id is unique per invocation
        messageId: `cmd:${body.trigger_id ?? `${user}:${receivedAt.getTime()}`}`,
        receivedAt,
        forms: body.trigger_id ? 'now' : 'via-button',
      },
      lookup,
    ),
    // answers go to the person's DM with the bot: it works in any channel, member or not
    place: { channel: user, group: false, user },
  };
}

/**
 * Buttons carry `<actionId>#<index>[:<locale>]` (render.ts): Slack wants unique action ids per
 * message, and the locale says which language the card is in. Buttons sent before the locale
 * was added have none.
 */
const ACTION_SUFFIX = /#\d+(?::([A-Za-z-]+))?$/;

export function fromBlockActions(
  body: BlockActions,
  lookup: Lookup,
): { action: CardAction; place: ReplyPlace; triggerId?: string } {
  const clicked = body.actions[0] as BlockActions['actions'][number];
  const user = body.user.id;
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  const group = channel !== undefined && !channel.startsWith('D');
  const locale = ACTION_SUFFIX.exec(clicked.action_id)?.[1];
  return {
    action: {
      platform: 'slack',
      tenant: body.team?.id ?? body.user.team_id ?? '',
      platformUserId: user,
      actionId: clicked.action_id.replace(ACTION_SUFFIX, ''),
      value: clicked.value ?? '',
      ...(isLocale(locale) ? { locale } : {}),
      // one click = one action_ts; a redelivery carries the same
      eventId: `act:${clicked.action_ts}:${user}:${clicked.action_id}`,
      message: channel && ts ? { platform: 'slack', channelId: channel, messageId: ts } : undefined,
      canOpenForm: Boolean(body.trigger_id),
      lookupEmail: () => lookup(user),
    },
    place: {
      channel: channel ?? user,
      threadTs: group ? (body.message?.thread_ts ?? ts) : undefined,
      group,
      user,
    },
    triggerId: body.trigger_id,
  };
}

/** Modal fields are input blocks whose block_id is the field name (see render-form.ts). */
export function fromViewSubmission(body: ViewSubmission, lookup: Lookup): FormSubmission | null {
  let intent: unknown;
  let locale: unknown;
  try {
    ({ intent, locale } = JSON.parse(body.view.private_metadata) as { intent?: unknown; locale?: unknown });
  } catch {
    return null;
  }
  if (typeof intent !== 'string' || !intent) return null;
  const values: Record<string, string> = {};
  for (const [field, inputs] of Object.entries(body.view.state.values)) {
    const input = Object.values(inputs)[0];
    values[field] = input?.value ?? input?.selected_date ?? input?.selected_option?.value ?? '';
  }
  const user = body.user.id;
  // a corrected resubmission of the same modal is a new event; a redelivered one is not
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
  return {
    platform: 'slack',
    tenant: body.team?.id ?? body.user.team_id ?? '',
    platformUserId: user,
    intent,
    values,
    eventId: `view:${body.view.id}:${digest}`,
    ...(isLocale(locale) ? { locale } : {}),
    lookupEmail: () => lookup(user),
  };
}
