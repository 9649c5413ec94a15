import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { orderForContract } from '../orders/api.js';
import { type ContractDraft, planProblem, withDefaultPlan } from './plan.js';

const t = {
  none: { 'zh-CN': '没有订单 {no}。', en: 'There is no order {no}.' },
  noCustomer: {
    'zh-CN': '订单 {no} 没有关联 CRM 客户，请按客户写合同。',
    en: 'Order {no} is tied to no CRM customer: write the contract for the customer instead.',
  },
  unpriced: {
    'zh-CN': '订单 {no} 没有单价，无法得出合同金额，请写明金额。',
    en: 'Order {no} has no prices, so there is no amount to take: write the amount.',
  },
  mixed: {
    'zh-CN': '订单 {no} 含多种币种，一份合同只能一种币种。',
    en: 'Order {no} is priced in several currencies; a contract has one.',
  },
};

/**
 * A draft written from a sales order, completed from it: the order's customer, total and currency,
 * one instalment on the start day unless a plan was given, then checked like any contract.
 * A standalone draft comes back as it is.
 */
export async function completeFromOrder(
  draft: ContractDraft,
  locale: Locale,
): Promise<{ draft: ContractDraft } | { problem: string }> {
  if (!draft.orderNo) return { draft };
  const order = await orderForContract(draft.orderNo);
  if (!order.ok) return { problem: tr(locale, t[order.why], { no: draft.orderNo }) };
  const complete = withDefaultPlan({
    ...draft,
    orderNo: order.no,
    customer: order.customerName,
    amount: order.amount,
    currency: order.currency,
  });
  const problem = planProblem(complete, locale);
  return problem ? { problem } : { draft: complete };
}
