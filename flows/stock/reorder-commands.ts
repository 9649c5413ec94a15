import type { TurnContext } from '../../src/bot/flow.js';
import { type CommandSpec, defineCommand, type ParseContext, type ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { listWarehouses } from './catalog.js';
import { fail, isSku, quantity } from './parse.js';
import { decideProposal, type RuleInput, type RuleRefusal, setReorderRule } from './reorder.js';
import { proposalCard } from './reorder-cards.js';

const t = {
  usage: {
    'zh-CN': '补货规则 <SKU> 最低 <数量> 最高 <数量> [仓库] [供应商 <名称>]',
    en: 'reorder rule <SKU> min <qty> max <qty> [warehouse] [supplier <name>]',
  },
  sku: { 'zh-CN': '请写上 SKU，如 SKU-1001。', en: 'Give the SKU, e.g. SKU-1001.' },
  minMax: {
    'zh-CN': '请写最低和最高数量，如 最低 10 最高 50。',
    en: 'Give min and max, e.g. min 10 max 50.',
  },
  set: {
    'zh-CN': '{sku} 在 {warehouse}：低于 {min} 时建议补到 {max}{supplier}。',
    en: '{sku} in {warehouse}: under {min}, a purchase up to {max} is proposed{supplier}.',
  },
  from: { 'zh-CN': '，向 {name} 采购', en: ' from {name}' },
  dismissed: { 'zh-CN': '已忽略这条补货建议。', en: 'Reorder proposal dismissed.' },
  decided: { 'zh-CN': '这条补货建议已经处理过了。', en: 'This proposal has been decided already.' },
  refusal: {
    forbidden: { 'zh-CN': '只有仓库经理可以处理补货。', en: 'Only a warehouse manager can do this.' },
    unknown_sku: { 'zh-CN': '没有商品 {sku}。', en: 'There is no product {sku}.' },
    unknown_warehouse: { 'zh-CN': '没有仓库“{warehouse}”。', en: 'There is no warehouse "{warehouse}".' },
    no_warehouse: { 'zh-CN': '还没有仓库。', en: 'There are no warehouses yet.' },
    range: {
      'zh-CN': '最高须大于最低，且不超过 1,000,000。',
      en: 'Max must be above min and at most 1,000,000.',
    },
  } satisfies Record<RuleRefusal, Text>,
};

/** `SKU-1001 最低 10 最高 50 [仓库] [供应商 名称]`, the words in either language. */
export function parseRule(rest: string, ctx: ParseContext): ParseResult<RuleInput> {
  const [sku = '', ...words] = rest.split(/\s+/).filter(Boolean);
  if (!isSku(sku)) return fail(ctx.locale, t.sku);
  const text = words.join(' ');
  const min = /(?:最低|最少|min)\D{0,8}?(\d\S*)/i.exec(text);
  const max = /(?:最高|最多|max)\D{0,8}?(\d\S*)/i.exec(text);
  const lo = quantity(min?.[1], true);
  const hi = quantity(max?.[1]);
  if (lo === null || hi === null) return fail(ctx.locale, t.minMax);
  const supplier = /(?:供应商|supplier)\s*(.+)$/i.exec(text);
  const left = text
    .replace(min?.[0] ?? '', '')
    .replace(max?.[0] ?? '', '')
    .replace(supplier?.[0] ?? '', '')
    .trim();
  return {
    args: {
      sku: sku.toUpperCase(),
      warehouse: left,
      min: lo,
      max: hi,
      supplier: (supplier?.[1] ?? '').trim().slice(0, 120),
    },
  };
}

const SKU_WORD = /\bSKU-?\d+\b/i;
/** "SKU-3003 少于 100 就补到 500" words: 下限/少于 read as min, 上限/补到 as max. */
const SENTENCE_WORDS: [RegExp, string][] = [
  [/下限|少于|低于|under|below|drops under/gi, ' min '],
  [/上限|补到|up to|restock to/gi, ' max '],
];

/** A free sentence: the SKU anywhere, the rest read by the grammar's words. */
export function readRule(text: string, ctx: ParseContext): ParseResult<RuleInput> {
  const sku = SKU_WORD.exec(text)?.[0];
  if (!sku) return fail(ctx.locale, t.sku);
  let rest = text.replace(sku, ' ');
  for (const [words, as] of SENTENCE_WORDS) rest = rest.replace(words, as);
  const numbers = rest.replace(/[，,：:;；]/g, ' ').replace(/\s+(?:个|台|件|pcs)\b/g, ' ');
  const parsed = parseRule(`${sku} ${numbers}`.replace(/\s+/g, ' '), ctx);
  if ('problem' in parsed) return parsed;
  // what is left of a sentence is mostly filler: only a warehouse-looking word is kept
  const warehouse = /(\S*仓)|\bin\s+([A-Za-z]\w*)/i.exec(parsed.args.warehouse);
  return { args: { ...parsed.args, warehouse: warehouse?.[1] ?? warehouse?.[2] ?? '' } };
}

async function setFromChat(ctx: TurnContext, args: RuleInput): Promise<void> {
  const { locale } = ctx;
  const result = await setReorderRule({ ...args, actor: ctx.person, at: ctx.now.toJSDate() });
  if (!result.ok) return ctx.reply(tr(locale, t.refusal[result.refusal], args));
  const { rule } = result;
  const warehouse = (await listWarehouses()).find((w) => w._id.equals(rule.warehouseId));
  ctx.log.info({ sku: rule.sku }, 'reorder rule set');
  ctx.reply(
    tr(locale, t.set, {
      sku: rule.sku,
      warehouse: (locale === 'en' && warehouse?.nameEn) || warehouse?.name || '',
      min: rule.min,
      max: rule.max,
      supplier: rule.supplier ? tr(locale, t.from, { name: rule.supplier }) : '',
    }),
  );
}

/** The proposal's Dismiss button: recorded once; the card shows it. */
export async function dismissProposal(ctx: TurnContext, id: string): Promise<void> {
  const { locale } = ctx;
  const decided = await decideProposal({
    id,
    actor: ctx.person,
    decision: 'dismissed',
    supplier: '',
    at: ctx.now.toJSDate(),
  });
  if (!decided.ok)
    return ctx.reply(tr(locale, decided.refusal === 'forbidden' ? t.refusal.forbidden : t.decided));
  const warehouse = (await listWarehouses()).find((w) => w._id.equals(decided.doc.warehouseId));
  ctx.reply({ card: proposalCard(decided.doc, warehouse, locale) });
}

export const reorderCommands: CommandSpec[] = [
  defineCommand<RuleInput>({
    intent: 'stock.reorderRule',
    writes: true,
    area: 'stock',
    keywords: { 'zh-CN': ['补货规则'], en: ['reorder rule'] },
    summary: {
      'zh-CN': '设置最低/最高库存：低于最低时建议采购补到最高',
      en: 'Set min/max stock: under min, a purchase up to max is proposed',
    },
    usage: t.usage,
    examples: {
      'zh-CN': ['补货规则 SKU-1001 最低 10 最高 50 供应商 深圳华强'],
      en: ['reorder rule SKU-1001 min 10 max 50 supplier Shenzhen Huaqiang'],
    },
    parse: parseRule,
    handle: setFromChat,
  }),
];
