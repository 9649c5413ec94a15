import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

// the tests' clock: Wednesday 2 December 2026; annual leave by default: 10 a year, monthly → 10 now
const app = useTestApp();
const { say, click } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const annualOf = async (user: string, text = '假期余额') =>
  cardOf(await say(user, text)).fields.find(([label]) => label === '年假')?.[1];

describe('leave balances through the web chat', () => {
  it('a request shows the balance before and after; pending holds it, rejection restores, approval takes it', async () => {
    expect(await annualOf('zhang.min')).toBe('可用 10 天（已累计 10 天，结转 0 天，已休 0 天，审批中 0 天）');
    const filed = cardOf(await say('zhang.min', '请假 12月7日到12月9日 年假 旅游'));
    expect(filed.fields).toContainEqual(['年假余额', '10 天 → 7 天']);
    expect(await annualOf('zhang.min')).toMatch(/^可用 7 天.*审批中 3 天/);

    const no = noOf(filed);
    expect(textOf(await say('wang.fang', `拒绝 ${no} 那周要交付`))).toBe(`已拒绝 ${no}。`);
    expect(await annualOf('zhang.min')).toMatch(/^可用 10 天.*已休 0 天，审批中 0 天/);

    const again = noOf(cardOf(await say('zhang.min', '请假 12月14日到12月16日 年假 旅游')));
    expect(textOf(await click('wang.fang', 'approvals.approve', again))).toBe(`已同意 ${again}，审批完成。`);
    expect(await annualOf('zhang.min')).toMatch(/^可用 7 天.*已休 3 天，审批中 0 天/);

    const withdrawn = noOf(cardOf(await say('zhang.min', '请假 12月21日 年假 休息')));
    expect(await annualOf('zhang.min')).toMatch(/^可用 6 天/);
    expect(textOf(await say('zhang.min', `撤回 ${withdrawn}`))).toBe(`已撤回 ${withdrawn}。`);
    expect(await annualOf('zhang.min')).toMatch(/^可用 7 天/);
  });

  it('refuses leave that would take a refusing kind below zero, writing nothing', async () => {
    const before = await ApprovalRequest.countDocuments();
    // Mon 4 to Fri 15 January 2027 (10 days) against 2027's opening 0.83 + carried 5
    const reply = textOf(await say('alice.chen', 'leave Jan 4 to Jan 15 annual long trip'));
    expect(reply).toBe(
      'Not enough annual leave: you have 5.83 d, this takes 10 d, which would leave -4.17 d.',
    );
    expect(await ApprovalRequest.countDocuments()).toBe(before);
    // said in a sentence: refused the same way, before any Submit is offered
    expect(
      textOf(await say('alice.chen', "I'd like annual leave from Jan 4 to Jan 15 for a long trip")),
    ).toBe('Not enough annual leave: you have 5.83 d, this takes 10 d, which would leave -4.17 d.');
    expect(await ApprovalRequest.countDocuments()).toBe(before);
  });

  it('a leave said in a sentence shows the balance on the card to confirm', async () => {
    const card = cardOf(await say('li.wei', '12月10日想休一天年假，回老家'));
    expect(card.fields).toContainEqual(['年假余额', '10 天 → 9 天']);
    expect(card.actions.map((a) => a.label)).toContain('提交');
  });

  it('sick leave over its balance goes to HR as an extra step', async () => {
    const card = cardOf(await say('bob.smith', 'leave Dec 7 to Dec 14 sick flu'));
    expect(card.fields).toContainEqual([
      'sick leave balance',
      '5 d → -1 d (over the balance: HR approves too)',
    ]);
    const doc = await ApprovalRequest.findById(noOf(card)).lean();
    expect(doc?.steps.map((s) => s.name)).toEqual(['manager', 'HR']);
  });

  it('own balance; managers their team’s; HR anyone’s; others are told no', async () => {
    expect(textOf(await say('zhang.min', '假期余额 孙丽'))).toBe('你只能查看自己和下属的假期余额。');
    expect(cardOf(await say('wang.fang', '假期余额 张敏')).title).toBe('假期余额 · 张敏 · 2026');
    expect(cardOf(await say('sun.li', 'leave balance bob.smith@demo.example')).title).toBe(
      'Leave balance · Bob Smith · 2026',
    );
    const team = cardOf(await say('wang.fang', '假期余额 团队'));
    expect(team.fields.map(([name]) => name).sort()).toEqual(['Alice Chen', '张敏']);
    expect(team.fields.find(([name]) => name === '张敏')?.[1]).toBe('年假 7 天 · 病假 5 天');
    expect(cardOf(await say('zhang.min', '假期余额 2027')).title).toBe('假期余额 · 张敏 · 2027');
  });

  it('answers bad input with what was wrong and the usage', async () => {
    expect(textOf(await say('zhang.min', '假期余额 1999'))).toBe(
      '年份 1999 不在范围内（2016–2027）。\n用法：假期余额 [姓名或邮箱|团队] [年份]',
    );
    expect(textOf(await say('zhang.min', '假期余额 无此人'))).toBe(
      '找不到“无此人”。用法：假期余额 [姓名或邮箱|团队] [年份]',
    );
  });

  it('understands the question in a sentence, in either language', async () => {
    expect(cardOf(await say('zhang.min', '我还有几天年假')).title).toBe('假期余额 · 张敏 · 2026');
    expect(cardOf(await say('bob.smith', 'how many vacation days do I have left')).title).toBe(
      'Leave balance · Bob Smith · 2026',
    );
  });

  it('admin: the policy is read and replaced whole (a bad one refused), and balances export as CSV', async () => {
    const { current } = app;
    expect((await current.get('/api/leave/policy', auth)).json.types.annual.entitlement).toBe(10);
    const bad = await fetch(`${current.url}/api/leave/policy`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ startYear: 2026, types: { annual: { entitlement: -1, accrual: 'monthly' } } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/^types\.annual\./) });

    const csv = await fetch(`${current.url}/api/reports/leave-balances?date=2026-12-02`, { headers: auth });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^employee,email,department,kind,year,as_of,entitlement,accrued,adjusted,/);
    expect(lines).toContain(
      '张敏,zhang.min@demo.example,Sales,annual,2026,2026-12-02,10,10,0,0,0,0,0,,3,0,7',
    );

    const policy = (await current.get('/api/leave/policy', auth)).json;
    const good = await fetch(`${current.url}/api/leave/policy`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...policy,
        types: {
          ...policy.types,
          annual: { ...policy.types.annual, entitlement: 12 },
          sick: { ...policy.types.sick, unit: 'hours' },
        },
      }),
    });
    expect(good.status).toBe(200);
    expect(await annualOf('zhang.min')).toMatch(/^可用 9 天（已累计 12 天/);
    const sick = cardOf(await say('zhang.min', '假期余额')).fields.find(([label]) => label === '病假')?.[1];
    expect(sick).toBe('可用 40 小时（已累计 40 小时，结转 0 小时，已休 0 小时，审批中 0 小时）');
  });

  it('admin: an opening balance or correction is added once per id; a bad one is refused', async () => {
    const adjust = (body: unknown) => app.current.post('/api/leave/adjustments', body, auth);
    const opening = {
      id: 'opening-2026-zhang.min',
      email: 'zhang.min@demo.example',
      kind: 'annual',
      year: 2026,
      days: 1.5,
    };
    expect((await adjust(opening)).status).toBe(200);
    expect((await adjust(opening)).status).toBe(200); // a retry
    expect(await annualOf('zhang.min')).toBe(
      '可用 10.5 天（已累计 12 天，结转 0 天，已休 3 天，审批中 0 天）；人事调整 1.5 天',
    );
    expect(await adjust({ ...opening, id: 'x1', kind: 'personal' })).toEqual({
      status: 400,
      json: { error: 'kind: personal has no balance in the policy' },
    });
    expect((await adjust({ ...opening, id: 'x2', days: 0.3 })).json.error).toMatch(
      /^days: whole or half days/,
    );
    expect((await adjust({ ...opening, id: 'x3', email: 'nobody@demo.example' })).status).toBe(400);
  });
});
