import { randomUUID } from 'node:crypto';
import type { Text } from './i18n.js';
import { tr } from './i18n.js';
import type { Button, ButtonStyle, Card, IncomingFile, Locale } from './types.js';

/**
 * Confirmations and open questions, stored outside the process so they survive a restart and
 * reach whichever app instance gets the click or the answer (db/pending.ts).
 */
export type Pending = {
  id: string;
  employeeId: string;
  intent: string;
  /** Arguments to run the command with once confirmed. */
  args?: unknown;
  /** A question's text so far; the answer is added to it and parsed again. */
  text?: string;
  locale: Locale;
  /** The confirmation card as sent (a `Card`), shown answered once clicked. */
  card?: unknown;
  /** Files the turn that stored it had: the confirmed or answered command gets them. */
  files?: IncomingFile[];
  expiresAt: Date;
};

export type PendingStore = {
  put(p: Pending): Promise<void>;
  peek(id: string, now: Date): Promise<Pending | null>;
  /** Removes and returns the row for exactly one caller; null when gone or expired. */
  take(id: string, now: Date): Promise<Pending | null>;
  drop(id: string): Promise<void>;
};

export const CONFIRM_ACTION = 'confirm.submit';
export const CANCEL_ACTION = 'confirm.cancel';

/** A confirmation card stays good for a working day; a question for a short conversation. */
export const CONFIRM_TTL_MS = 24 * 3600_000;
export const ASK_TTL_MS = 15 * 60_000;

export const askKey = (employeeId: string, platform: string, chatId: string) =>
  `ask:${employeeId}:${platform}:${chatId}`;

export const pendingText = {
  confirmTitle: { 'zh-CN': '请确认：{what}', en: 'Please confirm: {what}' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  edit: { 'zh-CN': '修改', en: 'Edit' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  cancelled: { 'zh-CN': '已取消，什么也没有记录。', en: 'Cancelled; nothing was recorded.' },
  gone: {
    'zh-CN': '这个确认已经处理过或已过期，请重新发送。',
    en: 'This was already handled or has expired. Please send it again.',
  },
  notYours: { 'zh-CN': '这是别人的确认卡片。', en: 'This confirmation belongs to someone else.' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
} satisfies Record<string, Text>;

/** Stores what a button will run and returns the button. */
export async function pendingButton(
  store: PendingStore,
  p: Omit<Pending, 'id' | 'expiresAt'>,
  label: string,
  style: ButtonStyle,
  now: Date,
): Promise<Button> {
  const id = randomUUID();
  await store.put({ ...p, id, expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS) });
  return { actionId: CONFIRM_ACTION, label, style, value: id };
}

/** What was understood, with Submit, (Edit) and Cancel. */
export function confirmCard(
  locale: Locale,
  what: string,
  fields: [string, string][],
  [submit, ...alternatives]: [Button, ...Button[]],
  edit: Button | null,
  warning?: string,
): Card {
  return {
    title: tr(locale, pendingText.confirmTitle, { what }),
    fields,
    ...(warning ? { body: warning } : {}),
    status: warning ? 'warning' : 'pending',
    actions: [
      submit,
      ...alternatives,
      ...(edit ? [edit] : []),
      {
        actionId: CANCEL_ACTION,
        label: tr(locale, pendingText.cancel),
        style: 'default',
        value: submit.value,
      },
    ],
  };
}

/** The confirmation card once answered: what it said, no buttons left to click. */
export const answeredCard = (card: Card, status: string, done: boolean): Card => ({
  ...card,
  title: `${card.title} · ${status}`,
  status: done ? 'done' : 'info',
  actions: [],
});
