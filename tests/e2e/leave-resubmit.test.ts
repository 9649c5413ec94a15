import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { LeaveYear, type LeaveYearDoc, leaveYearKey } from '../../db/models/leave-year.js';
import type { Reply } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, demo, noOf, textOf } from '../helpers/chat.js';

// the tests' clock: Wednesday 2 December 2026; annual leave by default: 10 days earned by now.
// Working days: Mon 7 – Mon 14 December is 6, Mon 7 – Wed 9 is 3, Mon 7 – Tue 22 is 12.
const app = useTestApp();
const { say, cards } = chatAs(app);

const file = async (user: string, text: string) => noOf(cardOf(await say(user, text)));
const doc = (no: string) => ApprovalRequest.findById(no).lean();
const annualOf = async (user: string, text = '假期余额') =>
  cardOf(await say(user, text)).fields.find(([label]) => label === '年假' || label === 'annual leave')?.[1];
const sickOf = async (user: string) =>
  cardOf(await say(user, 'leave balance')).fields.find(([label]) => label === 'sick leave')?.[1];

/** One person's ledger of a year: each event's key and days, in the order written. */
async function ledgerOf(user: string, year = 2026) {
  const me = await Employee.findOne({ email: demo(user) }).lean();
  const doc = await LeaveYear.findById(leaveYearKey(String(me?._id), year)).lean<LeaveYearDoc>();
  return (doc?.entries ?? []).map((e) => `${e.key} ${e.days}`);
}

const resubmitForm = async (user: string, values: Record<string, string>, eventId: string) => {
  const res = await app.current.post('/web/api/forms', {
    employee: demo(user),
    intent: 'approvals.resubmit.leave',
    values,
    eventId,
  });
  return (res.json.replies ?? []) as Reply[];
};

