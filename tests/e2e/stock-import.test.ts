import { describe, expect, it } from 'vitest';
import { Product } from '../../db/models/product.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs } from '../helpers/chat.js';

const app = useTestApp();
const { say } = chatAs(app);
const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' };
const header = 'sku,name,name_en,spec,unit,price,reorder_level';

describe('POST /api/import/products', () => {
  it('needs the admin token', async () => {
    expect((await app.current.post('/api/import/products', `${header}\nSKU-7001,A,,,,,`)).status).toBe(401);
  });

  it('is all or nothing, with an error per bad row', async () => {
    const before = await Product.countDocuments();
    const bad = [
      header,
      'SKU-7001,电源,Power Supply,65W,个,49,10',
      'nope,坏行,,,,,',
      'SKU-7002,,,,,,',
      'SKU-7001,重复,,,,,',
      'SKU-7003,负价,,,,-1,',
    ].join('\n');
    const res = await app.current.post('/api/import/products', bad, headers);
    expect(res.status).toBe(400);
    expect(res.json.rows).toEqual([
      { line: 3, message: 'sku must look like SKU-1001' },
      { line: 4, message: 'name is required' },
      { line: 5, message: 'sku SKU-7001 already appears on line 2' },
      { line: 6, message: 'price must be a number, 0 or more' },
    ]);
    expect(await Product.countDocuments()).toBe(before);
  });

  it('creates new SKUs and updates known ones', async () => {
    const csv = `${header}\nSKU-7001,电源,Power Supply,65W,个,49,10\nSKU-1001,路由器,Router X1,"Wi-Fi 6, 4 ports",台,429,25`;
    const res = await app.current.post('/api/import/products', csv, headers);
    expect(res.json).toEqual({ ok: true, created: 1, updated: 1 });
    expect(await Product.findOne({ sku: 'SKU-1001' }).lean()).toMatchObject({ price: 429, reorderLevel: 25 });
    expect(await Product.findOne({ sku: 'SKU-7001' }).lean()).toMatchObject({
      nameEn: 'Power Supply',
      unit: '个',
    });
    // the in-memory catalogue has them at once, by SKU and by name
    expect(cardOf(await say('zhou.qiang', 'stock SKU-7001')).title).toBe('SKU-7001 Power Supply');
    expect(cardOf(await say('zhou.qiang', '库存 电源')).title).toBe('SKU-7001 电源');
  });
});
