import { describe, expect, it } from 'vitest';
import { Contract } from '../../db/models/contract.js';
import { Employee } from '../../db/models/employee.js';
import { remindContracts } from '../../flows/contracts/reminders.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { recordingReminders } from '../helpers/reminders.js';

const app = useTestApp();
const { say, click, press } = chatAs(app);
const noIn = (text: string) => /HT-\d{4}-\d{4}/.exec(text)?.[0] ?? '';
const contract = (no: string) => Contract.findById(no).lean();
const idOf = async (user: string) =>
  String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);

describe('contracts through the web chat', () => {
  let no = '';

  it('customer → contract with two instalments → a payment on the first → one reminder for the second', async () => {
    await say('zhang.min', '新客户 青松合同测试 深圳');
    const created = textOf(
      await say(
        'zhang.min',
        '新合同 青松合同测试 50000 2026-12-01到2027-11-30 分期 20000 2026-12-15, 30000 2027-01-20',
      ),
    );
    no = noIn(created);
    expect(created).toMatch(/^已创建合同 HT-2026-\d{4}（青松合同测试，50,000.00 CNY），已生效。/);
    expect(await contract(no)).toMatchObject({
      status: 'active',
      amount: 50000,
      currency: 'CNY',
      instalments: [
        { n: 1, amount: 20000, dueDate: '2026-12-15', paid: 0 },
        { n: 2, amount: 30000, dueDate: '2027-01-20', paid: 0 },
      ],
    });

    const paid = textOf(await say('zhang.min', `收款 ${no} 20000 今天 银行转账`));
    expect(paid).toMatch(`已记录 ${no} 收款 20,000.00 CNY（第 1 期 20,000.00 CNY）。待收 30,000.00 CNY。`);
    expect((await contract(no))?.instalments.map((p) => p.paid)).toEqual([20000, 0]);

    const zhang = await idOf('zhang.min');
    const reminders = recordingReminders();
    const mine = () => reminders.sent.filter((s) => 'text' in s.reply && s.reply.text.includes(no));
    // Monday 2027-01-18 11:00 in Shanghai: two days before the second instalment
    const before = new Date('2027-01-18T03:00:00Z');
    await remindContracts(before, reminders);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.employeeId).toBe(zhang);
    expect(mine()[0]?.reply).toEqual({
      text: `💰 青松合同测试 合同 ${no} 第 2 期 30,000.00 CNY 将于 2027-01-20 到期（还有 2 天）。收到后：收款 ${no} <金额>`,
    });
    await remindContracts(before, reminders);
    await remindContracts(new Date(before.getTime() + 3_600_000), reminders);
    expect(mine()).toHaveLength(1);

    // after the due date: the overdue word, once
    const after = new Date('2027-01-22T03:00:00Z');
    await remindContracts(after, reminders);
    await remindContracts(after, reminders);
    expect(mine()).toHaveLength(2);
    expect(mine()[1]?.reply).toMatchObject({
      text: expect.stringContaining('已于 2027-01-20 到期，尚未收到'),
    });
  });

  it('bad input says what is off and writes nothing', async () => {
    const count = await Contract.countDocuments();
    const cases: [string, RegExp][] = [
      [
        '新合同 青松合同测试 50000 2026-12-01到2027-11-30 分期 20000 2026-12-15, 20000 2027-01-20',
        /各期合计 40,000.00 CNY，与合同金额 50,000.00 CNY 不符（差 10,000.00 CNY）/,
      ],
      ['新合同 青松合同测试 0 2026-12-01到2027-11-30', /合同金额须大于 0/],
      ['新合同 青松合同测试 200000000 2026-12-01到2027-11-30', /不超过 100,000,000/],
      ['新合同 青松合同测试 50000 2027-11-30到2026-12-01', /^结束日期早于开始日期/],
      ['新合同 青松合同测试 50000 2026-12-01到2027-11-30 分期 50000 2026-11-01', /早于合同开始日/],
      ['新合同 青松合同测试 50000', /请写上合同期限/],
      ['new contract Nobody Such Ltd 5000 Dec 1 to Dec 31', /No customer "Nobody Such Ltd"/],
    ];
    for (const [text, expected] of cases) expect(textOf(await say('zhang.min', text))).toMatch(expected);
    expect(await Contract.countDocuments()).toBe(count);
    expect(textOf(await say('zhang.min', `收款 ${no} 40000`))).toBe(
      `收款 40,000.00 CNY 超过了合同 ${no} 的待收金额 30,000.00 CNY。`,
    );
    expect((await contract(no))?.payments).toHaveLength(1);
  });

  it('over the line: waits for the contract approval, active once approved', async () => {
    const text = textOf(await say('zhang.min', '新合同 青松合同测试 150000 2026-12-01到2027-11-30'));
    const big = noIn(text);
    const ap = /AP-\d+/.exec(text)?.[0] ?? '';
    expect(text).toMatch(`超过审批线，已提交审批 ${ap}`);
    expect(await contract(big)).toMatchObject({ status: 'awaiting_approval', approvalNo: ap });
    expect(textOf(await say('zhang.min', `收款 ${big} 100`))).toMatch(/还在审批中/);
    await click('wang.fang', 'approvals.approve', ap);
    expect((await contract(big))?.status).toBe('awaiting_approval');
    await click('zhao.lei', 'approvals.approve', ap);
    expect((await contract(big))?.status).toBe('active');
  });

  it('owner, manager and finance see it; other sales and staff do not', async () => {
    expect(cardOf(await say('wang.fang', `合同 ${no}`)).title).toBe(`${no} · 青松合同测试`);
    expect(cardOf(await say('zhao.lei', `contract ${no}`)).fields).toContainEqual([
      'Receivable',
      '30,000.00 CNY',
    ]);
    expect(textOf(await say('alice.chen', `contract ${no}`))).toBe(`Contract ${no} is not yours to see.`);
    expect(textOf(await say('bob.smith', `contract ${no}`))).toBe(
      'Contracts are for sales, managers, finance and admins.',
    );
    expect(textOf(await say('alice.chen', `payment received ${no} 100`))).toBe(
      `Contract ${no} is not yours to see.`,
    );
    const mine = cardOf(await say('zhang.min', '我的合同'));
    expect(mine.body).toContain(`${no} · 青松合同测试 · 执行中 · 待收 30,000.00 CNY`);
    const customer = cardOf(await say('zhang.min', '客户 青松合同测试'));
    expect(customer.body).toContain(`${no} 待收 30,000.00 CNY · 下期 2027-01-20`);
  });

  it('a free sentence is shown in full first; Submit writes it once', async () => {
    const count = await Contract.countDocuments();
    const card = cardOf(await say('zhang.min', '跟青松合同测试签了一份 8000 的合同，2026-12-01到2027-05-31'));
    expect(card.fields).toContainEqual(['金额', '8,000.00 CNY']);
    expect(card.fields).toContainEqual(['分期', '1) 8,000.00 CNY 2026-12-01']);
    expect(await Contract.countDocuments()).toBe(count);
    const submit = card.actions.find((b) => b.actionId === 'confirm.submit');
    if (!submit) throw new Error('no Submit');
    expect(textOf(await press('zhang.min', submit))).toMatch(
      /^已创建合同 HT-2026-\d{4}（青松合同测试，8,000.00 CNY），已生效。/,
    );
    await press('zhang.min', submit);
    expect(await Contract.countDocuments()).toBe(count + 1);
  });

  it('the demo company has a running contract with a payment', async () => {
    const demo = await contract('HT-2026-0001');
    expect(demo).toMatchObject({ customerName: '华信科技', status: 'active', amount: 60000 });
    expect(demo?.payments.map((p) => p.amount)).toEqual([20000]);
    expect(demo?.instalments.map((p) => p.paid)).toEqual([20000, 0]);
  });

  it('exports contracts as CSV, one line per instalment (admin)', async () => {
    const res = await fetch(`${app.current.url}/api/export/contracts?status=active`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'contract,customer,owner,status,currency,amount,received,receivable,start,end,instalment,due_date,instalment_amount,instalment_paid,approval,attachment',
    );
    expect(lines).toContain(
      `${no},青松合同测试,张敏,active,CNY,50000.00,20000.00,30000.00,2026-12-01,2027-11-30,2,2027-01-20,30000.00,0.00,,`,
    );
    const bad = await fetch(`${app.current.url}/api/export/contracts?status=nope`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(bad.status).toBe(400);
  });
});
