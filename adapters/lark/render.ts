import type { Card, CardStatus, Reply } from '../../src/bot/types.js';
import { chartAlt } from '../../src/charts/chart-alt.js';

/** Lark card JSON (message card 1.0 shape): what `im/v1/messages` takes as `content`. */
export type LarkCard = {
  config: { wide_screen_mode: true; update_multi: true };
  header: { template: string; title: { tag: 'plain_text'; content: string } };
  elements: Record<string, unknown>[];
};

/**
 * A card or post request body may be at most 30 KB (im/v1/messages doc). The card travels as a
 * JSON string inside JSON, so we budget the doubly-encoded size and keep room for the envelope.
 */
export const CARD_LIMIT_BYTES = 28 * 1024;
const FIELD_CHARS = 2000;
const BODY_CHARS = 10_000;
const MAX_FIELDS = 40;
const MAX_BUTTONS = 20;
const ELLIPSIS = '…';

const TEMPLATE: Record<CardStatus, string> = {
  info: 'blue',
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  warning: 'yellow',
  done: 'grey',
};
const BUTTON_TYPE = { primary: 'primary', danger: 'danger', default: 'default' } as const;

/**
 * The neutral card as a Lark interactive card, within Lark's size limit. `update_multi` lets one
 * PATCH change the card for everyone who sees it (else only one viewer's copy changes).
 * @example toLarkCard({ title: 'Leave', fields: [['Days', '2']], status: 'pending', actions: [] })
 */
export function toLarkCard(card: Card, chartImageKey?: string): LarkCard {
  const draft: Draft = {
    title: cut(card.title, 200),
    subtitle: card.subtitle ? cut(card.subtitle, 500) : undefined,
    fields: card.fields
      .slice(0, MAX_FIELDS)
      .map(([l, v]): [string, string] => [cut(l, 200), cut(v, FIELD_CHARS)]),
    body: card.body ? cut(card.body, BODY_CHARS) : undefined,
    status: card.status,
    actions: card.actions.slice(0, MAX_BUTTONS),
    image:
      card.chart && chartImageKey ? { key: chartImageKey, alt: cut(chartAlt(card.chart), 1000) } : undefined,
  };
  if (encodedSize(render(draft)) <= CARD_LIMIT_BYTES) return render(draft);
  // too big: find the largest per-text cap (field values and body alike) that fits
  let low = 0;
  let high = Math.max(draft.body?.length ?? 0, ...draft.fields.map(([, v]) => v.length));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encodedSize(render(capped(draft, mid))) <= CARD_LIMIT_BYTES) low = mid;
    else high = mid - 1;
  }
  const fitted = capped(draft, Math.max(low, 1));
  // so many fields that even one character each is too much: drop from the end
  while (fitted.fields.length > 0 && encodedSize(render(fitted)) > CARD_LIMIT_BYTES) fitted.fields.pop();
  return render(fitted);
}

function capped(card: Draft, max: number): Draft {
  return {
    ...card,
    fields: card.fields.map(([l, v]): [string, string] => [l, cut(v, max)]),
    body: card.body === undefined ? undefined : cut(card.body, max),
  };
}

/** Text replies become a plain card where only a card will do (PATCH updates cards only). */
export function replyAsCard(reply: Reply, chartImageKey?: string): LarkCard {
  if ('card' in reply) return toLarkCard(reply.card, chartImageKey);
  return toLarkCard({ title: '', fields: [], body: reply.text, actions: [] });
}

export function encodedSize(card: LarkCard): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(card)));
}

/** `image`: the card's chart, uploaded as a PNG (`im/v1/images`), shown below its numbers. */
type Draft = Omit<Card, 'subtitle' | 'chart'> & { subtitle?: string; image?: { key: string; alt: string } };

function render(card: Draft): LarkCard {
  const elements: Record<string, unknown>[] = [];
  if (card.subtitle) elements.push({ tag: 'div', text: { tag: 'plain_text', content: card.subtitle } });
  if (card.fields.length > 0) {
    elements.push({
      tag: 'div',
      fields: card.fields.map(([label, value]) => ({
        // short values sit two per row; long ones take the full width
        is_short: value.length <= 40 && !value.includes('\n'),
        text: { tag: 'lark_md', content: `**${escapeMd(label)}**\n${escapeMd(value)}` },
      })),
    });
  }
  if (card.body) elements.push({ tag: 'div', text: { tag: 'lark_md', content: escapeTags(card.body) } });
  if (card.image) {
    elements.push({
      tag: 'img',
      img_key: card.image.key,
      alt: { tag: 'plain_text', content: card.image.alt },
    });
  }
  if (card.actions.length > 0) {
    elements.push({
      tag: 'action',
      actions: card.actions.map((b) => ({
        tag: 'button',
        text: { tag: 'plain_text', content: cut(b.label, 100) },
        type: BUTTON_TYPE[b.style],
        // parsed back by toCardAction; an object, so Lark hands it back as-is
        value: { actionId: b.actionId, value: b.value, ...(b.locale ? { locale: b.locale } : {}) },
      })),
    });
  }
  return {
    config: { wide_screen_mode: true, update_multi: true },
    header: {
      template: TEMPLATE[card.status ?? 'info'],
      title: { tag: 'plain_text', content: card.title || ' ' },
    },
    elements,
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}${ELLIPSIS}`;
}

/**
 * Values are data (names, reasons people typed): shown literally. lark_md would otherwise turn
 * `<at id=all></at>` into an @everyone and `*x*` into markup.
 */
function escapeMd(text: string): string {
  return escapeTags(text).replace(/[*~`[\]_]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The body is markdown by design, but never tags (`<at>`, `<font>`). */
function escapeTags(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
