import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { type Line, linesLabel } from '../stock/api.js';
import { ACTION_LABEL } from './cards.js';
import { carrierLabel } from './carriers.js';
import type { StepArgs } from './handlers.js';

const t = {
  customer: { 'zh-CN': '客户', en: 'Customer' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  lines: { 'zh-CN': '商品', en: 'Lines' },
  note: { 'zh-CN': '备注', en: 'Note' },
  order: { 'zh-CN': '订单', en: 'Order' },
  po: { 'zh-CN': '采购单', en: 'Purchase order' },
  step: { 'zh-CN': '步骤', en: 'Step' },
  next: { 'zh-CN': '下一步', en: 'the next step' },
  shipping: { 'zh-CN': '物流', en: 'Shipping' },
  allDue: { 'zh-CN': '全部未收', en: 'everything still due' },
  sample: { 'zh-CN': '样品', en: 'Sample' },
};

type Rows = [string, string][];
const noted = (ctx: TurnContext, rows: Rows, note: string): Rows =>
  note ? [...rows, [tr(ctx.locale, t.note), note]] : rows;

/** The confirmations of orders and purchases read from sentences: products as the catalogue knows them. */
export async function previewOrder(
  ctx: TurnContext,
  args: { customer: string; lines: Line[]; note: string },
): Promise<Rows> {
  const rows: Rows = [
    [tr(ctx.locale, t.customer), args.customer],
    [tr(ctx.locale, t.lines), await linesLabel(args.lines, ctx.locale)],
  ];
  return noted(ctx, rows, args.note);
}

export async function previewStep(ctx: TurnContext, step: StepArgs): Promise<Rows> {
  const action = step.action === 'next' ? t.next : ACTION_LABEL[step.action];
  const rows: Rows = [
    [tr(ctx.locale, t.order), step.no],
    [tr(ctx.locale, t.step), tr(ctx.locale, action)],
  ];
  if (step.carrier)
    rows.push([
      tr(ctx.locale, t.shipping),
      `${carrierLabel(step.carrier, ctx.locale)} ${step.tracking}`.trim(),
    ]);
  return noted(ctx, rows, step.note);
}

export async function previewPurchase(
  ctx: TurnContext,
  args: { supplier: string; lines: Line[]; note: string },
): Promise<Rows> {
  const rows: Rows = [
    [tr(ctx.locale, t.supplier), args.supplier],
    [tr(ctx.locale, t.lines), await linesLabel(args.lines, ctx.locale)],
  ];
  return noted(ctx, rows, args.note);
}

export async function previewReceipt(ctx: TurnContext, args: { no: string; lines: Line[] }): Promise<Rows> {
  const lines = args.lines.length ? await linesLabel(args.lines, ctx.locale) : tr(ctx.locale, t.allDue);
  return [
    [tr(ctx.locale, t.po), args.no],
    [tr(ctx.locale, t.lines), lines],
  ];
}

export async function previewSample(
  ctx: TurnContext,
  args: { no: string } | { customer: string; sku: string; qty: number; note: string },
): Promise<Rows> {
  if ('no' in args) return [[tr(ctx.locale, t.sample), args.no]];
  const rows: Rows = [
    [tr(ctx.locale, t.customer), args.customer],
    [tr(ctx.locale, t.lines), await linesLabel([{ sku: args.sku, qty: args.qty }], ctx.locale)],
  ];
  return noted(ctx, rows, args.note);
}