describe('resubmitting leave that was sent back (退回)', () => {
  it('the same days again: accepted against the balance it already holds, and held once', async () => {
    const no = await file('zhang.min', '请假 12月7日到12月14日 年假 旅游');
    expect(await annualOf('zhang.min')).toBe('可用 4 天（已累计 10 天，结转 0 天，已休 0 天，审批中 6 天）');
    expect(textOf(await say('wang.fang', `退回 ${no} 日期再确认一下`))).toBe(`已退回 ${no}。`);
    // while it waits for its requester, its days stay held
    expect(await annualOf('zhang.min')).toMatch(/^可用 4 天.*审批中 6 天/);

    expect(textOf(await say('zhang.min', `重新提交 ${no}`))).toBe(`已重新提交 ${no}，等待审批。`);
    expect(await annualOf('zhang.min')).toBe('可用 4 天（已累计 10 天，结转 0 天，已休 0 天，审批中 6 天）');
    // the approver's new card shows the balance as it was before this request, not after it
    const card = (await cards('wang.fang')).filter((c) => c.title.includes(no)).at(-1);
    expect(card?.fields).toContainEqual(['年假余额', '10 天 → 4 天']);

    expect(textOf(await say('wang.fang', `同意 ${no}`))).toBe(`已同意 ${no}，审批完成。`);
    expect(await annualOf('zhang.min')).toBe('可用 4 天（已累计 10 天，结转 0 天，已休 6 天，审批中 0 天）');
  });

  it('fewer days: the hold shrinks to them, and approval takes exactly them', async () => {
    const no = await file('alice.chen', 'leave Dec 7 to Dec 14 annual trip');
    expect(textOf(await say('wang.fang', `send back ${no} too long in the busy season`))).toBe(
      `Sent ${no} back.`,
    );
    expect(textOf(await say('alice.chen', `resubmit ${no} Dec 7 to Dec 9`))).toBe(
      `Resubmitted ${no}; it waits for approval again.`,
    );
    expect((await doc(no))?.data).toMatchObject({ from: '2026-12-07', to: '2026-12-09', days: 3 });
    expect(await annualOf('alice.chen', 'leave balance')).toBe(
      '7 d available (10 d earned, 0 d carried over, 0 d taken, 3 d pending)',
    );
    expect(textOf(await say('wang.fang', `同意 ${no}`))).toBe(`已同意 ${no}，审批完成。`);
    expect(await annualOf('alice.chen', 'leave balance')).toBe(
      '7 d available (10 d earned, 0 d carried over, 3 d taken, 0 d pending)',
    );
    // the first filing's hold was given back; the resubmission's is what approval took
    expect(await ledgerOf('alice.chen')).toEqual([
      `${no}:annual:hold 6`,
      `${no}:r2:annual:hold 3`,
      `${no}:annual:restore 6`,
      `${no}:r2:annual:deduct 3`,
    ]);
  });

  it('more days than there are: refused naming the balance; the request stays returned, its hold as it was', async () => {
    const no = await file('wu.jun', '请假 12月7日到12月14日 年假 旅游');
    expect(textOf(await say('zhou.qiang', `退回 ${no} 太长了`))).toBe(`已退回 ${no}。`);
    const before = { doc: await doc(no), ledger: await ledgerOf('wu.jun') };

    expect(textOf(await say('wu.jun', `重新提交 ${no} 12月7日到12月22日`))).toBe(
      '年假余额不足：现有 10 天，这次要 12 天，请完将是 -2 天。',
    );
    expect(await doc(no)).toEqual(before.doc);
    expect(await ledgerOf('wu.jun')).toEqual(before.ledger);
    expect(await annualOf('wu.jun')).toMatch(/^可用 4 天.*审批中 6 天/);

    // fixed and resubmitted, then rejected: exactly the new days come back
    expect(textOf(await say('wu.jun', `重新提交 ${no} 12月7日到12月8日`))).toBe(
      `已重新提交 ${no}，等待审批。`,
    );
    expect(await annualOf('wu.jun')).toMatch(/^可用 8 天.*审批中 2 天/);
    expect(textOf(await say('zhou.qiang', `拒绝 ${no} 年底不行`))).toBe(`已拒绝 ${no}。`);
    expect(await annualOf('wu.jun')).toBe('可用 10 天（已累计 10 天，结转 0 天，已休 0 天，审批中 0 天）');
    expect(await ledgerOf('wu.jun')).toEqual([
      `${no}:annual:hold 6`,
      `${no}:r2:annual:hold 2`,
      `${no}:annual:restore 6`,
      `${no}:r2:annual:restore 2`,
    ]);
  });

  it('moved into the next year: the old year gets its days back, the new one holds them', async () => {
    const no = await file('chen.jie', '请假 12月7日到12月14日 年假 旅游');
    expect(textOf(await say('li.wei', `退回 ${no} 改到明年初吧`))).toBe(`已退回 ${no}。`);
    expect(textOf(await say('chen.jie', `重新提交 ${no} 2027年1月4日到2027年1月6日`))).toBe(
      `已重新提交 ${no}，等待审批。`,
    );
    expect(await annualOf('chen.jie')).toBe('可用 10 天（已累计 10 天，结转 0 天，已休 0 天，审批中 0 天）');
    // 2027 opens with 0.83 earned and 5 carried (the cap): 3 of them held
    expect(await annualOf('chen.jie', '假期余额 2027')).toMatch(/^可用 2.83 天.*结转 5 天.*审批中 3 天/);
    expect(await ledgerOf('chen.jie', 2027)).toEqual([`${no}:r2:annual:hold 3`]);
  });

  it('a retried resubmission (the same event) and a second one change nothing', async () => {
    const no = await file('zhou.qiang', '请假 12月7日到12月14日 年假 旅游');
    expect(textOf(await say('li.wei', `退回 ${no} 太长了`))).toBe(`已退回 ${no}。`);
    const values = { no, kind: 'annual', from: '2026-12-07', to: '2026-12-09', reason: '旅游' };
    expect(textOf(await resubmitForm('zhou.qiang', values, 'resubmit-1'))).toBe(
      `已重新提交 ${no}，等待审批。`,
    );
    const after = { doc: await doc(no), ledger: await ledgerOf('zhou.qiang') };
    expect(after.ledger).toEqual([`${no}:annual:hold 6`, `${no}:r2:annual:hold 3`, `${no}:annual:restore 6`]);

    await resubmitForm('zhou.qiang', values, 'resubmit-1');
    expect(textOf(await resubmitForm('zhou.qiang', values, 'resubmit-2'))).toMatch(/没有被退回/);
    expect(await doc(no)).toEqual(after.doc);
    expect(await ledgerOf('zhou.qiang')).toEqual(after.ledger);
    expect(await annualOf('zhou.qiang')).toMatch(/^可用 7 天.*审批中 3 天/);
  });

  it('a resubmission racing a new filing never overdraws: one of them is refused', async () => {
    // 2 days held, sent back; then at once: the same request for 6 days, and a new one for 6
    const no = await file('zhao.lei', '请假 12月7日到12月8日 年假 旅游');
    expect(textOf(await say('li.wei', `退回 ${no} 再想想`))).toBe(`已退回 ${no}。`);
    const [again, fresh] = await Promise.all([
      say('zhao.lei', `重新提交 ${no} 12月7日到12月14日`),
      say('zhao.lei', '请假 12月15日到12月22日 年假 回家'),
    ]);
    const refused = '年假余额不足：现有 4 天，这次要 6 天，请完将是 -2 天。';
    const outcomes = [textOf(again), textOf(fresh)];
    expect(outcomes.filter((o) => o === refused)).toHaveLength(1);
    // the resubmission first: it holds 6; the filing first: it holds 6 and the request keeps its 2
    const resubmitted = outcomes[0] !== refused;
    expect((await doc(no))?.status).toBe(resubmitted ? 'pending' : 'returned');
    expect(await annualOf('zhao.lei')).toBe(
      resubmitted
        ? '可用 4 天（已累计 10 天，结转 0 天，已休 0 天，审批中 6 天）'
        : '可用 2 天（已累计 10 天，结转 0 天，已休 0 天，审批中 8 天）',
    );
  });

  it('the HR step is worked out again: not for the same days, added for days over the balance', async () => {
    // sick leave: 5 days a year, over it allowed with HR approving too; Mon 7 – Thu 10 is 4 days
    const no = await file('bob.smith', 'leave Dec 7 to Dec 10 sick flu');
    expect((await doc(no))?.steps.map((s) => s.name)).toEqual(['manager']);
    expect(textOf(await say('chen.jie', `退回 ${no} 请附病假条`))).toBe(`已退回 ${no}。`);
    expect(textOf(await say('bob.smith', `resubmit ${no}`))).toBe(
      `Resubmitted ${no}; it waits for approval again.`,
    );
    expect((await doc(no))?.steps.map((s) => s.name)).toEqual(['manager']);
    expect(await sickOf('bob.smith')).toMatch(/^1 d available .*4 d pending/);

    expect(textOf(await say('chen.jie', `退回 ${no} 还是不对`))).toBe(`已退回 ${no}。`);
    expect(textOf(await say('bob.smith', `resubmit ${no} Dec 7 to Dec 14`))).toBe(
      `Resubmitted ${no}; it waits for approval again.`,
    );
    expect((await doc(no))?.steps.map((s) => s.name)).toEqual(['manager', 'HR']);
    expect(await sickOf('bob.smith')).toMatch(/^-1 d available .*6 d pending/);
  });

  it('a half day stays a half day when resubmitted as it was, and new dates by text replace the halves', async () => {
    const no = await file('sun.li', '请假 12月8日下午 年假 体检');
    expect((await doc(no))?.data).toMatchObject({ from: '2026-12-08', fromHalf: 'pm', days: 0.5 });
    expect(textOf(await say('li.wei', `退回 ${no} 请写清楚医院`))).toBe(`已退回 ${no}。`);

    expect(textOf(await say('sun.li', `重新提交 ${no}`))).toBe(`已重新提交 ${no}，等待审批。`);
    expect((await doc(no))?.data).toMatchObject({
      from: '2026-12-08',
      to: '2026-12-08',
      fromHalf: 'pm',
      days: 0.5,
    });
    expect(await ledgerOf('sun.li')).toEqual([
      `${no}:annual:hold 0.5`,
      `${no}:r2:annual:hold 0.5`,
      `${no}:annual:restore 0.5`,
    ]);

    expect(textOf(await say('li.wei', `退回 ${no} 改成周三吧`))).toBe(`已退回 ${no}。`);
    expect(textOf(await say('sun.li', `重新提交 ${no} 12月9日`))).toBe(`已重新提交 ${no}，等待审批。`);
    const moved = (await doc(no))?.data;
    expect(moved).toMatchObject({ from: '2026-12-09', to: '2026-12-09', days: 1 });
    expect(moved?.fromHalf).toBeUndefined();
  });

  it('the forms say half days too: the edit form opens with the half filed by text, and a filing form takes both ends', async () => {
    const no = await file('sun.li', '请假 12月10日上午 年假 看牙');
    expect(textOf(await say('li.wei', `退回 ${no} 写上医院`))).toBe(`已退回 ${no}。`);
    const returned = (await cards('sun.li')).filter((c) => c.title.includes(no)).at(-1);
    const edit = returned?.actions.find((b) => b.label === '修改并重新提交');
    const opened = await app.current.post('/web/api/actions', {
      employee: demo('sun.li'),
      actionId: edit?.actionId,
      value: edit?.value,
      forms: true,
    });
    const fields = opened.json.form.fields as { name: string; initial?: string }[];
    // a morning is "until noon" on its only day; "from noon" stays empty
    expect(fields.find((f) => f.name === 'toHalf')?.initial).toBe('am');
    expect(fields.find((f) => f.name === 'fromHalf')?.initial).toBeUndefined();
    const values = Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']));
    const resubmitted = await app.current.post('/web/api/forms', {
      employee: demo('sun.li'),
      intent: opened.json.form.intent,
      values: { ...values, reason: '看牙 协和医院' },
      eventId: 'half-edit-1',
    });
    expect(textOf(resubmitted.json.replies)).toBe(`已重新提交 ${no}，等待审批。`);
    expect((await doc(no))?.data).toMatchObject({ fromHalf: 'am', toHalf: 'am', days: 0.5 });

    const filed = await app.current.post('/web/api/forms', {
      employee: demo('sun.li'),
      intent: 'approvals.leave',
      values: {
        kind: 'annual',
        from: '2026-12-14',
        to: '2026-12-15',
        fromHalf: 'pm',
        toHalf: 'am',
        reason: '搬家',
      },
      eventId: 'half-file-1',
    });
    const halves = await doc(noOf(cardOf(filed.json.replies)));
    expect(halves?.data).toMatchObject({
      from: '2026-12-14',
      to: '2026-12-15',
      fromHalf: 'pm',
      toHalf: 'am',
      days: 1,
    });
  });
});
