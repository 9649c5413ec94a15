import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, demo, noOf, textOf } from '../helpers/chat.js';

// The company works in euros here; bob.smith (Los Angeles) has his own USD in the demo company.
const app = useTestApp({ CURRENCY: 'eur' });
const { say } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const patch = async (user: string, body: unknown) => {
  const res = await fetch(`${app.current.url}/api/employees/${demo(user)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
};
const amountOf = async (user: string, text: string) => {
  const card = cardOf(await say(user, text));
  const stored = await ApprovalRequest.findOne({ no: noOf(card) }).lean();
  return { shown: card.fields.find(([l]) => ['Amount', '金额', 'Budget', '预算'].includes(l))?.[1], stored };
};

describe('the default currency: the person’s own, else the company’s', () => {
  it('amounts written without a currency take the company’s, or the person’s own when set', async () => {
    expect((await amountOf('zhang.min', '报销 88 打车 去机场')).shown).toBe('88.00 EUR');
    expect((await amountOf('bob.smith', 'expense 2000 travel flight to NYC')).shown).toBe('2000.00 USD');
    // a currency written out always wins
    expect((await amountOf('bob.smith', 'expense 45.50 CNY meals lunch in Shanghai')).shown).toBe(
      '45.50 CNY',
    );
    const trip = await amountOf('bob.smith', 'trip Boston next monday visit Acme budget 3000');
    expect(trip.shown).toBe('3000.00 USD');
    expect(trip.stored?.data).toMatchObject({ estimatedCost: 3000, currency: 'USD' });
  });

  it('an admin sets or clears a person’s currency; a code that is not ISO 4217 is refused', async () => {
    const set = await patch('zhang.min', { currency: 'hkd' });
    expect(set.status).toBe(200);
    expect(set.json.employee.currency).toBe('HKD');
    expect((await amountOf('zhang.min', '报销 120 打车 去客户那里')).shown).toBe('120.00 HKD');
    expect(cardOf(await say('zhang.min', '我是谁')).fields).toContainEqual(['默认币种', 'HKD']);

    const bad = await patch('zhang.min', { currency: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^currency: is not an ISO 4217 currency code/);
    expect((await Employee.findOne({ email: demo('zhang.min') }).lean())?.currency).toBe('HKD');

    expect((await patch('zhang.min', { currency: null })).json.employee.currency).toBeNull();
    expect((await amountOf('zhang.min', '报销 66 打车 回公司')).shown).toBe('66.00 EUR');
    expect(cardOf(await say('zhang.min', 'whoami')).fields).toContainEqual([
      'Default currency',
      'EUR (company default)',
    ]);
  });

  it('the staff CSV carries a currency column, checked like the rest, all or nothing', async () => {
    const header = 'name,email,department,manager_email,roles,locale,timezone,currency';
    const post = (csv: string) =>
      fetch(`${app.current.url}/api/import/employees`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...auth },
        body: csv,
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    const bad = await post(
      `${header}\nGrace,grace@demo.example,Sales,wang.fang@demo.example,sales,en,Europe/London,POUND`,
    );
    expect(bad).toEqual({
      status: 400,
      json: {
        error: 'nothing imported',
        rows: [{ line: 2, message: 'currency is not an ISO 4217 currency code (e.g. CNY, USD, EUR)' }],
      },
    });
    const good = await post(
      `${header}\nGrace,grace@demo.example,Sales,wang.fang@demo.example,sales,en,Europe/London,gbp`,
    );
    expect(good.json).toEqual({ ok: true, created: 1, updated: 0 });
    expect((await amountOf('grace', 'expense 12 taxi to the station')).shown).toBe('12.00 GBP');
  });

  it('purchases are priced in the company’s currency', async () => {
    const card = cardOf(await say('zhou.qiang', '采购 深圳华强 SKU-1001x10 单价 12'));
    expect(card.fields).toContainEqual(['金额', '120 EUR']);
    const over = await say('zhou.qiang', 'purchase 深圳华强 SKU-1001x1000@12');
    expect(textOf(over)).toMatch(/^PO-\d+ 金额 12000 EUR 超过审批线/);
  });
});
