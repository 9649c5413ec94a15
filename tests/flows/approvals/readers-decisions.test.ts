import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { manageCommands } from '../../../flows/approvals/manage-commands.js';
import { readers } from '../../../flows/approvals/readers/index.js';
import type { ParseContext } from '../../../src/bot/flow.js';
import { detectLocale } from '../../../src/bot/i18n.js';

const NOW = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const ctxFor = (text: string): ParseContext => ({
  locale: detectLocale(text, 'zh-CN'),
  now: NOW,
  tz: 'Asia/Shanghai',
  currency: 'CNY',
});
const read = (intent: string, text: string) => {
  const reader = readers[`approvals.${intent}`];
  if (!reader) throw new Error(`no reader for ${intent}`);
  return reader(text, ctxFor(text));
};
/** The exact grammar: the text after the command's keyword. */
const grammar = (intent: string, rest: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const command = manageCommands.find((c) => c.intent === `approvals.${intent}`);
  return command?.parse(rest, { ...ctxFor(rest), locale });
};

describe('decisions from a sentence', () => {
  it('approves with what is left as the comment', () => {
    expect(read('approve', 'AP-1021 没问题，同意，路上注意安全')).toEqual({
      args: { no: 'AP-1021', text: '路上注意安全' },
    });
    expect(read('approve', 'ok ap 1022 looks good to me')).toEqual({ args: { no: 'AP-1022', text: '' } });
  });

  it('never approves a sentence that says no, or that does not say yes', () => {
    expect(read('approve', 'AP-1030 这个不能同意，预算超了')).toEqual({
      problem: '这句话像是不同意，所以没有同意 AP-1030。要拒绝请发：拒绝 AP-1030 预算超了',
    });
    expect(read('approve', 'AP-1003 的审批意见都有哪些')).toEqual({
      problem: '没看出是要同意 AP-1003，什么也没做。要同意请发：同意 AP-1003',
    });
  });

  it('rejects with the reason, asking for it when none is given', () => {
    expect(read('reject', 'AP-1030 这个不能同意，预算超了')).toEqual({
      args: { no: 'AP-1030', text: '预算超了' },
    });
    expect(read('reject', "I can't approve AP-1031 because the quote has no tax number")).toEqual({
      args: { no: 'AP-1031', text: 'the quote has no tax number' },
    });
    expect(read('reject', 'AP-1032 驳回')).toEqual({
      problem: '拒绝需要写明原因。',
      ask: 'text',
      rest: 'AP-1032',
    });
    expect(read('reject', 'AP-1033, can we talk about it tomorrow?')).toMatchObject({
      problem: expect.stringMatching(/^I am not sure you mean to reject AP-1033/),
    });
  });

  it('withdraws only when the sentence takes the request back', () => {
    expect(read('withdraw', 'AP-1040 不去了，帮我撤掉')).toEqual({ args: { no: 'AP-1040', text: '' } });
    expect(read('withdraw', 'what about AP-1041')).toMatchObject({
      problem: expect.stringContaining('withdraw AP-1041'),
    });
  });

  it('hands over to the person named, as written', () => {
    expect(read('reassign', '把 AP-1002 转给王芳处理')).toEqual({ args: { no: 'AP-1002', text: '王芳' } });
    expect(read('reassign', '我下周出差，AP-1050 请张敏代批')).toEqual({
      args: { no: 'AP-1050', text: '张敏' },
    });
    expect(read('reassign', "I'd like Chen Jie to handle AP-1051")).toEqual({
      args: { no: 'AP-1051', text: 'Chen Jie' },
    });
    expect(read('reassign', 'route AP-1052 to li.wei@demo.example please')).toEqual({
      args: { no: 'AP-1052', text: 'li.wei@demo.example' },
    });
    expect(read('reassign', 'AP-1053 转交一下')).toMatchObject({ ask: 'text', rest: 'AP-1053' });
  });

  it('comments with the words after a colon, or what is left', () => {
    expect(read('comment', '在 AP-1060 上备注：酒店已经改到周五')).toEqual({
      args: { no: 'AP-1060', text: '酒店已经改到周五' },
    });
    expect(read('comment', 'leave a note on AP-1061 that the invoice is attached')).toEqual({
      args: { no: 'AP-1061', text: 'the invoice is attached' },
    });
  });

  it('reads show and urge by their number; lists take nothing', () => {
    expect(read('show', 'AP-1070 现在到哪一步了')).toEqual({ args: { no: 'AP-1070', text: '' } });
    expect(read('urge', '帮我催一下 AP-1071 的审批人，下周就出发了')).toEqual({
      args: { no: 'AP-1071', text: '' },
    });
    expect(read('mine', '我提的出差批了没')).toEqual({ args: {} });
    expect(read('pending', 'what is waiting for my sign-off?')).toEqual({ args: {} });
  });

  it('asks for the number when there is none', () => {
    expect(read('urge', '帮我催一下审批')).toEqual({
      problem: '请写上审批单号，如 AP-1001。',
      ask: 'no',
      rest: '',
    });
  });
});

describe('decision commands typed after their keyword', () => {
  it('keep the exact form', () => {
    expect(grammar('approve', 'AP-1001 enjoy', 'en')).toEqual({ args: { no: 'AP-1001', text: 'enjoy' } });
    expect(grammar('withdraw', 'AP-1009 重新提')).toEqual({ args: { no: 'AP-1009', text: '重新提' } });
  });

  it('read anything else like a sentence, the keyword saying the decision', () => {
    expect(grammar('approve', '一下 AP-1003 吧')).toEqual({ args: { no: 'AP-1003', text: '' } });
    expect(grammar('reject', '这个 AP-1004 吧，重复提交了')).toEqual({
      args: { no: 'AP-1004', text: '重复提交了' },
    });
  });

  it('ask for a missing reason, keeping the number for the answer', () => {
    expect(grammar('reject', 'AP-1005', 'en')).toEqual({
      problem: 'A rejection needs a reason.',
      ask: 'text',
      rest: 'AP-1005',
    });
    expect(grammar('reject', 'AP-1005 release week', 'en')).toEqual({
      args: { no: 'AP-1005', text: 'release week' },
    });
    expect(grammar('approve', '')).toEqual({ problem: '请写上审批单号，如 AP-1001。', ask: 'no', rest: '' });
  });
});
