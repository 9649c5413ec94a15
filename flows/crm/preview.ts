import type { TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { FollowUpArgs } from './parse-follow-up.js';
import type { CustomerInput } from './service.js';
import { STAGE_LABEL } from './words.js';

/** The confirmation cards' lines for CRM writes read from sentences, labelled in the reader's language. */
const t = {
  name: { 'zh-CN': '名称', en: 'Name' },
  city: { 'zh-CN': '城市', en: 'City' },
  industry: { 'zh-CN': '行业', en: 'Industry' },
  contact: { 'zh-CN': '联系人', en: 'Contact' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '邮箱', en: 'E-mail' },
  age: { 'zh-CN': '年龄', en: 'Age' },
  source: { 'zh-CN': '来源', en: 'Source' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  stage: { 'zh-CN': '阶段', en: 'Stage' },
  followUp: { 'zh-CN': '跟进', en: 'Follow-up' },
  next: { 'zh-CN': '下次跟进', en: 'Next follow-up' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  release: { 'zh-CN': '客户和原因', en: 'Customer and reason' },
  ticket: { 'zh-CN': '客户和问题', en: 'Customer and problem' },
  no: { 'zh-CN': '工单', en: 'Ticket' },
  note: { 'zh-CN': '处理说明', en: 'What was done' },
} satisfies Record<string, Text>;

type Rows = [string, string][];
const rows = (ctx: TurnContext, pairs: [Text, string | undefined][]): Rows =>
  pairs.filter((p): p is [Text, string] => !!p[1]).map(([label, value]) => [tr(ctx.locale, label), value]);

export async function previewCustomer(ctx: TurnContext, c: CustomerInput): Promise<Rows> {
  return rows(ctx, [
    [t.name, c.name],
    [t.city, c.city],
    [t.industry, c.industry],
    [t.contact, c.contact],
    [t.phone, c.phone],
    [t.email, c.email],
    [t.age, c.age === undefined ? c.ageBand : String(c.age)],
    [t.source, c.source],
    [t.tags, c.tags?.join('/')],
    [t.stage, c.stage && tr(ctx.locale, STAGE_LABEL[c.stage])],
  ]);
}

export async function previewFollowUp(ctx: TurnContext, a: FollowUpArgs): Promise<Rows> {
  return rows(ctx, [
    [t.followUp, a.body],
    [t.next, a.next],
    [t.stage, a.stage && tr(ctx.locale, STAGE_LABEL[a.stage])],
  ]);
}

/** Claim, release and ticket: one line of text, named for what it holds. */
export const previewText =
  (label: keyof typeof t) =>
  async (ctx: TurnContext, { text }: { text: string }): Promise<Rows> =>
    rows(ctx, [[t[label], text]]);

export async function previewResolve(ctx: TurnContext, a: { no: string; note: string }): Promise<Rows> {
  return rows(ctx, [
    [t.no, a.no],
    [t.note, a.note],
  ]);
}
