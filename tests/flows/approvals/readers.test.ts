import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { requestCommands } from '../../../flows/approvals/commands.js';
import { readers } from '../../../flows/approvals/readers/index.js';
import type { ParseContext } from '../../../src/bot/flow.js';
import { detectLocale } from '../../../src/bot/i18n.js';

// Wednesday 10 March 2027, 09:30 in Shanghai: 明天 = 03-11, 周五 = 03-12, 下周一 = 03-15,
// 昨天 = 03-09, and for a punch made up afterwards 周一 = 03-08.
const NOW = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const ctxFor = (text: string, currency = 'CNY'): ParseContext => ({
  locale: detectLocale(text, 'zh-CN'),
  now: NOW,
  tz: 'Asia/Shanghai',
  currency,
});
const read = (intent: string, text: string) => {
  const reader = readers[`approvals.${intent}`];
  if (!reader) throw new Error(`no reader for ${intent}`);
  return reader(text, ctxFor(text));
};

/** The question's grammar text with the person's answer appended, read by the command's own grammar. */
function answer(intent: string, text: string, reply: string) {
  const asked = read(intent, text);
  if (!('ask' in asked) || asked.rest === undefined) throw new Error(`no question for "${text}"`);
  const command = requestCommands.find((c) => c.intent === `approvals.${intent}`);
  return command?.parse(`${asked.rest} ${reply}`.trim(), ctxFor(text));
}

describe('leave from a sentence', () => {
  it('reads dates, kind and reason wherever they sit', () => {
    expect(read('leave', '下周一到周三休年假，带孩子去海边')).toEqual({
      args: { from: '2027-03-15', to: '2027-03-17', kind: 'annual', reason: '带孩子去海边' },
    });
    expect(read('leave', '周五请一天病假，发高烧了')).toEqual({
      args: { from: '2027-03-12', to: '2027-03-12', kind: 'sick', reason: '发高烧了' },
    });
    expect(read('leave', '下周二下午请个假，去银行办事')).toMatchObject({
      args: { from: '2027-03-16', fromHalf: 'pm', toHalf: 'pm', kind: 'personal', reason: '去银行办事' },
    });
  });

  it('takes the kind from a reason that tells it, only when no kind is written', () => {
    expect(read('leave', '后天家里有事想请假')).toMatchObject({
      args: { kind: 'personal', reason: '家里有事' },
    });
    expect(read('leave', "I'm down with the flu, need tomorrow off")).toEqual({
      args: { from: '2027-03-11', to: '2027-03-11', kind: 'sick', reason: "I'm down with the flu" },
    });
    expect(read('leave', '周五 take a day off, 回老家看看')).toMatchObject({ args: { kind: 'annual' } });
    // a kind word wins over what the reason suggests
    expect(read('leave', '周五请事假，去医院陪家人')).toMatchObject({ args: { kind: 'personal' } });
    // reasons pointing two ways: asked
    expect(read('leave', '周五请假 回老家顺便看病')).toMatchObject({ ask: 'kind' });
  });

  it('asks for the first missing piece, in order: dates, kind, reason', () => {
    expect(read('leave', '我想请假')).toMatchObject({
      ask: 'from',
      problem: '哪天请假？（如 明天、下周一到周三）',
    });
    expect(read('leave', 'next Monday I would like a day off')).toMatchObject({
      ask: 'kind',
      rest: '2027-03-15',
    });
    expect(read('leave', '明天陪产假')).toMatchObject({ ask: 'reason', problem: '请假原因是？' });
  });

  it('keeps what was said in grammar form, so the answer completes it', () => {
    expect(answer('leave', '我明天想请一天假', '事假 家里有事')).toEqual({
      args: { from: '2027-03-11', to: '2027-03-11', kind: 'personal', reason: '家里有事' },
    });
    expect(answer('leave', '明天请半天假，看牙', '下午')).toEqual({
      args: {
        from: '2027-03-11',
        to: '2027-03-11',
        fromHalf: 'pm',
        toHalf: 'pm',
        kind: 'sick',
        reason: '看牙',
      },
    });
    expect(answer('leave', 'I want to take some time off, dentist appointment', 'Mar 15 to Mar 17')).toEqual({
      args: { from: '2027-03-15', to: '2027-03-17', kind: 'sick', reason: 'dentist appointment' },
    });
    // "family" says personal, "wedding" marriage: asked rather than guessed
    expect(read('leave', 'Friday off please, family wedding')).toMatchObject({ ask: 'kind' });
  });

  it('reads the length of the leave written apart from its day', () => {
    expect(read('leave', '后天回老家，想请两天年假')).toMatchObject({
      args: { from: '2027-03-12', to: '2027-03-13', kind: 'annual', reason: '回老家' },
    });
  });

  it('refuses what it cannot take rather than keeping it as the reason', () => {
    // Friday and Monday are two working days in a row; Monday and Wednesday are not
    expect(read('leave', '周五和下周一请年假')).toMatchObject({
      ask: 'reason',
      rest: '2027-03-12 到 2027-03-15 年假',
    });
    expect(read('leave', '下周一和下周三请年假')).toEqual({
      problem: '一次只能写一段连续的日期，2027-03-17 是另一天。请写成“周四到周五”这样的一段。',
    });
    expect(read('leave', '去年12月1日请病假')).toEqual({ problem: '日期太早了（最多30天前）' });
    expect(read('leave', '明天到下下下周请年假')).toMatchObject({
      problem: expect.stringContaining('看不懂日期'),
    });
  });
});

