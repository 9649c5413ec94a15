import type { FormSpec } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { ACTION_LABEL } from './cards.js';
import type { StepArgs } from './handlers.js';
import { ACTIONS, type OrderAction } from './pipeline.js';

const problems = {
  no: { 'zh-CN': '请写上订单号，如 SO-1001。', en: 'Give the order number, e.g. SO-1001.' },
  action: { 'zh-CN': '请选择一步。', en: 'Choose a step.' },
  carrier: { 'zh-CN': '发货要写物流公司。', en: 'Shipping needs the carrier.' },
  tracking: { 'zh-CN': '发货要写运单号。', en: 'Shipping needs the tracking number.' },
} satisfies Record<string, Text>;

const isAction = (value: string): value is OrderAction => (ACTIONS as readonly string[]).includes(value);

/**
 * "Advance order" as a form: the Ship button opens it with the step chosen, since shipping needs
 * the carrier and tracking number that a button cannot carry.
 */
export const stepForm: FormSpec<StepArgs> = {
  title: { 'zh-CN': '推进订单', en: 'Advance order' },
  fields: [
    { name: 'no', label: { 'zh-CN': '订单号', en: 'Order' }, kind: 'text' },
    {
      name: 'action',
      label: { 'zh-CN': '步骤', en: 'Step' },
      kind: 'select',
      options: ACTIONS.map((a) => ({ value: a, label: ACTION_LABEL[a] })),
    },
    {
      name: 'carrier',
      label: { 'zh-CN': '物流公司（发货）', en: 'Carrier (shipping)' },
      kind: 'text',
      optional: true,
    },
    {
      name: 'tracking',
      label: { 'zh-CN': '运单号（发货）', en: 'Tracking no. (shipping)' },
      kind: 'text',
      optional: true,
    },
    { name: 'note', label: { 'zh-CN': '备注', en: 'Note' }, kind: 'textarea', optional: true },
  ],
  parse(values, ctx) {
    const digits = /^(?:SO)?-?(\d+)$/i.exec((values.no ?? '').trim())?.[1];
    const action = values.action ?? '';
    const carrier = (values.carrier ?? '').trim().slice(0, 100);
    const tracking = (values.tracking ?? '').trim().slice(0, 100);
    const errors: Record<string, string> = {};
    if (!digits) errors.no = tr(ctx.locale, problems.no);
    if (!isAction(action)) errors.action = tr(ctx.locale, problems.action);
    if (action === 'ship' && !carrier) errors.carrier = tr(ctx.locale, problems.carrier);
    if (action === 'ship' && !tracking) errors.tracking = tr(ctx.locale, problems.tracking);
    if (!digits || !isAction(action) || Object.keys(errors).length) return { errors };
    const shipping = action === 'ship';
    return {
      args: {
        no: `SO-${digits}`,
        action,
        carrier: shipping ? carrier : '',
        tracking: shipping ? tracking : '',
        note: (values.note ?? '').trim().slice(0, 500),
      },
    };
  },
};
