import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { takeWord } from '../../../src/bot/slots.js';
import { CATEGORIES, type Category, expense } from '../requests/expense.js';
import type { RequestType } from '../requests/request-type.js';
import { clauses, joinClauses, tidyClause } from './clean.js';
import { takeMoney } from './money.js';
import { finishRequest, type Layout } from './request-reading.js';

/** Words that can only mean one category ("打车", "hotel", "lunch"). */
const CLEAR: Record<string, Category> = {
  打车: 'taxi',
  出租车: 'taxi',
  的士: 'taxi',
  滴滴: 'taxi',
  网约车: 'taxi',
  地铁: 'taxi',
  公交: 'taxi',
  停车: 'taxi',
  油费: 'taxi',
  过路费: 'taxi',
  交通: 'taxi',
  cab: 'taxi',
  taxi: 'taxi',
  uber: 'taxi',
  didi: 'taxi',
  lyft: 'taxi',
  subway: 'taxi',
  metro: 'taxi',
  parking: 'taxi',
  transport: 'taxi',
  transportation: 'taxi',
  差旅: 'travel',
  住宿: 'travel',
  酒店: 'travel',
  宾馆: 'travel',
  机票: 'travel',
  飞机票: 'travel',
  高铁: 'travel',
  动车: 'travel',
  火车: 'travel',
  hotel: 'travel',
  flight: 'travel',
  flights: 'travel',
  airfare: 'travel',
  train: 'travel',
  lodging: 'travel',
  餐费: 'meals',
  餐饮: 'meals',
  吃饭: 'meals',
  午饭: 'meals',
  午餐: 'meals',
  晚饭: 'meals',
  晚餐: 'meals',
  早餐: 'meals',
  聚餐: 'meals',
  外卖: 'meals',
  meal: 'meals',
  meals: 'meals',
  lunch: 'meals',
  dinner: 'meals',
  breakfast: 'meals',
  food: 'meals',
  sandwich: 'meals',
  coffee: 'meals',
  咖啡: 'meals',
  snacks: 'meals',
  招待: 'entertainment',
  请客: 'entertainment',
  应酬: 'entertainment',
  entertainment: 'entertainment',
  entertaining: 'entertainment',
  办公用品: 'office',
  打印纸: 'office',
  墨盒: 'office',
  文具: 'office',
  键盘: 'office',
  鼠标: 'office',
  supplies: 'office',
  stationery: 'office',
  printer: 'office',
  keyboard: 'office',
};

/**
 * Words that name a category but often mean something else ("the Contoso office", "travel
 * approval"): taken only when nothing clearer is said.
 */
const LOOSE: Record<string, Category> = {
  办公: 'office',
  office: 'office',
  出差: 'travel',
  travel: 'travel',
  其他: 'other',
  other: 'other',
};

/** The category as its own clause ("…，办公用品"): a label, not part of the reason. */
const LABELS = new Set(
  [
    ...Object.values(CATEGORIES).flatMap((t) => [t['zh-CN'], t.en]),
    '办公用品',
    '餐饮',
    '差旅费',
    '交通费',
  ].map((w) => w.toLowerCase()),
);

/** Asking to be paid back, not what for: "报销", "能报吗", "reimburse", "I spent". */
const NOISE = [
  /(?:能不能|能|可以|要|帮我|想|走)?(?:报销|报账)(?:一下)?|(?:能不能|能|可以|要|帮我|想)?报(?:一下|了)?(?=$|[吗吧呢\s,，。？?!！])/gu,
  /提交|一笔|一共|总共|共计|合计|花了|用了|花费|付了|垫付了?|费用|^\s*的(?!士)/gu,
  /(?<=打车|出租车|的士|交通|住宿|饭|机票|高铁|火车|酒店|停车|taxi|cab)\s*费(?:用)?(?=$|[\s,，。])/giu,
  /\b(?:reimburse(?:d|ment)?|expense(?:d|s)?|claim(?:ed)?|get\s+(?:paid|reimbursed)|pay\s+me\s+back|paid\s+back|out\s+of\s+pocket|(?:can\s+i\s+)?get\s+(?:it|that|this|the\s+money)\s+back|file\s+(?:it|this|that)|submit(?:ted)?|i\s+(?:spent|paid)|spent|paid|cost\s+me|it\s+cost|that\s+was)\b/giu,
];

const URL = /https?:\/\/\S+/u;

/**
 * "我要报销320打车费" → 320 CNY taxi, reason 打车; "I spent 45 dollars on a cab to the Contoso
 * office" → 45 USD taxi (the cab, not the office).
 */
export function readExpense(text: string, ctx: ParseContext): ParseResult<unknown> {
  const url = URL.exec(text)?.[0];
  const money = takeMoney(url ? text.replace(url, ' ') : text);
  const said = money?.rest ?? (url ? text.replace(url, ' ') : text);
  const category = (takeWord(said, CLEAR) ?? takeWord(said, LOOSE))?.value;
  const kept = clauses(said)
    .map((c) => tidyClause(c, NOISE))
    .filter(Boolean);
  // the category word often is the reason too ("打车"): dropped only beside something more
  const content = kept.length > 1 ? kept.filter((c) => !LABELS.has(c.toLowerCase())) : kept;
  const reason = joinClauses(content);
  return finishRequest(
    expense as unknown as RequestType,
    {
      fields: { amount: money?.amount, currency: money?.currency, category, reason, receiptUrl: url },
    },
    ctx,
    layout,
  );
}

/** `报销 <amount> [currency] <category> <reason> [link]`. */
const layout: Layout = {
  pieces: (f) => [
    {
      field: 'amount',
      text: f.amount === undefined ? '' : `${f.amount}${f.currency ? ` ${f.currency}` : ''}`,
    },
    { field: 'category', text: String(f.category ?? '') },
    { field: 'reason', text: String(f.reason ?? ''), free: true },
    { field: 'receiptUrl', text: String(f.receiptUrl ?? '') },
  ],
  answers: () => ({ amount: '100', category: 'other', reason: 'client visit' }),
};
