import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { LeaveYear, type LeaveYearDoc, leaveYearKey } from '../../db/models/leave-year.js';
import type { Reply } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { chatAs, demo, textOf } from '../helpers/chat.js';

// the tests' clock: Wednesday 2 December 2026; annual leave by default: 10 days earned by now
const app = useTestApp();
const { say } = chatAs(app);

const submitForm = async (user: string, values: Record<string, string>, eventId: string) => {
  const res = await app.current.post('/web/api/forms', {
    employee: demo(user),
    intent: 'approvals.leave',
    values,
    eventId,
  });
  return res.json.replies as Reply[];
};

/** Someone's leave requests and the requests their 2026 ledger holds days for (the demo files some). */
async function leaveOf(user: string) {
  const me = await Employee.findOne({ email: demo(user) }).lean();
  const requests = await ApprovalRequest.find({ requesterId: me?._id, type: 'leave' }).lean();
  const ledger = await LeaveYear.findById(leaveYearKey(String(me?._id), 2026)).lean<LeaveYearDoc>();
  return { nos: requests.map((r) => r.no), held: (ledger?.entries ?? []).map((e) => e.no) };
}

/** What happened between two reads of `leaveOf`: requests filed, days held. */
const added = (before: string[], after: string[]) => after.filter((no) => !before.includes(no));

const filed = (replies: Reply[]) => /AP-\d+/.exec(textOf(replies))?.[0];

describe('two leave requests at once against a balance for one of them', () => {
  it('chat and web form together: one is filed and holds its days; the other is refused naming the balance', async () => {
    // 6 working days each (Mon 7 – Mon 14, Tue 15 – Tue 22 December) against 10 available
    const before = await leaveOf('zhang.min');
    const [chat, form] = await Promise.all([
      say('zhang.min', '请假 12月7日到12月14日 年假 旅游'),
      submitForm(
        'zhang.min',
        { kind: 'annual', from: '2026-12-15', to: '2026-12-22', reason: '回家' },
        'race-1',
      ),
    ]);
    const won = [chat, form].filter(filed);
    const lost = [chat, form].filter((r) => !filed(r));
    expect(won).toHaveLength(1);
    expect(textOf(lost[0] ?? [])).toBe('年假余额不足：现有 4 天，这次要 6 天，请完将是 -2 天。');
    const after = await leaveOf('zhang.min');
    expect(added(before.nos, after.nos)).toEqual([filed(won[0] ?? [])]);
    expect(added(before.held, after.held)).toEqual([filed(won[0] ?? [])]);
  });

  it('two chat messages in English: the same, in the language typed', async () => {
    const before = await leaveOf('alice.chen');
    const [a, b] = await Promise.all([
      say('alice.chen', 'leave Dec 7 to Dec 14 annual trip'),
      say('alice.chen', 'leave Dec 15 to Dec 22 annual trip'),
    ]);
    expect([a, b].filter(filed)).toHaveLength(1);
    expect(textOf([a, b].find((r) => !filed(r)) ?? [])).toBe(
      'Not enough annual leave: you have 4 d, this takes 6 d, which would leave -2 d.',
    );
    const after = await leaveOf('alice.chen');
    const won = [filed([a, b].find(filed) ?? [])];
    expect(added(before.nos, after.nos)).toEqual(won);
    expect(added(before.held, after.held)).toEqual(won);
  });

  it('a kind that may go below zero with HR approving: the second of two at once gets the HR step', async () => {
    // sick leave: 5 days a year; 3 + 3 working days (Mon 7 – Wed 9, Mon 14 – Wed 16 December)
    const [a, b] = await Promise.all([
      say('bob.smith', 'leave Dec 7 to Dec 9 sick flu'),
      say('bob.smith', 'leave Dec 14 to Dec 16 sick flu'),
    ]);
    const routes = await Promise.all(
      [a, b].map(async (r) => (await ApprovalRequest.findById(filed(r)).lean())?.steps.map((s) => s.name)),
    );
    expect(routes.map((r) => r?.join('+')).sort()).toEqual(['manager', 'manager+HR']);
  });
});
