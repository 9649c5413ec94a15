import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Customer } from '../../db/models/customer.js';
import { CONTACT_KINDS, FollowUp } from '../../db/models/follow-up.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { chatAs } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';

const app = useTestApp();
const { say } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function raw(method: string, path: string, body?: string, headers: Record<string, string> = auth) {
  const res = await fetch(app.current.url + path, { method, headers, body });
  return { status: res.status, text: await res.text() };
}

describe('CRM admin API', () => {
  it('imports customers all-or-nothing, with per-row errors', async () => {
    const bad = [
      'name,city,industry,age,stage,owner_email,tags',
      '导入甲,杭州,制造,45,lead,zhang.min@demo.example,vip;老客户',
      '导入乙,杭州,制造,abc,lead,,',
      '导入甲,苏州,,,,nobody@demo.example,',
    ].join('\n');
    const refused = await raw('POST', '/api/import/customers', bad);
    expect(refused.status).toBe(400);
    const rows = JSON.parse(refused.text).rows.map((r: { line: number }) => r.line);
    expect(rows).toEqual([3, 4, 4]);
    expect(await Customer.countDocuments({ name: /^导入/ })).toBe(0);

    const good = [
      'name,city,industry,age,stage,owner_email,tags',
      '导入甲,杭州,制造,45,lead,zhang.min@demo.example,vip;老客户',
      '导入乙,苏州,零售,,,,',
    ].join('\n');
    const ok = await raw('POST', '/api/import/customers', good);
    expect(JSON.parse(ok.text)).toEqual({ ok: true, created: 2, updated: 0 });
    expect(await Customer.findOne({ name: '导入甲' }).lean()).toMatchObject({
      ageBand: '45-54',
      tags: ['vip', '老客户'],
    });
    expect((await Customer.findOne({ name: '导入乙' }).lean())?.ownerId).toBeNull();
    const again = await raw('POST', '/api/import/customers', good);
    expect(JSON.parse(again.text).rows[0].message).toMatch(/already exists/);
  });

  it('analytics JSON by city, from the counts kept on write', async () => {
    const res = await app.current.get('/api/crm/analytics?by=city', auth);
    expect(res.status).toBe(200);
    expect(res.json.by).toBe('city');
    const hangzhou = res.json.rows.find((r: { key: string }) => r.key === '杭州');
    expect(hangzhou?.count).toBeGreaterThanOrEqual(1);
    expect(res.json.total).toBe(await Customer.countDocuments({}));
    expect(res.json.total).toBeGreaterThanOrEqual(60); // the demo customers
    expect((await app.current.get('/api/crm/analytics?by=shoe', auth)).status).toBe(400);
    expect((await app.current.get('/api/crm/analytics?by=city')).status).toBe(401);
  });

  it('the recount rebuilds what customers keep on write; analytics read the same after it', async () => {
    const before = await app.current.get('/api/crm/analytics?by=owner', auth);
    const res = await raw('POST', '/api/crm/recount');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      customers: await Customer.countDocuments({}),
      followUps: await FollowUp.countDocuments({ kind: { $in: CONTACT_KINDS } }),
      missed: 0,
    });
    expect((await app.current.get('/api/crm/analytics?by=owner', auth)).json).toEqual(before.json);
    expect((await raw('POST', '/api/crm/recount', undefined, {})).status).toBe(401);
  });

  it('exports follow-ups in a date range as CSV', async () => {
    await say('zhang.min', '跟进 导入甲 电话 "报价", 下周再谈');
    const today = testNow().toISOString().slice(0, 10); // the export's days are UTC days
    const res = await raw('GET', `/api/export/followups?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('at,customer,by,kind,channel,note,next_at,stage');
    expect(lines.some((l) => l.includes('导入甲,张敏,note,call,"""报价"", 下周再谈"'))).toBe(true);
    expect((await raw('GET', '/api/export/followups?from=2026-01-01')).status).toBe(400);
  });

  it('exports follow-ups as a spreadsheet: times as dates, a note that looks like a formula stays text', async () => {
    await say('zhang.min', '跟进 导入甲 电话 =HYPERLINK("http://x.example","点我")');
    const today = testNow().toISOString().slice(0, 10);
    const res = await fetch(
      `${app.current.url}/api/export/followups?from=${today}&to=${today}&format=xlsx&lang=en`,
      { headers: auth },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Follow-ups');
    expect(sheet?.getRow(1).getCell(6).value).toBe('Note');
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.every((r) => r[1] instanceof Date)).toBe(true);
    const formulaLike = rows.find((r) => String(r[6]).includes('HYPERLINK'));
    expect(typeof formulaLike?.[6]).toBe('string');
    expect((await raw('GET', `/api/export/followups?from=${today}&to=${today}&format=pdf`)).status).toBe(400);
  });
});
