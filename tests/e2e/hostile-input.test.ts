import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Customer } from '../../db/models/customer.js';
import { Employee } from '../../db/models/employee.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { Product } from '../../db/models/product.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { chatAs, textOf } from '../helpers/chat.js';

/** Input a hostile tester sent (issue 20): each gets a short refusal, never a hang or a 500. */
const app = useTestApp();
const { say, click } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const download = async (path: string) => {
  const res = await fetch(app.current.url + path, { headers: auth });
  return { status: res.status, text: await res.text() };
};

describe('months and dates from input are bounded', () => {
  it('the attendance report refuses a month beyond ten years instead of freezing', async () => {
    for (const month of ['9999-12', '2099-12', '1900-01']) {
      for (const path of ['/api/reports/attendance', '/api/reports/attendance/summary']) {
        const res = await app.current.get(`${path}?month=${month}`, auth);
        expect(res.status, `${path} ${month}`).toBe(400);
        expect(res.json.error).toBe('month: month must be within 10 years of today');
      }
    }
    const recount = await app.current.post('/api/reports/attendance/recount?month=9999-12', undefined, auth);
    expect(recount.status).toBe(400);
    expect((await app.current.get('/api/reports/attendance/summary?month=2026-11', auth)).status).toBe(200);
  });

  it('the chat refuses a month that is not one, or too far back, and writes nothing', async () => {
    const before = await AttendanceDay.countDocuments({});
    expect(textOf(await say('li.wei', '考勤 2026-13'))).toMatch(/^“2026-13”不是有效的月份/);
    expect(textOf(await say('bob.smith', 'attendance 1990-01'))).toBe(
      '"1990-01" is not a valid month (e.g. 2026-11).\nUsage: attendance [month]',
    );
    expect(textOf(await say('li.wei', '考勤 9999-12'))).toBe(
      '“9999-12”不是有效的月份（例如 2026-11）。\n用法：考勤 [月份]',
    );
    expect(await AttendanceDay.countDocuments({})).toBe(before);
  });
});

describe('the follow-up export takes real days in a bounded range', () => {
  it('refuses a day that does not exist, one too far off, or a range over a year, naming the problem', async () => {
    const cases: [string, string][] = [
      ['from=2026-99-99&to=2026-12-01', 'from: no such day'],
      ['from=2026-02-01&to=2026-02-30', 'to: no such day'],
      ['from=9999-12-31&to=9999-12-31', 'from: the date must be within 10 years of today'],
      ['from=2025-01-01&to=2026-12-01', 'at most 366 days per export'],
      ['from=2026-12-01&to=2026-11-01', 'to is before from'],
      ['from=2026-1-1&to=2026-12-01', 'from and to are required, as YYYY-MM-DD'],
    ];
    for (const [query, error] of cases) {
      const res = await app.current.get(`/api/export/followups?${query}`, auth);
      expect([query, res.status, res.json]).toEqual([query, 400, { error }]);
    }
    expect((await download('/api/export/followups?from=2025-12-02&to=2026-12-02')).status).toBe(200);
  });
});

describe('exports never hand a spreadsheet a formula', () => {
  it('a follow-up note or customer name starting with = + - @ tab or CR is exported as text', async () => {
    const csv = 'name,city\n"=HYPERLINK(""http://x.example"")",杭州';
    const imported = await fetch(`${app.current.url}/api/import/customers`, {
      method: 'POST',
      headers: auth,
      body: csv,
    });
    expect(imported.status).toBe(200);
    const customer = await Customer.findOne({ name: '=HYPERLINK("http://x.example")' }).orFail();
    const at = new Date('2026-06-15T03:00:00Z');
    const notes = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '平常的备注'];
    await FollowUp.insertMany(
      notes.map((note, i) => ({ customerId: customer._id, at: new Date(+at + i), note })),
    );
    const res = await download('/api/export/followups?from=2026-06-15&to=2026-06-15');
    expect(res.status).toBe(200);
    const rows = res.text.split('\r\n').filter((l) => l.includes('HYPERLINK'));
    expect(rows.map((l) => l.split(',').slice(5).join(','))).toEqual([
      "'=cmd|' /C calc'!A0,,",
      "'+1+1,,",
      "'-2+3,,",
      "'@SUM(A1),,",
      "'\t=1+1,,",
      `"'\r=1+1",,`,
      '平常的备注,,',
    ]);
    expect(rows.every((l) => l.includes(`"'=HYPERLINK(""http://x.example"")"`))).toBe(true);
  });
});

describe('the pool is for sales, by text as by button', () => {
  it('a manager outside sales cannot take a pool customer by name; a salesperson can', async () => {
    await say('zhang.min', '新客户 公海测试乙 北京');
    expect(textOf(await say('zhang.min', '放弃 公海测试乙 测试'))).toBe(
      '已放弃 公海测试乙（原因：其他），客户回到公海。',
    );
    const pooled = await Customer.findOne({ name: '公海测试乙' }).orFail();
    expect(pooled.ownerId).toBeNull();

    expect(textOf(await say('chen.jie', '领取 公海测试乙'))).toBe('客户“公海测试乙”不归你管，无权查看。');
    expect(textOf(await click('chen.jie', 'crm.pool.claim', String(pooled._id)))).toBe(
      '客户“公海测试乙”不归你管，无权查看。',
    );
    expect((await Customer.findById(pooled._id).lean())?.ownerId).toBeNull();

    expect(textOf(await say('alice.chen', 'claim 公海测试乙'))).toBe('已领取 公海测试乙，现在由你负责。');
    expect((await Customer.findById(pooled._id).lean())?.ownerId).not.toBeNull();
  });
});

