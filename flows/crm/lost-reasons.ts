import { z } from 'zod';
import { type CustomerDoc, LOST_REASONS } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { countChange, recordCounts } from './counts.js';
import { withLine } from './history.js';
import { changeCustomer, type Lost, lostNote } from './ownership.js';
import { LOST_REASON_LABEL, LOST_REASON_WORDS } from './words.js';

const REASON_LABEL = /^(?:原因|理由|reason)\s*(?:是|为|was|is)?\s*[:：]?\s*/iu;
// longest first, so "no budget" wins over "budget" and "没有预算" over "预算"
const WORDS = Object.keys(LOST_REASON_WORDS).sort((a, b) => b.length - a.length);

/**
 * "原因 价格 太贵了" / "reason price too dear" / "预算取消": a reason from the list at the start
 * (glued Chinese too), the rest its note; any other text is the note of `other`. Empty: null.
 */
export function parseLostReason(text: string): Lost | null {
  const rest = text.trim().replace(REASON_LABEL, '').trim();
  if (!rest) return null;
  const lower = rest.toLowerCase();
  const word = WORDS.find(
    (w) => lower.startsWith(w) && (/\p{Script=Han}/u.test(w) || !/\w/.test(lower[w.length] ?? '')),
  );
  if (!word) return { reason: 'other', note: rest.slice(0, 500) };
  const reason = LOST_REASON_WORDS[word] ?? 'other';
  return {
    reason,
    note: rest
      .slice(word.length)
      .replace(/^[\s,，:：]+/, '')
      .slice(0, 500),
  };
}

/** What a reason button carries: the customer, release or lost, and the reason. */
export const ReasonPick = z.object({
  c: z.string(),
  k: z.enum(['release', 'lost']),
  r: z.enum(LOST_REASONS),
});

const t = {
  release: { 'zh-CN': '为什么放弃 {name}？', en: 'Why release {name}?' },
  lost: { 'zh-CN': '{name} 为什么输单？', en: 'Why was {name} lost?' },
  hint: {
    'zh-CN': '选一个原因；要写说明请发：释放 {name} 原因 其他 <说明>',
    en: 'Pick a reason; to add a note send: release {name} reason other <note>',
  },
};

/** The list of reasons as buttons, asked when a release or a loss came without one. */
export function lostReasonCard(c: CustomerDoc, kind: 'release' | 'lost', locale: Locale): Card {
  return {
    title: tr(locale, t[kind], { name: c.name }),
    fields: [],
    body: tr(locale, t.hint, { name: c.name }),
    status: 'warning',
    actions: LOST_REASONS.map((r) => ({
      actionId: 'crm.lostReason.pick',
      label: tr(locale, LOST_REASON_LABEL[r]),
      style: 'default' as const,
      value: JSON.stringify({ c: String(c._id), k: kind, r }),
    })),
  };
}

/**
 * Records why a customer the writer may log on was lost (stage lost): on the customer, for the
 * analytics counts, and as a history line. A versioned change, like a follow-up's.
 */
export async function recordLoss(customer: CustomerDoc, byId: CustomerDoc['_id'], lost: Lost, now: Date) {
  const line = { at: now, by: byId, kind: 'lost' as const, channel: 'other' as const, note: lostNote(lost) };
  const result = await changeCustomer(
    customer._id,
    (doc) => ({ lostReason: lost.reason, lostNote: lost.note, recent: withLine(doc.recent, line) }),
    now,
  );
  if (!result.ok) return null;
  await FollowUp.create({ customerId: customer._id, ...line });
  await recordCounts(countChange(result.before, result.doc), now);
  return result.doc;
}
