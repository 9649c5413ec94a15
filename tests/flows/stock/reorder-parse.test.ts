import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseRule, readRule } from '../../../flows/stock/reorder-commands.js';
import type { ParseContext } from '../../../src/bot/flow.js';

const now = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const zh: ParseContext = { locale: 'zh-CN', now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en: ParseContext = { ...zh, locale: 'en' };

describe('reorder rules as typed', () => {
  it('the grammar: SKU, min, max, then an optional warehouse and supplier', () => {
    expect(parseRule('SKU-1001 最低 10 最高 50', zh)).toEqual({
      args: { sku: 'SKU-1001', min: 10, max: 50, warehouse: '', supplier: '' },
    });
    expect(parseRule('SKU-1001 min 10 max 50 South supplier Shenzhen Huaqiang', en)).toEqual({
      args: { sku: 'SKU-1001', min: 10, max: 50, warehouse: 'South', supplier: 'Shenzhen Huaqiang' },
    });
    expect(parseRule('路由器 最低 10 最高 50', zh)).toEqual({ problem: '请写上 SKU，如 SKU-1001。' });
    expect(parseRule('SKU-1001 min ten max 50', en)).toEqual({
      problem: 'Give min and max, e.g. min 10 max 50.',
    });
  });

  it('a sentence: the SKU anywhere, the bounds by their words, filler dropped', () => {
    expect(readRule('把 SKU-2002 的补货线设成最低 5 最高 30', zh)).toEqual({
      args: { sku: 'SKU-2002', min: 5, max: 30, warehouse: '', supplier: '' },
    });
    expect(readRule('主仓 SKU-1001 最少留 20 台，最多 80 台', zh)).toEqual({
      args: { sku: 'SKU-1001', min: 20, max: 80, warehouse: '主仓', supplier: '' },
    });
    expect(readRule('keep SKU-2002 between min 5 and max 30 in Main', en)).toEqual({
      args: { sku: 'SKU-2002', min: 5, max: 30, warehouse: 'Main', supplier: '' },
    });
  });
});
