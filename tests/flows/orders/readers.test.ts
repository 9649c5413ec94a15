import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { orderCommands } from '../../../flows/orders/commands.js';
import { purchaseCommands } from '../../../flows/orders/purchase-commands.js';
import { readers } from '../../../flows/orders/readers.js';
import type { ParseContext } from '../../../src/bot/flow.js';

const now = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const zh: ParseContext = { locale: 'zh-CN', now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en: ParseContext = { ...zh, locale: 'en' };
const read = (intent: string, text: string, ctx = /\p{Script=Han}/u.test(text) ? zh : en) => {
  const reader = readers[intent];
  if (!reader) throw new Error(`no reader for ${intent}`);
  return reader(text, ctx);
};
const grammar = (intent: string, rest: string, ctx = zh) => {
  const command = [...orderCommands, ...purchaseCommands].find((c) => c.intent === intent);
  if (!command) throw new Error(`no command ${intent}`);
  return command.parse(rest, ctx);
};
const restOf = (r: object) => ('rest' in r ? String(r.rest) : '');

describe('sales orders from sentences', () => {
  it('reads the customer, lines by product name or SKU, and the note', () => {
    expect(read('orders.create', '华信科技要 3 台路由器和 1 台交换机，周五前送到')).toEqual({
      args: {
        customer: '华信科技',
        lines: [
          { sku: '路由器', qty: 3 },
          { sku: '交换机', qty: 1 },
        ],
        note: '周五前送到',
      },
    });
    expect(read('orders.create', 'please book an order for Litware: 4 x SKU-2002 and 2 x SKU-1001')).toEqual({
      args: {
        customer: 'Litware',
        lines: [
          { sku: 'SKU-2002', qty: 4 },
          { sku: 'SKU-1001', qty: 2 },
        ],
        note: '',
      },
    });
    expect(read('orders.create', 'Contoso is ordering 10 cameras, deliver before the launch')).toEqual({
      args: { customer: 'Contoso', lines: [{ sku: 'cameras', qty: 10 }], note: 'deliver before the launch' },
    });
  });

  it('asks for the customer or the lines so that the answer completes the grammar', () => {
    const customer = read('orders.create', '要 5 台路由器，月底前交付');
    expect(customer).toMatchObject({ problem: '给哪个客户下单？', ask: 'customer' });
    expect(grammar('orders.create', `${restOf(customer)} 华信科技`)).toEqual({
      args: { customer: '华信科技', lines: [{ sku: '路由器', qty: 5 }], note: '月底前交付' },
    });
    const lines = read('orders.create', '给华信科技下个单');
    expect(lines).toMatchObject({ ask: 'lines', rest: '华信科技' });
    expect(grammar('orders.create', `${restOf(lines)} 路由器 5台`)).toEqual({
      args: { customer: '华信科技', lines: [{ sku: '路由器', qty: 5 }], note: '' },
    });
  });

  it('the grammar takes lines by product name, and still refuses a bad quantity', () => {
    expect(grammar('orders.create', '华信科技 路由器 5台 交换机 2台 加急')).toEqual({
      args: {
        customer: '华信科技',
        lines: [
          { sku: '路由器', qty: 5 },
          { sku: '交换机', qty: 2 },
        ],
        note: '加急',
      },
    });
    expect(grammar('orders.create', 'Contoso SKU-1001x0', en)).toEqual({
      problem: 'The quantity must be a whole number from 1 to 1,000,000.',
    });
  });
});

describe('order steps from sentences', () => {
  it('reads a question as a look, news as a step', () => {
    expect(read('orders.show', 'SO-1020 到哪了')).toEqual({ args: { no: 'SO-1020', step: null } });
    expect(read('orders.show', 'has SO-1020 shipped yet?')).toEqual({ args: { no: 'SO-1020', step: null } });
    expect(read('orders.show', 'SO-1020 delivered to the customer this morning')).toMatchObject({
      args: { no: 'SO-1020', step: { action: 'deliver' } },
    });
  });

  it('reads the step, carrier and tracking, or the note', () => {
    expect(read('orders.advance', 'SO-1020 顺丰发出了，运单号 SF556677889')).toEqual({
      args: { no: 'SO-1020', action: 'ship', carrier: '顺丰', tracking: 'SF556677889', note: '' },
    });
    expect(read('orders.advance', 'SO-1021 is in production now')).toMatchObject({
      args: { action: 'produce' },
    });
    expect(read('orders.advance', 'SO-1022 客户取消了，预算没批')).toEqual({
      args: { no: 'SO-1022', action: 'cancel', carrier: '', tracking: '', note: '预算没批' },
    });
    expect(read('orders.advance', 'mark SO-1024 as installed')).toMatchObject({
      args: { action: 'install', note: '' },
    });
    expect(read('orders.advance', 'SO-1025 接着往下推')).toMatchObject({ args: { action: 'next' } });
  });

  it('asks for the carrier of a shipment, and the grammar takes the answer', () => {
    const asked = read('orders.advance', 'SO-1023 发货了');
    expect(asked).toEqual({ problem: '哪家物流，运单号是多少？', ask: 'carrier', rest: 'SO-1023 发货' });
    expect(grammar('orders.advance', `${restOf(asked)} 中通 ZT12345678`)).toEqual({
      args: { no: 'SO-1023', action: 'ship', carrier: '中通', tracking: 'ZT12345678', note: '' },
    });
    expect(read('orders.advance', '帮我推进一下订单')).toMatchObject({ ask: 'no' });
  });
});

describe('purchases from sentences', () => {
  it('reads the supplier, lines and the price for each', () => {
    expect(read('purchase.create', '从 Acme Supply 进 50 台交换机，每台 820')).toEqual({
      args: { supplier: 'Acme Supply', lines: [{ sku: '交换机', qty: 50, price: 820 }], note: '' },
    });
    expect(read('purchase.create', '找深圳华强买 300 根网线，单价 2.5')).toEqual({
      args: { supplier: '深圳华强', lines: [{ sku: '网线', qty: 300, price: 2.5 }], note: '' },
    });
    expect(read('purchase.create', 'order 200 cables from Acme Supply at 1.9 each')).toEqual({
      args: { supplier: 'Acme Supply', lines: [{ sku: 'cables', qty: 200, price: 1.9 }], note: '' },
    });
  });

  it('asks for the supplier, keeping lines and price for the grammar', () => {
    const asked = read('purchase.create', '订 300 根网线，单价 2.5');
    expect(asked).toMatchObject({ problem: '向哪个供应商采购？', ask: 'supplier' });
    expect(grammar('purchase.create', `${restOf(asked)} 深圳华强`)).toEqual({
      args: { supplier: '深圳华强', lines: [{ sku: '网线', qty: 300, price: 2.5 }], note: '' },
    });
  });

  it('reads a receipt with or without its lines', () => {
    expect(read('purchase.receive', 'PO-1020 到了 12 台 SKU-2002，其余下周')).toEqual({
      args: { no: 'PO-1020', lines: [{ sku: 'SKU-2002', qty: 12 }] },
    });
    expect(read('purchase.receive', 'everything on PO-1021 arrived')).toEqual({
      args: { no: 'PO-1021', lines: [] },
    });
    expect(read('purchase.receive', '采购的货到了')).toMatchObject({ ask: 'no' });
  });
});