describe('expense from a sentence', () => {
  it('finds the amount with its currency and a category that cannot mean anything else', () => {
    expect(read('expense', '上周请天合商贸吃饭花了 1,280 元，帮我报了吧')).toEqual({
      args: {
        amount: 1280,
        currency: 'CNY',
        category: 'meals',
        reason: '上周请天合商贸吃饭',
        receiptUrl: '',
      },
    });
    expect(read('expense', 'I paid 65 bucks for a taxi to the airport, can I get that back?')).toEqual({
      args: { amount: 65, currency: 'USD', category: 'taxi', reason: 'taxi to the airport', receiptUrl: '' },
    });
    // the office is where the cab went, not what was bought
    expect(read('expense', 'spent 38 dollars on an uber to the Fabrikam office')).toMatchObject({
      args: { amount: 38, currency: 'USD', category: 'taxi', reason: 'uber to the Fabrikam office' },
    });
  });

  it('passes over counts and dates when looking for the money', () => {
    expect(read('expense', '我垫付了 2 晚的酒店，一共 960 元')).toMatchObject({
      args: { amount: 960, category: 'travel', reason: '2 晚的酒店' },
    });
    expect(read('expense', '帮我报销3号的打车费 56 元 https://files.example/r/77.png')).toEqual({
      args: {
        amount: 56,
        currency: 'CNY',
        category: 'taxi',
        reason: '3号的打车',
        receiptUrl: 'https://files.example/r/77.png',
      },
    });
  });

  it("uses the asker's currency when none is written, and one written apart from the amount", () => {
    const text = 'parking 30 at the client site';
    expect(readers['approvals.expense']?.(text, ctxFor(text, 'SGD'))).toMatchObject({
      args: { amount: 30, currency: 'SGD', category: 'taxi' },
    });
    expect(read('expense', 'USD 120 dinner with the Litware team')).toMatchObject({
      args: { amount: 120, currency: 'USD', category: 'meals', reason: 'dinner with the Litware team' },
    });
  });

  it('asks for amount, category, reason in that order, and the answer completes it', () => {
    expect(read('expense', '有张发票要报销')).toMatchObject({ ask: 'amount', rest: '' });
    expect(read('expense', '报销一下 88 块')).toMatchObject({ ask: 'category', rest: '88 CNY' });
    expect(answer('expense', 'can I expense 45 euros?', 'meals lunch with Contoso')).toEqual({
      args: { amount: 45, currency: 'EUR', category: 'meals', reason: 'lunch with Contoso', receiptUrl: '' },
    });
  });

  it('refuses an amount out of range', () => {
    expect(read('expense', 'I need to claim 2,000,000 dollars for the conference hotel')).toEqual({
      problem: 'the amount must be over 0, at most 1,000,000, with at most two decimals',
    });
  });
});

