import { z } from 'zod';
import {
  type CardAction,
  type Incoming,
  type IncomingFile,
  LOCALES,
  type MessageRef,
} from '../../src/bot/types.js';

/** What the SDK hands a handler: schema 2.0 events flattened to `{...header, ...event}`. */
export type LarkEventData = Record<string, unknown>;

type Mention = { key: string; name?: string; id?: { open_id?: string } };
type LarkMessage = {
  message_id: string;
  chat_id: string;
  chat_type: string;
  message_type: string;
  content: string;
  mentions?: Mention[];
};

/** More than anyone types; the router answers anything over its own, smaller limit. */
const MAX_TEXT = 40_000;

/**
 * An `im.message.receive_v1` event as the neutral `Incoming`, or null when the bot should stay
 * quiet: its own (or another app's) messages, group messages that do not @mention it, and
 * message types other than text and post.
 */
export function toIncoming(data: LarkEventData, botOpenId: string | null, receivedAt: Date): Incoming | null {
  const sender = data.sender as { sender_type?: string; sender_id?: { open_id?: string } } | undefined;
  const message = data.message as LarkMessage | undefined;
  const openId = sender?.sender_id?.open_id;
  if (!message || !openId || sender?.sender_type !== 'user') return null;
  const mentions = message.mentions ?? [];
  const group = message.chat_type !== 'p2p';
  if (group && !mentions.some((m) => botOpenId && m.id?.open_id === botOpenId)) return null;
  const files = filesOf(message);
  const raw = rawText(message) ?? (files.length ? '' : null);
  if (raw === null) return null;
  const text = stripMentions(raw, mentions, botOpenId).trim();
  if ((!text && !files.length) || text.length > MAX_TEXT) return null;
  return {
    platform: 'lark',
    tenant: tenantOf(data),
    platformUserId: openId,
    chat: { id: message.chat_id, kind: group ? 'group' : 'dm' },
    text,
    // schema 2.0 carries event_id; v1 events carry uuid. Both stay the same across retries.
    messageId: String(data.event_id ?? data.uuid ?? message.message_id),
    receivedAt,
    ...(files.length ? { files } : {}),
  };
}

/**
 * A file or image message, or the images of a post, by key. Lark has no link to a file outside
 * its API (`im/v1/messages/:id/resources/:key`), so they carry the message id to fetch it by.
 */
function filesOf(message: LarkMessage): IncomingFile[] {
  const content = safeJson(message.content);
  const file = (key: unknown, name: unknown): IncomingFile[] =>
    typeof key === 'string' && key
      ? [
          {
            platform: 'lark',
            id: `${message.message_id}/${key}`,
            name: typeof name === 'string' && name ? name : key,
          },
        ]
      : [];
  if (message.message_type === 'file') return file(content?.file_key, content?.file_name);
  if (message.message_type === 'image') return file(content?.image_key, 'image');
  if (message.message_type !== 'post' || !content) return [];
  return (postLines(content) ?? []).flatMap((line) =>
    line.flatMap((el) => (el.tag === 'img' ? file(el.image_key, 'image') : [])),
  );
}

function rawText(message: LarkMessage): string | null {
  const content = safeJson(message.content);
  if (message.message_type === 'text') return typeof content?.text === 'string' ? content.text : null;
  if (message.message_type === 'post') return postText(content);
  return null;
}

type PostElement = { tag?: string; text?: string; user_id?: string; image_key?: string };

/** A post is paragraphs of elements; received posts are `{title, content}`, sent ones keyed by locale. */
function postLines(content: Record<string, unknown>): PostElement[][] | null {
  const body = Array.isArray(content.content)
    ? content
    : (Object.values(content).find((v) => v && typeof v === 'object') as Record<string, unknown> | undefined);
  if (!body || !Array.isArray(body.content)) return null;
  return (body.content as unknown[]).map((line) => (Array.isArray(line) ? (line as PostElement[]) : []));
}

function postText(content: Record<string, unknown> | null): string | null {
  const lines = content && postLines(content);
  if (!lines) return null;
  return lines
    .map((line) =>
      line
        .map((el) =>
          el.tag === 'at' ? (el.user_id ?? '') : el.tag === 'text' || el.tag === 'a' ? el.text : '',
        )
        .join(''),
    )
    .join('\n');
}

/** `@_user_1` placeholders: the bot's own is dropped, anyone else's becomes `@name`. */
function stripMentions(text: string, mentions: Mention[], botOpenId: string | null): string {
  let out = text;
  for (const m of mentions) {
    const replacement = botOpenId && m.id?.open_id === botOpenId ? '' : `@${m.name ?? ''}`;
    out = out.split(m.key).join(replacement);
  }
  return out.replace(/[ \t]{2,}/g, ' ');
}

function safeJson(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function tenantOf(data: LarkEventData): string {
  const operator = data.operator as { tenant_key?: string } | undefined;
  return String(data.tenant_key ?? operator?.tenant_key ?? 'default');
}

/** The button value our renderer puts on every button (render.ts); cards sent before it had no locale. */
const buttonValue = z.object({
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).default(''),
  locale: z.enum(LOCALES).optional(),
});

/**
 * A click, from the classic callback (`open_id`, `open_message_id`, `token` at the top) or the
 * `card.action.trigger` event (`operator`, `context`). A value we did not render is an error.
 */
export function toCardAction(data: LarkEventData): CardAction | { error: string } {
  const action = data.action as { value?: unknown } | undefined;
  const raw = typeof action?.value === 'string' ? safeJson(action.value) : action?.value;
  const parsed = buttonValue.safeParse(raw);
  if (!parsed.success) return { error: 'malformed button value' };
  const operator = data.operator as { open_id?: string } | undefined;
  const context = data.context as { open_message_id?: string; open_chat_id?: string } | undefined;
  const openId = operator?.open_id ?? (data.open_id as string | undefined);
  const messageId = context?.open_message_id ?? (data.open_message_id as string | undefined);
  if (!openId) return { error: 'no operator' };
  const message: MessageRef | undefined = messageId
    ? { platform: 'lark', channelId: String(context?.open_chat_id ?? data.open_chat_id ?? ''), messageId }
    : undefined;
  return {
    platform: 'lark',
    tenant: tenantOf(data),
    platformUserId: openId,
    actionId: parsed.data.actionId,
    value: parsed.data.value,
    ...(parsed.data.locale ? { locale: parsed.data.locale } : {}),
    // the v2 event has an id; a classic callback's `token` is issued per click
    eventId: String(data.event_id ?? `card:${messageId ?? ''}:${data.token ?? ''}`),
    message,
  };
}
