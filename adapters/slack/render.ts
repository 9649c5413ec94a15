import type { Button, Card, CardStatus, Reply } from '../../src/bot/types.js';
import { chartAlt } from '../../src/charts/chart-alt.js';

// Slack's documented limits (../shared/platforms/slack/SLACK_BLOCK_KIT_LIMITS.md). Content past
// a limit is cut with a marker rather than sent whole: Slack rejects the whole message otherwise.
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  altText: 2000,
  /** Undocumented total (bolt-js #2509 hit msg_blocks_too_long near 13k); stay well under. */
  totalText: 12_000,
  /** Top-level fallback text; Slack truncates past 40k, notifications show far less. */
  fallbackText: 3000,
} as const;

export const MARKER = '…';

export type SlackMessage = { text: string; blocks?: Block[] };
type Text = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
export type Block = { type: string; [key: string]: unknown };

const statusIcon: Record<CardStatus, string> = {
  info: 'ℹ️',
  pending: '⏳',
  approved: '✅',
  rejected: '❌',
  warning: '⚠️',
  done: '✔️',
};

/** Cuts to `max` characters (code points, so no half emoji), ending with the marker when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}${MARKER}`;
}

/** mrkdwn treats &, < and > as control characters; card content is plain text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string, max: number): Text => ({ type: 'mrkdwn', text: truncate(text, max) });
const plain = (text: string, max: number): Text => ({ type: 'plain_text', text: truncate(text, max) || ' ' });

/**
 * A neutral reply as a `chat.postMessage` / `chat.update` body. Text stays text; a card
 * becomes Block Kit, with its title as the fallback text notifications show.
 * @example toSlackMessage({ card: { title: 'Leave', fields: [], actions: [] } }).blocks?.[0]?.type // 'header'
 */
export function toSlackMessage(reply: Reply, chartFileId?: string): SlackMessage {
  if ('text' in reply) return { text: truncate(reply.text, LIMITS.fallbackText) };
  return {
    text: truncate(reply.card.title, LIMITS.fallbackText),
    blocks: renderCard(reply.card, chartFileId),
  };
}

/** `chartFileId`: the card's chart, uploaded as a PNG; shown below the numbers it draws. */
export function renderCard(card: Card, chartFileId?: string): Block[] {
  const content: Block[] = [];
  let budget: number = LIMITS.totalText;
  const spend = (text: string) => {
    budget -= text.length;
    return text;
  };
  const icon = card.status ? `${statusIcon[card.status]} ` : '';
  content.push({ type: 'header', text: plain(spend(`${icon}${card.title}`), LIMITS.headerText) });
  if (card.subtitle) {
    content.push({
      type: 'context',
      elements: [mrkdwn(spend(escapeMrkdwn(card.subtitle)), LIMITS.fieldText)],
    });
  }
  for (let i = 0; i < card.fields.length && budget > 0; i += LIMITS.fieldsPerSection) {
    const fields = card.fields.slice(i, i + LIMITS.fieldsPerSection).map(([label, value]) => {
      const text = `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`;
      return mrkdwn(spend(truncate(text, Math.max(1, Math.min(LIMITS.fieldText, budget)))), LIMITS.fieldText);
    });
    content.push({ type: 'section', fields });
  }
  if (card.body && budget > 0) {
    const body = truncate(escapeMrkdwn(card.body), Math.min(LIMITS.sectionText, budget));
    content.push({ type: 'section', text: mrkdwn(spend(body), LIMITS.sectionText) });
  }
  if (card.chart && chartFileId) {
    content.push({
      type: 'image',
      slack_file: { id: chartFileId },
      alt_text: truncate(chartAlt(card.chart), LIMITS.altText),
    });
  }
  const actions = actionBlocks(card.actions);
  // buttons are what a person acts on: keep them, cut content, and say that something was cut
  const room = LIMITS.blocks - actions.length - 1;
  const cut = content.length > room || budget <= 0 || sectionsDropped(card, content);
  const kept = content.slice(0, Math.min(content.length, room));
  if (cut) kept.push({ type: 'context', elements: [mrkdwn(MARKER, 10)] });
  return [...kept, ...actions].slice(0, LIMITS.blocks);
}

/** True when the field loop stopped early for lack of budget. */
function sectionsDropped(card: Card, content: Block[]): boolean {
  const sections = content.filter((b) => b.type === 'section' && 'fields' in b).length;
  return sections * LIMITS.fieldsPerSection < card.fields.length;
}

/**
 * Buttons in rows of 25. Action ids get `#<index>` so two buttons with one id stay unique, and
 * `:<locale>` when the button has one: the value stays the flow's own, within its 2000 characters.
 */
function actionBlocks(buttons: Button[]): Block[] {
  const rows: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerActions) {
    const elements = buttons.slice(i, i + LIMITS.buttonsPerActions).map((b, j) => {
      const suffix = `#${i + j}${b.locale ? `:${b.locale}` : ''}`;
      return {
        type: 'button',
        text: plain(b.label, LIMITS.buttonText),
        action_id: `${b.actionId.slice(0, LIMITS.actionId - suffix.length)}${suffix}`,
        value: truncate(b.value, LIMITS.buttonValue),
        ...(b.style === 'default' ? {} : { style: b.style }),
      };
    });
    rows.push({ type: 'actions', elements });
  }
  // more than 50 blocks of buttons is not a card anyone can use; keep what fits
  return rows.slice(0, LIMITS.blocks - 2);
}
