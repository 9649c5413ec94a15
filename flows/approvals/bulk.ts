import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { findByIds } from '../../db/point-reads.js';
import type { ParseContext, ParseResult, TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { namesOf } from '../org/api.js';
import { MAX_BULK, typeLabel } from './cards.js';
import { commitChange, explainRefusal } from './handlers.js';
import { listPending } from './lists.js';
import { decide } from './workflow.js';

/**
 * "Approve all shown" / "approve all except …": one confirmation listing the requests, then each
 * decided on its own (exactly once, like a click: someone faster is reported, not overruled),
 * and one summary.
 */

export type BulkArgs = { nos: string[]; except: string[] };

const t = {
  what: { 'zh-CN': '同意这 {n} 个申请？', en: 'Approve these {n} requests?' },
  none: { 'zh-CN': '没有等你审批的申请。', en: 'Nothing is waiting for your approval.' },
  unread: {
    'zh-CN': '看不懂“{text}”。用法：全部同意 [除了 <单号>…]',
    en: 'I could not read "{text}". Usage: approve all [except <no>…]',
  },
  approved: { 'zh-CN': '已同意 {n} 个：{nos}', en: 'Approved {n}: {nos}' },
  skipped: { 'zh-CN': '跳过 {n} 个：', en: 'Skipped {n}:' },
} satisfies Record<string, Text>;

const NUMBER = /AP[-\s]?(\d+)/giu;
const EXCEPT = /除了|除去|以外|之外|except|but\s+not|other\s+than/iu;

const numbers = (text: string) => [...text.matchAll(NUMBER)].map((m) => `AP-${m[1]}`);

/** `[<no>…] [except <no>…]`: numbers before the "except" are the list (none: all waiting). */
export function readBulk(rest: string, ctx: ParseContext): ParseResult<BulkArgs> {
  const at = rest.search(EXCEPT);
  const [shown, except] = at < 0 ? [rest, ''] : [rest.slice(0, at), rest.slice(at)];
  const left = `${shown} ${except}`
    .replace(NUMBER, ' ')
    .replace(EXCEPT, ' ')
    .replace(/(?<![\p{L}])and(?![\p{L}])|[\s,，、;；.。和及]+/giu, '');
  if (left) return { problem: tr(ctx.locale, t.unread, { text: rest.trim().slice(0, 60) }) };
  return { args: { nos: [...new Set(numbers(shown))].slice(0, MAX_BULK), except: numbers(except) } };
}

/** Asks once ("approve these 12?"), then decides each; the confirmed run carries the exact list. */
export async function approveAll(ctx: TurnContext, args: BulkArgs): Promise<void> {
  const skip = new Set(args.except);
  const chosen = args.nos.length > 0 ? args.nos : await waitingFor(ctx);
  const nos = chosen.filter((no) => !skip.has(no));
  if (nos.length === 0) return ctx.reply(tr(ctx.locale, t.none));
  if (!ctx.confirmed || args.nos.length === 0) return propose(ctx, nos);

  const approved: string[] = [];
  const skipped: string[] = [];
  for (const no of nos) {
    const { result } = await commitChange(ctx, no, (doc, me, at) => decide(doc, me, 'approved', '', at));
    if (result.ok) approved.push(result.doc.no);
    else skipped.push(`• ${await explainRefusal(ctx, no, result)}`);
  }
  ctx.log.info({ approved: approved.length, skipped: skipped.length }, 'approved in bulk');
  const lines = [
    ...(approved.length > 0
      ? [tr(ctx.locale, t.approved, { n: approved.length, nos: approved.join(', ') })]
      : []),
    ...(skipped.length > 0 ? [tr(ctx.locale, t.skipped, { n: skipped.length }), ...skipped] : []),
  ];
  ctx.reply(lines.join('\n'));
}

async function waitingFor(ctx: TurnContext): Promise<string[]> {
  const docs = await listPending(ctx.person.id, ctx.now.toJSDate(), MAX_BULK);
  return docs.map((d) => d.no);
}

/** The confirmation: each request on a line (type, requester), the list kept for Submit. */
async function propose(ctx: TurnContext, nos: string[]): Promise<void> {
  const docs = await findByIds<ApprovalRequestDoc>(ApprovalRequest, nos);
  const names = await namesOf([...docs.values()].map((d) => d.requesterId));
  const fields = nos.map((no): [string, string] => {
    const doc = docs.get(no);
    return [no, doc ? `${typeLabel(doc, ctx.locale)} · ${names.get(String(doc.requesterId)) ?? ''}` : '?'];
  });
  await ctx.propose({
    intent: 'approvals.approve-all',
    args: { nos, except: [] },
    fields,
    what: tr(ctx.locale, t.what, { n: nos.length }),
  });
}
