import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import type { Button } from '../../src/bot/types.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, press, cards } = chatAs(app);
const lastCard = async (user: string, no: string) =>
  (await cards(user)).filter((c) => c.title.includes(no)).at(-1);
const doc = (no: string) => ApprovalRequest.findById(no).lean();
const actions = async (user: string, no: string) =>
  (await lastCard(user, no))?.actions.map((a) => a.actionId);
const file = async (user: string, text: string) => noOf(cardOf(await say(user, text)));
const submitOf = (replies: Awaited<ReturnType<typeof say>>): Button => {
  const submit = cardOf(replies).actions[0];
  if (submit?.actionId !== 'confirm.submit') throw new Error(`no confirmation in ${JSON.stringify(replies)}`);
  return submit;
};

describe('more decisions on a step', () => {
  it('send back → the requester edits and resubmits the same number → approve', async () => {
    const no = await file('zhang.min', '报销 120 餐费 客户午餐');
    expect(await actions('wang.fang', no)).toEqual([
      'approvals.approve',
      'approvals.reject',
      'approvals.approve-comment',
      'approvals.send-back',
      'approvals.add-signer',
      'approvals.ask',
    ]);
    expect(textOf(await click('wang.fang', 'approvals.send-back', no))).toBe(
      `请回复：退回 ${no} [到第N步] <原因>`,
    );
    expect(textOf(await say('wang.fang', `退回 ${no}`))).toBe('退回需要写明原因。');
    expect(textOf(await say('alice.chen', `send back ${no} no receipt`))).toBe(
      `You are not a current approver of ${no}.`,
    );
    expect(textOf(await say('wang.fang', `退回 ${no} 缺发票`))).toBe(`已退回 ${no}。`);

    expect(await doc(no)).toMatchObject({ status: 'returned', waitingFor: [] });
    expect((await lastCard('wang.fang', no))?.actions).toEqual([]);
    const returned = await lastCard('zhang.min', no);
    expect(returned?.subtitle).toBe('已退回');
    expect(returned?.body).toMatch(/王芳 退回给申请人: 缺发票$/);
    expect(returned?.actions.map((a) => a.actionId)).toEqual(['approvals.resubmit', 'approvals.withdraw']);
    // on the web chat (no forms) the resubmit button says what to send
    const resubmitButton = returned?.actions[0] as Button;
    expect(textOf(await press('zhang.min', resubmitButton))).toBe(`请回复：重新提交 ${no} [要改的内容]`);
    expect(JSON.parse(resubmitButton.value)).toMatchObject({
      intent: 'approvals.resubmit.expense',
      draft: { no, amount: '120' },
    });

    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(new RegExp(`^${no} 已退回`));
    expect(textOf(await say('wang.fang', `重新提交 ${no}`))).toBe('只有申请人可以这样做。');
    expect(textOf(await say('zhang.min', `重新提交 ${no} -5 餐费`))).toMatch(
      /^金额须大于 0.*\n用法：重新提交/s,
    );
    expect((await doc(no))?.status).toBe('returned');

    expect(textOf(await say('zhang.min', `重新提交 ${no} 150 餐费 补了发票`))).toBe(
      `已重新提交 ${no}，等待审批。`,
    );
    expect(textOf(await say('zhang.min', `重新提交 ${no}`))).toMatch(/没有被退回/);
    const resubmitted = await doc(no);
    expect(resubmitted).toMatchObject({ _id: no, status: 'pending', stepIndex: 0 });
    expect(resubmitted?.data.amount).toBe(150);
    expect((await lastCard('wang.fang', no))?.fields).toContainEqual([
      '金额',
      expect.stringContaining('150'),
    ]);

    expect(textOf(await say('wang.fang', `同意 ${no} 好的`))).toBe(`已同意 ${no}，审批完成。`);
    expect((await doc(no))?.history.map((h) => h.action)).toEqual([
      'submitted',
      'sent-back',
      'resubmitted',
      'approved',
    ]);
  });

  it('send back to an earlier step: its approvers decide again', async () => {
    const no = await file('alice.chen', 'expense 1500 travel hotel in Boston');
    await click('wang.fang', 'approvals.approve', no);
    expect(textOf(await say('zhao.lei', `退回 ${no} 到第3步 金额不对`))).toBe(
      '只能退回到当前步骤之前的步骤（第 1 到 1 步）。',
    );
    expect(textOf(await say('zhao.lei', `退回 ${no} 到第1步 金额不对`))).toBe(`已退回 ${no}。`);
    const back = await doc(no);
    expect(back).toMatchObject({ status: 'pending', stepIndex: 0 });
    expect(back?.steps[0]?.approvers[0]?.decision).toBeNull();
    expect(await actions('wang.fang', no)).toContain('approvals.approve');
    expect(textOf(await say('wang.fang', `send back ${no} to step 1 why`))).toBe(
      `${no} is at its first step; it can only go back to the requester.`,
    );
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(/已转下一步/);
    expect(textOf(await click('zhao.lei', 'approvals.approve', no))).toMatch(/审批完成/);
  });

  it('加签 before and after the current step', async () => {
    const no = await file('zhang.min', '报销 66 交通 地铁');
    expect(textOf(await say('wang.fang', `加签 ${no} 前 张敏`))).toBe(
      '不能加签申请人本人或本步骤已有的审批人。',
    );
    expect(textOf(await say('wang.fang', `加签 ${no} 前 没这人`))).toBe('找不到“没这人”。');
    expect(textOf(await say('alice.chen', `add signer ${no} before sun.li@demo.example`))).toMatch(
      /not a current approver/,
    );
    expect(textOf(await say('wang.fang', `加签 ${no} 前 孙丽`))).toBe(`已为 ${no} 加签。`);
    expect((await doc(no))?.steps.map((s) => s.name)).toEqual(['added signer', 'manager']);
    expect(await actions('sun.li', no)).toContain('approvals.approve');
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(/^你不是/);
    expect(textOf(await click('sun.li', 'approvals.approve', no))).toBe(`已同意 ${no}，已转下一步。`);

    expect(textOf(await say('wang.fang', `加签 ${no} 后 zhao.lei@demo.example`))).toBe(`已为 ${no} 加签。`);
    expect((await doc(no))?.waitingFor.map(String)).toHaveLength(1);
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toBe(`已同意 ${no}，已转下一步。`);
    expect(textOf(await click('zhao.lei', 'approvals.approve', no))).toBe(`已同意 ${no}，审批完成。`);
    const done = await doc(no);
    expect(done?.steps.map((s) => s.name)).toEqual(['added signer', 'manager', 'added signer']);
    expect(done?.history.map((h) => h.action)).toEqual([
      'submitted',
      'signer-added-before',
      'approved',
      'signer-added-after',
      'approved',
      'approved',
    ]);
  });

  it('need more info: the requester answers, the approver gets it, the request waits at the same step', async () => {
    const no = await file('zhang.min', '报销 88 餐费 客户');
    expect(textOf(await say('wang.fang', `要求补充 ${no}`))).toBe('请写上要问申请人的问题。');
    expect(textOf(await say('wang.fang', `要求补充 ${no} 和哪位客户`))).toBe(
      `已向申请人提问，${no} 等待答复。`,
    );
    const asked = await lastCard('zhang.min', no);
    expect(asked?.fields).toContainEqual(['王芳 的问题', '和哪位客户']);
    expect(asked?.actions.map((a) => a.actionId)).toContain('approvals.answer');
    expect(textOf(await say('alice.chen', `answer ${no} Acme`))).toBe('Only the requester can do that.');
    expect(textOf(await say('zhang.min', `答复 ${no} 华信科技的王总`))).toBe(`已答复 ${no}，审批人会收到。`);
    expect((await lastCard('wang.fang', no))?.body).toMatch(/张敏 补充了信息: 华信科技的王总$/);
    expect(await doc(no)).toMatchObject({ status: 'pending', stepIndex: 0, question: null });
    expect(textOf(await say('zhang.min', `答复 ${no} 再说一句`))).toBe(`${no} 没有待答复的问题。`);
    expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(/审批完成/);
  });

  it('approve with a comment from the card tells what to send where there is no form', async () => {
    const no = await file('zhang.min', '报销 45 交通 打车');
    expect(textOf(await click('wang.fang', 'approvals.approve-comment', no))).toBe(
      `请回复：同意 ${no} <意见>`,
    );
    expect(textOf(await say('wang.fang', `同意 ${no} 下次坐地铁`))).toMatch(/审批完成/);
    expect((await doc(no))?.history.at(-1)).toMatchObject({ action: 'approved', comment: '下次坐地铁' });
  });
});

