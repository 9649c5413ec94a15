import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { orderCommands } from '../../../flows/orders/commands.js';
import { purchaseCommands } from '../../../flows/orders/purchase-commands.js';
import { readers } from '../../../flows/orders/readers.js';
import { sampleCommands } from '../../../flows/orders/sample-commands.js';
import { formatTotals, totalsOf } from '../../../flows/stock/api.js';
import type { ParseContext } from '../../../src/bot/flow.js';

const now = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const zh: ParseContext = { locale: 'zh-CN', now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en: ParseContext = { ...zh, locale: 'en' };
const grammar = (intent: string, rest: string, ctx = zh) => {
  const command = [...orderCommands, ...purchaseCommands, ...sampleCommands].find((c) => c.intent === intent);
  if (!command) throw new Error(`no command ${intent}`);
  return command.parse(rest, ctx);
};

describe('prices written on order lines', () => {
  it('a price on a SKU line, or one shared price for lines written without one', () => {
    expect(grammar('orders.create', '华信科技 SKU-1001x5@380 SKU-2002x1 加急')).toEqual({
      args: {
        customer: '华信科技',
        lines: [
          { sku: 'SKU-1001', qty: 5, price: 380 },
          { sku: 'SKU-2002', qty: 1, price: undefined },
        ],
        note: '加急',
      },
    });
    expect(grammar('orders.create', '华信科技 路由器 5台 单价 1200')).toEqual({
      args: { customer: '华信科技', lines: [{ sku: '路由器', qty: 5, price: 1200 }], note: '' },
    });
    expect(grammar('orders.create', 'Contoso 5 routers @380 deliver Friday', en)).toEqual({
      args: { customer: 'Contoso', lines: [{ sku: 'routers', qty: 5, price: 380 }], note: 'deliver Friday' },
    });
    // purchases read prices the same way
    expect(grammar('purchase.create', '深圳华强 SKU-1001x100 单价 12.5')).toMatchObject({
      args: { supplier: '深圳华强', lines: [{ sku: 'SKU-1001', qty: 100, price: 12.5 }] },
    });
  });

  it('refuses prices it cannot keep', () => {
    expect(grammar('orders.create', '华信科技 SKU-1001x1@12.345')).toEqual({
      problem: '单价须大于 0、不超过 10,000,000、最多两位小数。',
    });
    expect(grammar('orders.create', 'Contoso 2 routers price 0', en)).toEqual({
      problem: 'A price must be over 0, at most 10,000,000, with at most two decimals.',
    });
    expect(grammar('orders.create', '华信科技 路由器 5台 @380 交换机 2台 @800')).toMatchObject({
      problem: expect.stringMatching(/^不同单价请写在各自的 SKU 后/),
    });
  });

  it('a sentence takes the same price words', () => {
    expect(readers['orders.create']?.('华信科技要 5 台路由器，单价 380', zh)).toEqual({
      args: { customer: '华信科技', lines: [{ sku: '路由器', qty: 5, price: 380 }], note: '' },
    });
    expect(readers['orders.create']?.('Contoso needs 2 routers, price 0', en)).toEqual({
      problem: 'A price must be over 0, at most 10,000,000, with at most two decimals.',
    });
  });

  it('totals are summed in minor units, per currency', () => {
    const totals = totalsOf([
      { qty: 3, price: 0.1, currency: 'CNY' },
      { qty: 1, price: 0.2, currency: 'CNY' },
      { qty: 2, price: 10, currency: 'USD' },
    ]);
    expect(totals).toEqual([
      { currency: 'CNY', minor: 50 },
      { currency: 'USD', minor: 2000 },
    ]);
    expect(formatTotals(totals, 'en')).toBe('CN¥0.50 + $20.00');
  });
});

describe('送样 / sample grammar', () => {
  it('<customer> <product> <qty> [note], or the order grammar for one line, or a sample number', () => {
    expect(grammar('orders.sample', '华信科技 路由器 2 展会演示')).toEqual({
      args: { customer: '华信科技', sku: '路由器', qty: 2, note: '展会演示' },
    });
    expect(grammar('orders.sample', 'Contoso Ltd SKU-1001 1', en)).toEqual({
      args: { customer: 'Contoso Ltd', sku: 'SKU-1001', qty: 1, note: '' },
    });
    expect(grammar('orders.sample', '远航制造 交换机 2台 试用')).toEqual({
      args: { customer: '远航制造', sku: '交换机', qty: 2, note: '试用' },
    });
    expect(grammar('orders.sample', 'smp-1003')).toEqual({ args: { no: 'SMP-1003' } });
  });

  it('says what is wrong', () => {
    expect(grammar('orders.sample', '华信科技')).toEqual({ problem: '请写上商品和数量，如 SKU-1001x5。' });
    expect(grammar('orders.sample', '华信科技 路由器 0')).toMatchObject({
      problem: expect.stringMatching(/^数量须为正整数/),
    });
    expect(grammar('orders.sample', 'SKU-1001x2', en)).toEqual({ problem: 'Give the customer name.' });
    expect(grammar('orders.sample', '华信科技 SKU-1001x1 SKU-2002x1')).toEqual({
      problem: '一次送一种样品；请分开写。',
    });
  });

  it('reads a sentence: customer, one product line, the note; a sample number alone', () => {
    const read = readers['orders.sample'];
    expect(read?.('给华信科技送 2 台路由器样品，展会用', zh)).toEqual({
      args: { customer: '华信科技', sku: '路由器', qty: 2, note: '展会用' },
    });
    expect(read?.('send Contoso Ltd 2 routers as samples', en)).toEqual({
      args: { customer: 'Contoso Ltd', sku: 'routers', qty: 2, note: '' },
    });
    expect(read?.('SMP-1005 was approved, send it out', en)).toEqual({ args: { no: 'SMP-1005' } });
    expect(read?.('送 2 台路由器样品', zh)).toMatchObject({ ask: 'customer', rest: '路由器 2pcs 客户' });
  });
});
