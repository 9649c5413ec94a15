import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { type CommandSpec, defineCommand, type ParseContext, type TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { resubmitIntent } from './cards.js';
import { checkForm } from './commands.js';
import { decisionQuestions } from './decision-questions.js';
import { explainRefusal, followChange, tellChange } from './handlers.js';
import { REQUEST_TYPES, requestType } from './requests/index.js';
import type { RequestType } from './requests/request-type.js';
import { findVisible, resubmitRequest } from './service.js';

/**
 * Resubmitting a request that was sent back: the requester edits it (by text, or in its type's
 * own form opened from the card) and the same number is routed again.
 */

const t = {
  usage: { 'zh-CN': '用法：重新提交 {no} [要改的内容]', en: 'Usage: resubmit {no} [what to change]' },
  formOnly: {
    'zh-CN': '请点申请卡片上的“修改并重新提交”，或发送：重新提交 <单号> [要改的内容]',
    en: 'Use "Edit and resubmit" on the request card, or send: resubmit <no> [what to change]',
  },
};

const parseContextOf = (ctx: TurnContext): ParseContext => ({
  locale: ctx.locale,
  now: ctx.now,
  tz: ctx.person.timezone,
  currency: ctx.person.currency ?? ctx.companyCurrency,
});

/** The four parts of a leave's date range: new dates in the text replace all of them, halves too. */
const RANGE_FIELDS = ['from', 'to', 'fromHalf', 'toHalf'];

/**
 * What stays as filed: its form's fields and the half days of its range, which only text can say
 * (dropping them would resubmit half a day as a whole one) — less the range when the text names
 * new dates, since the text's range is whole.
 */
function keptValues(rt: RequestType, data: Record<string, unknown>, said: string[]): Record<string, string> {
  const newRange = said.includes('from') || said.includes('to');
  const names = new Set([...rt.formFields.map((f) => f.name), ...RANGE_FIELDS]);
  if (newRange) for (const name of RANGE_FIELDS) names.delete(name);
  return Object.fromEntries(
    Object.entries(data).flatMap(([name, v]) =>
      names.has(name) && v !== undefined && v !== null && typeof v !== 'object' ? [[name, String(v)]] : [],
    ),
  );
}

/**
 * `重新提交 AP-1001 [changes]`: what the text says (in the type's own grammar, as when filing)
 * replaces those fields; the rest stays as filed. Checked by the type's schema, like its form.
 */
export async function resubmitByText(ctx: TurnContext, no: string, text: string): Promise<void> {
  const found = await findVisible(no, ctx.person);
  if ('ok' in found) return ctx.reply(await explainRefusal(ctx, no.toUpperCase(), found));
  if (String(found.requesterId) !== ctx.person.id)
    return ctx.reply(
      await explainRefusal(ctx, found.no, { ok: false, refusal: 'not_requester', doc: found }),
    );
  const rt = requestType(found.type);
  const pctx = parseContextOf(ctx);
  const read = text ? rt.fromText(text, pctx) : { fields: {} };
  const said = Object.entries(read.fields).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const kept = keptValues(
    rt,
    found.data,
    said.map(([k]) => k),
  );
  const values = { ...kept, ...Object.fromEntries(said.map(([k, v]) => [k, String(v)])) };
  const checked = read.problem ? { errors: { text: read.problem } } : checkForm(rt, values, pctx);
  if ('errors' in checked) {
    const problem = Object.values(checked.errors)[0] ?? '';
    return ctx.reply(`${problem}\n${tr(ctx.locale, t.usage, { no: found.no })}`);
  }
  await resubmitData(ctx, found, checked.args);
}

/** Routes the edited request again and puts it back in the works, if it is still sent back. */
async function resubmitData(ctx: TurnContext, doc: ApprovalRequestDoc, data: Record<string, unknown>) {
  const today = ctx.now.toISODate() ?? '';
  const result = await resubmitRequest(doc.no, {
    requester: ctx.person,
    data,
    today,
    now: ctx.now.toJSDate(),
  });
  await tellChange(ctx, doc.no, await followChange(ctx, result));
}

/**
 * Each type's form with the request number in front: where the card's "Edit and resubmit" opens.
 * Form-only (no keywords, an area help does not list): typing goes through `approvals.resubmit`.
 */
export const resubmitForms: CommandSpec[] = REQUEST_TYPES.map((rt) =>
  defineCommand<{ no: string; data: Record<string, unknown> }>({
    intent: resubmitIntent(rt.type),
    area: 'approvals.forms',
    keywords: { 'zh-CN': [], en: [] },
    summary: { 'zh-CN': `重新提交${rt.label['zh-CN']}申请`, en: `Resubmit: ${rt.label.en.toLowerCase()}` },
    usage: { 'zh-CN': '重新提交 <单号> [要改的内容]', en: 'resubmit <no> [what to change]' },
    examples: { 'zh-CN': [], en: [] },
    parse: (_rest, ctx) => ({ problem: tr(ctx.locale, t.formOnly) }),
    writes: true,
    async handle(ctx, { no, data }) {
      const doc = await ApprovalRequest.findById(no).lean<ApprovalRequestDoc>();
      if (!doc || doc.type !== rt.type || String(doc.requesterId) !== ctx.person.id)
        return ctx.reply(
          await explainRefusal(
            ctx,
            no,
            doc ? { ok: false, refusal: 'not_requester', doc } : { ok: false, refusal: 'not_found' },
          ),
        );
      await resubmitData(ctx, doc, data);
    },
    form: {
      title: { 'zh-CN': `重新提交${rt.label['zh-CN']}`, en: `Resubmit ${rt.label.en.toLowerCase()}` },
      fields: [{ name: 'no', label: { 'zh-CN': '单号', en: 'Request' }, kind: 'text' }, ...rt.formFields],
      parse(values, ctx) {
        const no = /^AP-\d+$/i.exec((values.no ?? '').trim())?.[0]?.toUpperCase();
        if (!no) return { errors: { no: tr(ctx.locale, decisionQuestions.no) } };
        const checked = checkForm(rt, values, ctx);
        return 'errors' in checked ? checked : { args: { no, data: checked.args } };
      },
    },
  }),
);