describe('trip from a sentence', () => {
  it('finds where to, when, what for and the budget', () => {
    expect(read('trip', '下周三去南京出差两天，参加供应商大会，预算 2500')).toEqual({
      args: {
        destination: '南京',
        from: '2027-03-17',
        to: '2027-03-18',
        purpose: '参加供应商大会',
        estimatedCost: 2500,
        currency: 'CNY',
      },
    });
    expect(
      read('trip', "I'm flying to Kuala Lumpur on Friday to meet Northwind, budget 3,000 CNY"),
    ).toMatchObject({
      args: {
        destination: 'Kuala Lumpur',
        from: '2027-03-12',
        purpose: 'meet Northwind',
        estimatedCost: 3000,
      },
    });
    expect(read('trip', '帮我申请出差，杭州，明天，拜访华信科技')).toMatchObject({
      args: { destination: '杭州', from: '2027-03-11', purpose: '拜访华信科技' },
    });
  });

  it('asks for what is missing; a place of several words survives the question', () => {
    expect(read('trip', '我要出差')).toMatchObject({ ask: 'destination', problem: '去哪里出差？' });
    expect(answer('trip', "I'm flying to New York next Monday", 'client workshop')).toMatchObject({
      args: { destination: 'New-York', from: '2027-03-15', purpose: 'client workshop' },
    });
    expect(answer('trip', '下周二去广州，预算 1800', '见博雅医疗')).toMatchObject({
      args: { destination: '广州', from: '2027-03-16', purpose: '见博雅医疗', estimatedCost: 1800 },
    });
  });

  it('refuses a budget it cannot read', () => {
    expect(read('trip', '出差去深圳，下周一到周三，预算还没定')).toEqual({
      problem: '看不懂“预算还没定”，什么也没有记录。',
    });
  });
});

describe('transfer, onboarding, make-up punch and general requests from a sentence', () => {
  it('reads a transfer', () => {
    expect(read('transfer', '我想下个月1号从客服部调到市场部做品牌经理')).toEqual({
      args: { department: '市场部', position: '品牌经理', effectiveDate: '2027-04-01', reason: '' },
    });
    expect(
      read('transfer', "I'd like to move to Finance as a controller from April 1, closer to my team"),
    ).toEqual({
      args: {
        department: 'Finance',
        position: 'controller',
        effectiveDate: '2027-04-01',
        reason: 'closer to my team',
      },
    });
    expect(answer('transfer', '想调去研发部，4月1日起', '测试工程师')).toMatchObject({
      args: { department: '研发部', position: '测试工程师', effectiveDate: '2027-04-01' },
    });
  });

  it('reads an onboarding, asking for the manager as an e-mail', () => {
    expect(
      read('onboarding', '新同事王磊 wang.lei@demo.example 下周一入职研发部，上级 chen.jie@demo.example'),
    ).toEqual({
      args: {
        name: '王磊',
        email: 'wang.lei@demo.example',
        department: '研发部',
        managerEmail: 'chen.jie@demo.example',
        startDate: '2027-03-15',
      },
    });
    expect(
      answer(
        'onboarding',
        '帮我给李娜办入职，li.na@demo.example，销售部，向王芳汇报，下周一来',
        'wang.fang@demo.example',
      ),
    ).toEqual({
      args: {
        name: '李娜',
        email: 'li.na@demo.example',
        department: '销售部',
        managerEmail: 'wang.fang@demo.example',
        startDate: '2027-03-15',
      },
    });
  });

  it('reads a make-up punch for a day gone by, with the time said apart from the day', () => {
    expect(read('makeup', '昨天早上忘记打上班卡，9点02分到的')).toEqual({
      args: { date: '2027-03-09', time: '09:02', direction: 'in', reason: '忘记打上班卡' },
    });
    expect(read('makeup', 'forgot to clock out on Monday, left at 18:45')).toEqual({
      args: { date: '2027-03-08', time: '18:45', direction: 'out', reason: 'forgot to clock out' },
    });
    expect(read('makeup', '明天 9:00 上班 没打卡')).toEqual({ problem: '日期不能是将来的日期' });
  });

  it('leaves a reason out of the question when the grammar would misread it', () => {
    // "in traffic" would read as a punch in
    expect(read('makeup', 'yesterday at 9:05 I was stuck in traffic')).toMatchObject({
      ask: 'direction',
      rest: '2027-03-09 09:05',
    });
    expect(answer('makeup', '昨天忘打卡了', '18:30 下班')).toMatchObject({
      args: { date: '2027-03-09', time: '18:30', direction: 'out' },
    });
  });

  it('reads a general request: the first thing said is the title', () => {
    expect(read('general', '想走个审批买一台投影仪，会议室那台坏了')).toEqual({
      args: { title: '买一台投影仪', text: '会议室那台坏了' },
    });
    expect(
      answer('general', 'I need approval to renew the Figma licence', 'three seats for the design team'),
    ).toEqual({
      args: { title: 'renew the Figma licence', text: 'three seats for the design team' },
    });
  });
});
