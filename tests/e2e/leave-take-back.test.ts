import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

// the tests' clock: Wednesday 2 December 2026; annual leave by default: 10 days earned by now
const app = useTestApp();
const { say, click } = chatAs(app);
const annualOf = async (user: string) =>
  cardOf(await say(user, '假期余额')).fields.find(([label]) => label === '年假')?.[1];

describe('withdrawing approved leave', () => {
  it('before it starts: the days come back to the balance and off the attendance calendar', async () => {
    const no = noOf(cardOf(await say('zhang.min', '请假 12月7日到12月9日 年假 旅游')));
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toBe(`已同意 ${no}，审批完成。`);
    expect(await LeaveDay.countDocuments({ 'parts.requestId': no })).toBe(3);
    expect(await annualOf('zhang.min')).toMatch(/^可用 7 天.*已休 3 天/);

    expect(textOf(await say('zhang.min', `撤回 ${no}`))).toBe(`已撤回 ${no}。`);
    expect((await ApprovalRequest.findById(no).lean())?.status).toBe('withdrawn');
    expect(await LeaveDay.countDocuments({ 'parts.requestId': no })).toBe(0);
    expect(await annualOf('zhang.min')).toMatch(/^可用 10 天.*已休 0 天，审批中 0 天/);
  });

  it('once it has begun, or for another type, an approved request stays as it is', async () => {
    const begun = noOf(cardOf(await say('alice.chen', 'leave today annual errands')));
    await click('wang.fang', 'approvals.approve', begun);
    expect(textOf(await say('alice.chen', `withdraw ${begun}`))).toMatch(
      new RegExp(`^${begun} is already approved`),
    );
    expect((await ApprovalRequest.findById(begun).lean())?.status).toBe('approved');
    expect(await LeaveDay.countDocuments({ 'parts.requestId': begun })).toBe(1);

    const expense = noOf(cardOf(await say('alice.chen', 'expense 320 taxi to client')));
    await click('wang.fang', 'approvals.approve', expense);
    expect(textOf(await say('alice.chen', `withdraw ${expense}`))).toMatch(
      new RegExp(`^${expense} is already approved`),
    );
    expect((await ApprovalRequest.findById(expense).lean())?.status).toBe('approved');
  });
});