describe('web ids are deduplicated per sender', () => {
  const send = (user: string, messageId: string, text: string) =>
    app.current.post('/web/api/messages', { employee: `${user}@demo.example`, text, messageId });
  const press = (user: string, eventId: string) =>
    app.current.post('/web/api/actions', {
      employee: `${user}@demo.example`,
      actionId: 'attendance.checkIn',
      eventId,
    });

  it('the same messageId from two employees is two messages; from one, a duplicate', async () => {
    const a = await send('zhang.min', 'client-1', '签到');
    const b = await send('wang.fang', 'client-1', '签到');
    expect(a.json.replies[0].card.title).toMatch(/^已签到/);
    expect(b.json.replies[0].card.title).toMatch(/^已签到/);
    expect((await send('zhang.min', 'client-1', '签到')).json).toEqual({ replies: [], duplicate: true });
  });

  it('the same card-click eventId from two employees is two clicks', async () => {
    const a = await press('sun.li', 'click-1');
    const b = await press('zhou.qiang', 'click-1');
    expect(a.json.replies[0].card.title).toMatch(/^已签到/);
    expect(b.json.replies[0].card.title).toMatch(/^已签到/);
    expect((await press('sun.li', 'click-1')).json).toEqual({ replies: [], duplicate: true });
  });
});

describe('numbers that run on, or past the maxima, are refused by name', () => {
  it('an amount like 1e3 or 1500.5.5 is not filed as 1.00 or 1500.50', async () => {
    const before = await ApprovalRequest.countDocuments({});
    expect(textOf(await say('bob.smith', 'expense 1e3 USD meals lunch'))).toBe(
      'I could not read "1e3"; nothing was recorded.\nUsage: expense <amount> [currency] <travel|meals|taxi|office…> <reason> [receipt link]',
    );
    expect(textOf(await say('bob.smith', 'expense 1500.5.5 CNY meals lunch'))).toMatch(
      /^I could not read "1500\.5\.5"; nothing was recorded\./,
    );
    expect(textOf(await say('zhang.min', '报销 1e3 元 餐费 午饭'))).toMatch(/^看不懂“1e3”，什么也没有记录。/);
    expect(textOf(await say('bob.smith', 'trip Shanghai Dec 3 to Dec 5 visit budget 1e3'))).toMatch(
      /^I could not read "budget 1e3"/,
    );
    expect(await ApprovalRequest.countDocuments({})).toBe(before);
  });

  it('a quantity past 1,000,000 or written 1e17 is refused, naming the maximum; nothing moves', async () => {
    const levels = await StockLevel.find({}).lean();
    const movements = await StockMovement.countDocuments({});
    const orders = await SalesOrder.countDocuments({});
    const qtyProblem = 'The quantity must be a whole number from 1 to 1,000,000.';
    expect(textOf(await say('bob.smith', 'stock in SKU-1001 99999999999999999999'))).toMatch(
      new RegExp(`^${qtyProblem.replace(/[.]/g, '\\.')}`),
    );
    expect(textOf(await say('bob.smith', 'stock in SKU-1001 1e3'))).toMatch(
      /^The quantity must be a whole number/,
    );
    for (const order of [
      '下单 星河电子 SKU-1001x1e17',
      '下单 星河电子 SKU-1001 x 1e17',
      '下单 星河电子 SKU-1001x100000000000000000',
    ])
      expect(textOf(await say('zhang.min', order)), order).toMatch(/^数量须为正整数（最多 1,000,000）。/);
    expect(await StockLevel.find({}).lean()).toEqual(levels);
    expect(await StockMovement.countDocuments({})).toBe(movements);
    expect(await SalesOrder.countDocuments({})).toBe(orders);
  });
});

describe('names with NUL or text-direction characters are refused', () => {
  const hidden = ['\u0000', '\u202A', '\u202D', '\u202E', '\u2066', '\u2069'];
  const csv = (path: string, body: string) =>
    fetch(`${app.current.url}/api${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body,
    }).then(async (r) => ({ status: r.status, json: await r.json() }));

  it('in employees created or imported by the admin API', async () => {
    const before = await Employee.countDocuments({});
    for (const ch of hidden) {
      const res = await app.current.post(
        '/api/employees',
        { name: `Mallory${ch}gpj.exe`, email: 'mallory@demo.example' },
        auth,
      );
      expect([JSON.stringify(ch), res.status, res.json.error]).toEqual([
        JSON.stringify(ch),
        400,
        'name: must not contain control or text-direction characters',
      ]);
    }
    const imported = await csv('/import/employees', `name,email\nEve\u202Eevil,eve2@demo.example`);
    expect(imported).toEqual({
      status: 400,
      json: {
        error: 'nothing imported',
        rows: [{ line: 2, message: 'name must not contain control or text-direction characters' }],
      },
    });
    expect(await Employee.countDocuments({})).toBe(before);
  });

  it('in customers imported or created in chat, and products imported', async () => {
    const customers = await Customer.countDocuments({});
    const imported = await csv('/import/customers', 'name,city\n坏\u2066名字,杭州');
    expect(imported.status).toBe(400);
    expect(imported.json.rows[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/text-direction/),
    });
    expect(textOf(await say('zhang.min', '新客户 坏\u202E名字 北京'))).toMatch(/text-direction/);
    expect(await Customer.countDocuments({})).toBe(customers);

    const products = await Product.countDocuments({});
    const refused = await csv('/import/products', 'sku,name,name_en\nSKU-7100,电源\u202D,Power');
    expect(refused.status).toBe(400);
    const english = await csv('/import/products', 'sku,name,name_en\nSKU-7101,电源,Pow\u0000er');
    expect(english.status).toBe(400);
    expect(await Product.countDocuments({})).toBe(products);
  });
});
