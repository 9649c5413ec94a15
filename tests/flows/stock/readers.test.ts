import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { stockCommands } from '../../../flows/stock/commands.js';
import { readers } from '../../../flows/stock/readers.js';
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
  const command = stockCommands.find((c) => c.intent === intent);
  if (!command) throw new Error(`no command ${intent}`);
  return command.parse(rest, ctx);
};

describe('stock questions', () => {
  it('keeps the product as written, without the question around it', () => {
    expect(read('stock.query', '路由器还有几台')).toEqual({ args: { query: '路由器' } });
    expect(read('stock.query', '南仓还剩多少交换机？')).toEqual({ args: { query: '交换机' } });
    expect(read('stock.query', 'do we have any switches in South?')).toEqual({ args: { query: 'switches' } });
    expect(read('stock.query', 'how much Cat6 cable is left')).toEqual({ args: { query: 'Cat6 cable' } });
    expect(read('stock.query', '帮我看看 SKU-4004 库存多少')).toEqual({ args: { query: 'SKU-4004' } });
  });

  it('asks which product when none is named', () => {
    expect(read('stock.query', '还有货吗')).toEqual({
      problem: '哪个商品？请写 SKU 或商品名。',
      ask: 'query',
      rest: '',
    });
  });
});

describe('stock movements from sentences', () => {
  it('reads product, quantity, warehouse and what else was said', () => {
    expect(read('stock.in', '南仓到了 12 台交换机')).toEqual({
      args: { sku: '交换机', qty: 12, words: ['@南仓'] },
    });
    expect(read('stock.in', 'received 40 cartons of Cat6 Cable into Main')).toEqual({
      args: { sku: 'Cat6 Cable', qty: 40, words: ['@Main'] },
    });
    expect(read('stock.out', '从主仓领了 3 台路由器去客户现场')).toEqual({
      args: { sku: '路由器', qty: 3, words: ['@主仓', '去客户现场'] },
    });
    expect(read('stock.out', 'took 5 switches out of South for the demo')).toEqual({
      args: { sku: 'switches', qty: 5, words: ['@South', 'for', 'the', 'demo'] },
    });
    expect(read('stock.count', '南仓交换机实际只有 9 台')).toEqual({
      args: { sku: '交换机', qty: 9, words: ['@南仓'] },
    });
    expect(read('stock.count', 'counted 0 of SKU-5005 in Main')).toEqual({
      args: { sku: 'SKU-5005', qty: 0, words: ['@Main'] },
    });
  });

  it('asks for the missing quantity or product, keeping the warehouse for the grammar', () => {
    const qty = read('stock.in', '主仓新进了一批网线');
    expect(qty).toEqual({ problem: '数量是多少？', ask: 'qty', rest: '网线 @主仓' });
    expect(grammar('stock.in', `${'rest' in qty ? qty.rest : ''} 80`)).toEqual({
      args: { sku: '网线', qty: 80, words: ['@主仓'] },
    });
    const product = read('stock.in', '刚到了 30 台，放南仓');
    expect(product).toEqual({ problem: '哪个商品？请写 SKU 或商品名。', ask: 'sku', rest: '@南仓 30' });
    expect(grammar('stock.in', `${'rest' in product ? product.rest : ''} 网线`)).toEqual({
      args: { sku: '网线', qty: 30, words: ['@南仓'] },
    });
  });

  it('refuses what it cannot record', () => {
    expect(read('stock.in', '主仓新进 2.5 根网线')).toEqual({
      problem: '数量须为正整数（最多 1,000,000）。',
    });
    expect(read('stock.in', 'put 0 routers into Main')).toEqual({
      problem: 'The quantity must be a whole number from 1 to 1,000,000.',
    });
    expect(read('stock.out', '从主仓拿 2 台路由器和 3 台交换机')).toEqual({
      problem: '一次登记一个商品，请分开发送。',
    });
  });
});

describe('the movement grammar', () => {
  it('takes a product name of any words before the quantity, or after it', () => {
    expect(grammar('stock.in', 'SKU-1001 50 主仓 供应商到货')).toEqual({
      args: { sku: 'SKU-1001', qty: 50, words: ['主仓', '供应商到货'] },
    });
    expect(grammar('stock.out', 'Cat6 Cable 5 South samples', en)).toEqual({
      args: { sku: 'Cat6 Cable', qty: 5, words: ['South', 'samples'] },
    });
    expect(grammar('stock.count', '48 网线')).toEqual({ args: { sku: '网线', qty: 48, words: [] } });
    expect(grammar('stock.in', '网线')).toEqual({ problem: '数量须为正整数（最多 1,000,000）。' });
    expect(grammar('stock.in', '')).toEqual({ problem: '请写上 SKU，如 SKU-1001。' });
  });
});
