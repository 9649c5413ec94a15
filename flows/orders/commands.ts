import { type CommandSpec, defineCommand, type ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { noArgs } from '../../src/bot/no-args.js';
import type { Locale } from '../../src/bot/types.js';
import { fail, type Line, labelledWho, problems, splitLines } from '../stock/api.js';
import {
  advanceFromChat,
  type OrderRef,
  placeFromChat,
  type StepArgs,
  showMyOrders,
  showOrder,
} from './handlers.js';
import { readPrices } from './line-prices.js';
import type { OrderAction } from './pipeline.js';
import { previewOrder, previewStep } from './preview.js';
import { CUSTOMER_LABEL } from './read-order.js';
import { stepForm } from './step-form.js';

const STEP_WORDS: Record<string, OrderAction> = {
  生产: 'produce',
  开始生产: 'produce',
  发货: 'ship',
  物流: 'transit',
  运输: 'transit',
  送达: 'deliver',
  签收: 'deliver',
  安装: 'install',
  完成: 'complete',
  取消: 'cancel',
  produce: 'produce',
  production: 'produce',
  ship: 'ship',
  transit: 'transit',
  deliver: 'deliver',
  delivered: 'deliver',
  install: 'install',
  installed: 'install',
  complete: 'complete',
  completed: 'complete',
  cancel: 'cancel',
};

const orderProblems = {
  no: { 'zh-CN': '请写上订单号，如 SO-1001。', en: 'Give the order number, e.g. SO-1001.' },
  step: {
    'zh-CN': '不认识的步骤“{word}”；可用：生产、发货、物流、送达、安装、完成、取消。',
    en: 'Unknown step "{word}"; use produce, ship, transit, deliver, install, complete or cancel.',
  },
} satisfies Record<string, Text>;

/**
 * `SO-1001 [step [carrier tracking | note]]`. The English keyword is `order so` (so that
 * "order SO-1001" is not read as an order for a customer called "SO-1001"); what is left then
 * starts at "-1001", hence the optional SO.
 */
export function parseOrderRef(rest: string, ctx: { locale: Locale }): ParseResult<OrderRef> {
  const m = /^(?:SO)?-?(\d+)\s*(.*)$/i.exec(rest);
  if (!m?.[1]) return fail(ctx.locale, orderProblems.no);
  const no = `SO-${m[1]}`;
  const [word, ...more] = (m[2] ?? '').split(' ').filter(Boolean);
  if (!word) return { args: { no, step: null } };
  const action = STEP_WORDS[word.toLowerCase()];
  if (!action) return { problem: tr(ctx.locale, orderProblems.step, { word }) };
  const [carrier = '', ...tracking] = action === 'ship' ? more : [];
  const note = action === 'ship' ? '' : more.join(' ').slice(0, 500);
  return { args: { no, step: { no, action, carrier, tracking: tracking.join(' '), note } } };
}

export const orderCommands: CommandSpec[] = [
  defineCommand<{ customer: string; lines: Line[]; note: string }>({
    intent: 'orders.create',
    writes: true,
    preview: previewOrder,
    area: 'orders',
    keywords: { 'zh-CN': ['下单'], en: ['order', 'new order'] },
    summary: { 'zh-CN': '下销售订单并预留库存', en: 'Place a sales order, reserving its stock' },
    usage: {
      'zh-CN': '下单 <客户> <SKU 或商品名>x<数量>[@单价]… [单价 <价格>] [备注]',
      en: 'order <customer> <SKU or product>x<qty>[@price]… [price <price>] [note]',
    },
    examples: {
      'zh-CN': ['下单 华信科技 SKU-1001x5 SKU-2002x1 周五前送到', '下单 华信科技 路由器 5台 单价 380'],
      en: ['order Contoso SKU-1001x5 SKU-2002x1 deliver by Friday', 'order Contoso 5 routers @380'],
    },
    parse: (rest, ctx) =>
      readPrices(
        rest,
        (text) => {
          const split = labelledWho(splitLines(text), Object.values(CUSTOMER_LABEL));
          if (split.bad) return fail(ctx.locale, problems.qty);
          if (split.lines.length === 0) return fail(ctx.locale, problems.lines);
          if (!split.who) return fail(ctx.locale, problems.who);
          return { args: { customer: split.who.slice(0, 120), lines: split.lines, note: split.note } };
        },
        ctx.locale,
      ),
    handle: (ctx, args) => placeFromChat(ctx, args),
  }),
  defineCommand<OrderRef>({
    intent: 'orders.show',
    // with a step it moves the order on
    writes: (args) => args.step !== null,
    preview: async (ctx, { step }) => (step ? previewStep(ctx, step) : []),
    area: 'orders',
    keywords: { 'zh-CN': ['订单', '查看订单'], en: ['order so', 'show order'] },
    summary: {
      'zh-CN': '订单进度；带步骤则推进订单',
      en: "An order's timeline; with a step, moves it on",
    },
    usage: {
      'zh-CN': '订单 <单号> [生产|发货 <物流> <单号>|物流|送达|安装|完成|取消]',
      en: 'order <no> [produce|ship <carrier> <tracking>|transit|deliver|install|complete|cancel]',
    },
    examples: {
      'zh-CN': ['订单 SO-1001', '订单 SO-1001 发货 顺丰 SF123'],
      en: ['order SO-1001', 'order SO-1001 ship UPS 1Z999'],
    },
    parse: parseOrderRef,
    handle: (ctx, { no, step }) => (step ? advanceFromChat(ctx, step) : showOrder(ctx, no)),
  }),
  defineCommand<StepArgs>({
    // the same step as "订单 SO-… 发货 …", under its own intent for people who name the action
    intent: 'orders.advance',
    writes: true,
    preview: previewStep,
    area: 'orders',
    keywords: { 'zh-CN': ['推进订单'], en: ['advance order'] },
    summary: { 'zh-CN': '把订单推进到下一步', en: 'Move an order to its next step' },
    usage: {
      'zh-CN': '推进订单 <单号> [生产|发货 <物流> <单号>|物流|送达|安装|完成|取消]',
      en: 'advance order <no> [produce|ship <carrier> <tracking>|transit|deliver|install|complete|cancel]',
    },
    examples: { 'zh-CN': ['推进订单 SO-1001 生产'], en: ['advance order SO-1001 produce'] },
    parse(rest, ctx) {
      const parsed = parseOrderRef(rest, ctx);
      if ('problem' in parsed) return parsed;
      // no step named: the order's next one, whatever it is now
      const { no } = parsed.args;
      return { args: parsed.args.step ?? { no, action: 'next', carrier: '', tracking: '', note: '' } };
    },
    handle: (ctx, step) => advanceFromChat(ctx, step),
    form: stepForm,
  }),
  defineCommand<Record<string, never>>({
    intent: 'orders.mine',
    area: 'orders',
    keywords: { 'zh-CN': ['我的订单'], en: ['my orders'] },
    summary: { 'zh-CN': '我负责的未完成订单', en: 'Your open orders' },
    usage: { 'zh-CN': '我的订单', en: 'my orders' },
    examples: { 'zh-CN': ['我的订单'], en: ['my orders'] },
    parse: noArgs,
    handle: (ctx) => showMyOrders(ctx),
  }),
];
