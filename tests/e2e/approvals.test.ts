import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Employee } from '../../db/models/employee.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, cards } = chatAs(app);
const lastCard = async (user: string, no: string) =>
  (await cards(user)).filter((c) => c.title.includes(no)).at(-1);
const doc = (no: string) => ApprovalRequest.findOne({ no }).lean();
const APPROVER_ACTIONS = [
  'approvals.approve',
  'approvals.reject',
  'approvals.approve-comment',
  'approvals.send-back',
  'approvals.add-signer',
  'approvals.ask',
];

describe('approvals through the web chat', () => {
  it('leave: request → manager card → approve → every copy updated, requester and CC told', async () => {
    const card = cardOf(await say('zhang.min', '请假 下周一 事假 家里有事'));
    const no = noOf(card);
    expect(card).toMatchObject({ subtitle: '审批中', status: 'pending' });
    expect(card.fields).toContainEqual(['类型', '事假']);

    const managerCard = await lastCard('wang.fang', no);
    expect(managerCard?.actions.map((a) => a.actionId)).toEqual(APPROVER_ACTIONS);

    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toBe(`已同意 ${no}，审批完成。`);
    expect((await lastCard('wang.fang', no))?.actions).toEqual([]);
    expect((await lastCard('wang.fang', no))?.subtitle).toBe('已通过');
    expect((await lastCard('zhang.min', no))?.subtitle).toBe('已通过');
    expect((await lastCard('sun.li', no))?.subtitle).toBe('已通过'); // HR is copied on leave
    expect((await doc(no))?.history.map((h) => h.action)).toEqual(['submitted', 'approved']);
    expect(await LeaveDay.countDocuments({ 'parts.requestId': no })).toBe(1); // written into attendance
  });

  it('expense over 1000 goes to the manager and then finance', async () => {
    const no = noOf(cardOf(await say('alice.chen', 'expense 1500 travel hotel in Boston')));
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toBe(`已同意 ${no}，已转下一步。`);
    expect((await lastCard('alice.chen', no))?.fields).toContainEqual(['Step', '2/2 finance']);
    expect((await lastCard('zhao.lei', no))?.actions[0]).toMatchObject({
      actionId: 'approvals.approve',
      value: no,
    });
    expect(textOf(await say('zhao.lei', `同意 ${no} 已核对`))).toBe(`已同意 ${no}，审批完成。`);
    expect((await doc(no))?.status).toBe('approved');
  });

  it('reject needs a reason and tells the requester', async () => {
    const no = noOf(cardOf(await say('bob.smith', 'trip Shanghai Dec 3 to Dec 5 visit Acme budget 3000')));
    expect(textOf(await click('chen.jie', 'approvals.reject', no))).toBe(`请回复：拒绝 ${no} <原因>`);
    expect(textOf(await say('chen.jie', `reject ${no}`))).toMatch(/^A rejection needs a reason\./);
    expect((await doc(no))?.status).toBe('pending');
    expect(textOf(await say('chen.jie', `拒绝 ${no} 预算不够`))).toBe(`已拒绝 ${no}。`);
    const told = await lastCard('bob.smith', no);
    expect(told?.subtitle).toBe('rejected');
    expect(told?.body).toMatch(/rejected: 预算不够$/);
  });

  it('refuses people who are not the current approver, and changes nothing', async () => {
    const no = noOf(cardOf(await say('zhang.min', 'expense 88 taxi client visit')));
    const before = await doc(no);
    expect(textOf(await click('alice.chen', 'approvals.approve', no))).toBe(
      `You are not a current approver of ${no}.`,
    );
    expect(textOf(await say('zhang.min', `同意 ${no}`))).toBe(`你不是 ${no} 当前的审批人。`);
    expect((await doc(no))?.version).toBe(before?.version);
  });

  it('one decision wins when the same approver double-clicks', async () => {
    const no = noOf(cardOf(await say('zhang.min', '报销 120 餐费 客户午餐')));
    const results = await Promise.all([1, 2, 3].map(() => click('wang.fang', 'approvals.approve', no)));
    const texts = results.map(textOf).sort();
    expect(texts.filter((t) => t === `已同意 ${no}，审批完成。`)).toHaveLength(1);
    expect(texts.filter((t) => t === `${no} 已通过。`)).toHaveLength(2);
    expect((await doc(no))?.history.filter((h) => h.action === 'approved')).toHaveLength(1);
  });

  it('an any-step with two approvers clicking together records one decision; the other is told who', async () => {
    await app.current.post(
      '/api/employees',
      {
        name: 'Helen HR',
        email: 'helen.hr@demo.example',
        department: 'HR',
        managerEmail: 'li.wei@demo.example',
        roles: ['hr'],
        locale: 'en',
      },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    const no = noOf(cardOf(await say('bob.smith', 'transfer Sales account-manager Jan 1 2027 career move')));
    await click('chen.jie', 'approvals.approve', no);
    await click('wang.fang', 'approvals.approve', no);
    expect((await doc(no))?.waitingFor).toHaveLength(2);
    const [a, b] = await Promise.all([
      click('sun.li', 'approvals.approve', no),
      click('helen.hr', 'approvals.approve', no),
    ]);
    const both = [textOf(a), textOf(b)];
    expect(both.filter((t) => /审批完成|fully approved/.test(t))).toHaveLength(1);
    expect(both.filter((t) => /already approved \(by 孙丽\)|已通过（Helen HR 处理）/.test(t))).toHaveLength(
      1,
    );
    const final = await doc(no);
    expect(final?.status).toBe('approved');
    expect(final?.history.filter((h) => h.action === 'approved')).toHaveLength(3);
  });

  it('withdraw, then a late approval is told it was withdrawn', async () => {
    const no = noOf(cardOf(await say('zhang.min', '通用审批 采购显示器：给新人配两台显示器')));
    expect(textOf(await click('zhang.min', 'approvals.withdraw', no))).toBe(`已撤回 ${no}。`);
    expect((await lastCard('wang.fang', no))?.subtitle).toBe('已撤回');
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toBe(`${no} 已撤回（张敏 处理）。`);
    expect(textOf(await say('alice.chen', `withdraw ${no}`))).toBe('Only the requester can do that.');
  });

  it('urge re-notifies the approvers at most once an hour', async () => {
    const no = noOf(cardOf(await say('zhang.min', '补卡 昨天 09:05 上班 忘记打卡')));
    const before = (await cards('wang.fang')).filter((c) => c.title.includes(no)).length;
    expect(textOf(await say('zhang.min', `催办 ${no}`))).toBe(`已催办 ${no}。`);
    expect((await cards('wang.fang')).filter((c) => c.title.includes(no)).length).toBe(before + 1);
    expect(textOf(await say('zhang.min', `催办 ${no}`))).toBe('一小时内只能催办一次。');
    await click('wang.fang', 'approvals.approve', no);
    const record = await AttendanceDay.findOne({ madeUpBy: no }).lean();
    expect(record).not.toBeNull(); // the approved make-up punch is the check-in
  });

  it('reassign hands the approval to someone else', async () => {
    const no = noOf(cardOf(await say('alice.chen', 'expense 60 office pens')));
    expect(textOf(await say('wang.fang', `转交 ${no} sun.li@demo.example`))).toBe(`已把 ${no} 转交出去。`);
    expect((await lastCard('sun.li', no))?.actions.map((a) => a.actionId)).toEqual(APPROVER_ACTIONS);
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(/^你不是/);
    expect(textOf(await click('sun.li', 'approvals.approve', no))).toMatch(/审批完成/);
  });

  it('onboarding creates the new hire, inactive until the start date', async () => {
    const no = noOf(
      cardOf(await say('wang.fang', '入职 刘洋 liu.yang@demo.example Sales wang.fang@demo.example 12月15日')),
    );
    const filed = await doc(no);
    expect(filed?.steps.map((s) => s.name)).toEqual(['hiring manager', 'HR']);
    // the hiring manager is the requester: the first step is passed up to her manager
    expect(textOf(await click('li.wei', 'approvals.approve', no))).toMatch(/next step|下一步/);
    await click('sun.li', 'approvals.approve', no);
    expect(await Employee.findOne({ email: 'liu.yang@demo.example' }).lean()).toMatchObject({
      name: '刘洋',
      active: false,
    });
  });

  it('the top of the company is approved at once', async () => {
    const card = cardOf(await say('li.wei', '请假 下周一 年假 休息'));
    expect(card.subtitle).toBe('已通过');
    expect(card.body).toMatch(/无需审批，自动通过/);
  });

  it('bad input gets the usage and writes nothing', async () => {
    const count = await ApprovalRequest.countDocuments({});
    expect(textOf(await say('zhang.min', 'expense -5 taxi'))).toMatch(
      /^the amount must be over 0.*\nUsage: expense/s,
    );
    expect(textOf(await say('zhang.min', '请假 12月5日到12月3日 年假 x'))).toMatch(
      /^结束日期早于开始日期（“12月5日到12月3日”）。\n用法：请假/,
    );
    // one missing piece is asked for alone
    expect(textOf(await say('zhang.min', '请假 明天'))).toBe('请什么假？年假、病假、事假、调休……');
    expect(textOf(await say('zhang.min', '同意'))).toMatch(/^请写上审批单号/);
    expect(textOf(await say('zhang.min', '同意 AP-999999'))).toBe('没有审批单 AP-999999。');
    expect(await ApprovalRequest.countDocuments({})).toBe(count);
  });

  it('lists my requests and what waits for me; shows one request only to those involved', async () => {
    const no = noOf(cardOf(await say('zhang.min', '报销 66 交通 地铁')));
    expect(cardOf(await say('zhang.min', '我的申请')).fields[0]?.[0]).toBe(`${no} 报销`);
    const pending = cardOf(await say('wang.fang', '待我审批'));
    expect(pending.fields.map(([k]) => k)).toContain(`${no} 报销`);
    expect(pending.actions).toContainEqual(
      expect.objectContaining({ actionId: 'approvals.approve', value: no }),
    );
    expect(cardOf(await say('li.wei', `查看审批 ${no}`)).title).toContain(no); // manager's manager
    expect(textOf(await say('bob.smith', `show request ${no}`))).toBe(`There is no request ${no}.`);
  });
});