describe('bulk approval', () => {
  it('20 requests: "all except one" confirmed once; then two finance approvers approve all at once, each decided once', async () => {
    await app.current.post(
      '/api/employees',
      {
        name: 'Fiona Finance',
        email: 'fiona.fin@demo.example',
        department: '财务部',
        managerEmail: 'li.wei@demo.example',
        roles: ['finance'],
        locale: 'en',
      },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    const nos: string[] = [];
    for (let i = 0; i < 20; i++) nos.push(await file('zhang.min', `报销 ${1500 + i} 差旅 出差 ${i}`));
    const [first, ...rest] = nos as [string, ...string[]];

    const list = cardOf(await say('wang.fang', '待我审批'));
    const all = list.actions.find((a) => a.actionId === 'approvals.approve-all');
    const shown = all?.value.split(' ') ?? [];
    // the list shows the oldest 20 waiting (earlier tests left some)
    expect(shown).toHaveLength(20);
    expect(shown).toEqual(expect.arrayContaining(nos.slice(0, 15)));
    expect(all?.label).toBe('全部同意（20）');
    expect(textOf(await press('wang.fang', all as Button))).toBe(`请确认：同意这 ${shown.length} 个申请？`);

    expect(textOf(await say('wang.fang', '全部同意 随便'))).toMatch(/^看不懂“随便”/);
    const except = await say('wang.fang', `全部同意 ${nos.join(' ')} 除了 ${first}`);
    expect(cardOf(except).title).toBe('请确认：同意这 19 个申请？');
    expect(cardOf(except).fields.map(([k]) => k)).toEqual(rest);
    expect((await doc(rest[0] as string))?.stepIndex).toBe(0); // nothing before Submit
    const summary = textOf(await press('wang.fang', submitOf(except)));
    expect(summary).toBe(`已同意 19 个：${rest.join(', ')}`);
    expect((await doc(first))?.stepIndex).toBe(0);
    await click('wang.fang', 'approvals.approve', first);

    for (const no of nos) expect((await doc(no))?.waitingFor).toHaveLength(2);
    const [zhao, fiona] = await Promise.all([
      say('zhao.lei', `全部同意 ${nos.join(' ')}`),
      say('fiona.fin', `approve all ${nos.join(', ')}`),
    ]);
    const [a, b] = await Promise.all([
      press('zhao.lei', submitOf(zhao)),
      press('fiona.fin', submitOf(fiona)),
    ]);
    const counted = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    const approved = counted(textOf(a), /已同意 (\d+) 个/) + counted(textOf(b), /Approved (\d+):/);
    const skipped = counted(textOf(a), /跳过 (\d+) 个/) + counted(textOf(b), /Skipped (\d+):/);
    expect(approved).toBe(20);
    expect(skipped).toBe(20);
    for (const no of nos) {
      const final = await doc(no);
      expect(final?.status).toBe('approved');
      expect(final?.history.filter((h) => h.action === 'approved')).toHaveLength(2);
    }
  });
});
