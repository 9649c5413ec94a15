import { type CommandSpec, defineCommand, type ParseContext, type ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { approveAll, type BulkArgs, readBulk } from './bulk.js';
import { decisionQuestions } from './decision-questions.js';
import { changeAndTell } from './handlers.js';
import { answerQuestion, askRequester } from './questions.js';
import { employeeOrSay, formResult, NO_FIELD, type Ref, refCommand, refParser } from './ref-commands.js';
import { addSigner, sendBack } from './reroute.js';
import { resubmitByText } from './resubmit.js';

/** 退回, 加签, questions and answers, resubmitting, and approving many at once. */

/** "到第1步" / "to step 1" at the start of the reason: which earlier step to send back to. */
const TO_STEP = /^(?:(?:退回)?到第\s*(\d+)\s*步|(?:back\s+)?to\s+step\s+(\d+))[\s,，:：]*/iu;
export type SendBackArgs = { no: string; toStep: number | null; reason: string };

function readSendBack(rest: string, ctx: ParseContext): ParseResult<SendBackArgs> {
  const parsed = refParser('approvals.send-back', '退回', decisionQuestions.sendBack)(rest, ctx);
  if (!('args' in parsed)) return parsed;
  const { no, text } = parsed.args as Ref;
  const step = TO_STEP.exec(text);
  const reason = step ? text.slice(step[0].length).trim() : text;
  if (!reason)
    return {
      problem: tr(ctx.locale, decisionQuestions.sendBack),
      ask: 'text',
      rest: text ? `${no} ${text}` : no,
    };
  return { args: { no, toStep: step ? Number(step[1] ?? step[2]) - 1 : null, reason } };
}

/** "前"/"before" or "后"/"after" first, then the person: "加签 AP-1001 后 李伟". */
const WHERE = /^(之前|之后|前|后|before(?![\p{L}])|after(?![\p{L}]))[\s,，:：]*/iu;
export type SignerArgs = { no: string; where: 'before' | 'after'; who: string };

function readSigner(rest: string, ctx: ParseContext): ParseResult<SignerArgs> {
  const parsed = refParser('approvals.add-signer', '加签', decisionQuestions.signer)(rest, ctx);
  if (!('args' in parsed)) return parsed;
  const { no, text } = parsed.args as Ref;
  const where = WHERE.exec(text);
  const person = where ? text.slice(where[0].length).trim() : text;
  if (!person)
    return { problem: tr(ctx.locale, decisionQuestions.signer), ask: 'text', rest: `${no} ${text}`.trim() };
  const after = /^(后|之后|after)/iu.test(where?.[1] ?? '');
  return { args: { no, where: after ? 'after' : 'before', who: person } };
}

export const decisionCommands: CommandSpec[] = [
  defineCommand<SendBackArgs>({
    intent: 'approvals.send-back',
    area: 'approvals',
    writes: true,
    keywords: { 'zh-CN': ['退回'], en: ['send back'] },
    summary: {
      'zh-CN': '把申请退回给申请人修改，或退回到之前的步骤（需写原因）',
      en: 'Send a request back to the requester to edit, or to an earlier step (with a reason)',
    },
    usage: { 'zh-CN': '退回 <单号> [到第N步] <原因>', en: 'send back <no> [to step N] <reason>' },
    examples: {
      'zh-CN': ['退回 AP-1001 缺发票', '退回 AP-1001 到第1步 金额有变'],
      en: ['send back AP-1001 missing receipt', 'send back AP-1001 to step 1 amount changed'],
    },
    parse: readSendBack,
    handle: (ctx, { no, toStep, reason }) =>
      changeAndTell(ctx, no, (doc, me, at) => sendBack(doc, me, toStep, reason, at)),
    form: {
      title: { 'zh-CN': '退回申请', en: 'Send request back' },
      fields: [
        NO_FIELD,
        {
          name: 'step',
          label: { 'zh-CN': '退回到第几步（空 = 申请人）', en: 'Back to step (empty = requester)' },
          kind: 'text',
          optional: true,
        },
        { name: 'reason', label: { 'zh-CN': '原因', en: 'Reason' }, kind: 'textarea' },
      ],
      parse(values, ctx) {
        const step = (values.step ?? '').trim();
        if (step && !/^\d+$/.test(step))
          return { errors: { step: tr(ctx.locale, decisionQuestions.stepNumber) } };
        const to = step ? `to step ${step} ` : '';
        const parsed = readSendBack(`${(values.no ?? '').trim()} ${to}${values.reason ?? ''}`.trim(), ctx);
        return formResult(parsed, values.no ?? '', 'reason');
      },
    },
  }),
  defineCommand<SignerArgs>({
    intent: 'approvals.add-signer',
    area: 'approvals',
    writes: true,
    keywords: { 'zh-CN': ['加签'], en: ['add signer', 'add approver'] },
    summary: {
      'zh-CN': '在你这一步之前或之后加一位审批人',
      en: 'Add an approver before or after your step',
    },
    usage: {
      'zh-CN': '加签 <单号> [前|后] <邮箱或姓名>',
      en: 'add signer <no> [before|after] <email or name>',
    },
    examples: {
      'zh-CN': ['加签 AP-1001 前 孙丽', '加签 AP-1001 后 zhao.lei@demo.example'],
      en: ['add signer AP-1001 before Sun Li', 'add signer AP-1001 after zhao.lei@demo.example'],
    },
    parse: readSigner,
    async handle(ctx, { no, where, who: person }) {
      const id = await employeeOrSay(ctx, person);
      if (!id) return;
      await changeAndTell(ctx, no, (doc, me, at) => addSigner(doc, me, id, where, person, at));
    },
    form: {
      title: { 'zh-CN': '加签', en: 'Add a signer' },
      fields: [
        NO_FIELD,
        {
          name: 'who',
          label: { 'zh-CN': '加签人（邮箱或姓名）', en: 'Signer (e-mail or name)' },
          kind: 'text',
        },
        {
          name: 'where',
          label: { 'zh-CN': '位置', en: 'When' },
          kind: 'select',
          options: [
            { value: 'before', label: { 'zh-CN': '在我之前审批', en: 'Before me' } },
            { value: 'after', label: { 'zh-CN': '在我之后审批', en: 'After me' } },
          ],
        },
      ],
      parse(values, ctx) {
        const where = values.where === 'after' ? 'after' : 'before';
        const parsed = readSigner(`${(values.no ?? '').trim()} ${where} ${values.who ?? ''}`.trim(), ctx);
        return formResult(parsed, values.no ?? '', 'who');
      },
    },
  }),
  refCommand({
    intent: 'approvals.ask',
    writes: true,
    needsText: decisionQuestions.question,
    keywords: { 'zh-CN': ['要求补充', '补充信息'], en: ['need more info', 'ask requester'] },
    summary: {
      'zh-CN': '请申请人补充信息（申请停在这一步等待答复）',
      en: 'Ask the requester for more information (the request waits at this step)',
    },
    usage: { 'zh-CN': '要求补充 <单号> <问题>', en: 'need more info <no> <question>' },
    examples: {
      'zh-CN': ['要求补充 AP-1001 请上传发票照片'],
      en: ['need more info AP-1001 which client was the dinner with?'],
    },
    handle: (ctx, { no, text }) => changeAndTell(ctx, no, (doc, me, at) => askRequester(doc, me, text, at)),
    form: {
      title: { 'zh-CN': '要求补充信息', en: 'Need more info' },
      field: { name: 'question', label: { 'zh-CN': '问题', en: 'Question' }, kind: 'textarea' },
    },
  }),
  refCommand({
    intent: 'approvals.answer',
    writes: true,
    needsText: decisionQuestions.answer,
    keywords: { 'zh-CN': ['答复'], en: ['answer'] },
    summary: { 'zh-CN': '答复审批人对你的申请提的问题', en: "Answer an approver's question on your request" },
    usage: { 'zh-CN': '答复 <单号> <内容>', en: 'answer <no> <text>' },
    examples: {
      'zh-CN': ['答复 AP-1001 发票已上传'],
      en: ['answer AP-1001 dinner with Acme, receipt attached'],
    },
    handle: (ctx, { no, text }) => changeAndTell(ctx, no, (doc, me, at) => answerQuestion(doc, me, text, at)),
    form: {
      title: { 'zh-CN': '答复审批人', en: 'Answer the approver' },
      field: { name: 'answer', label: { 'zh-CN': '答复', en: 'Answer' }, kind: 'textarea' },
    },
  }),
  refCommand({
    intent: 'approvals.resubmit',
    writes: true,
    keywords: { 'zh-CN': ['重新提交'], en: ['resubmit'] },
    summary: {
      'zh-CN': '修改被退回的申请并重新提交（同一单号）',
      en: 'Edit a request that was sent back and resubmit it (same number)',
    },
    usage: { 'zh-CN': '重新提交 <单号> [要改的内容]', en: 'resubmit <no> [what to change]' },
    examples: {
      'zh-CN': ['重新提交 AP-1001', '重新提交 AP-1001 150 含发票'],
      en: ['resubmit AP-1001', 'resubmit AP-1001 150 with receipt'],
    },
    handle: (ctx, { no, text }) => resubmitByText(ctx, no, text),
  }),
  defineCommand<BulkArgs>({
    intent: 'approvals.approve-all',
    area: 'approvals',
    writes: true,
    keywords: { 'zh-CN': ['全部同意', '批量同意'], en: ['approve all'] },
    summary: {
      'zh-CN': '一次同意等我审批的全部申请（可除去几个），确认一次',
      en: 'Approve everything waiting for you (except some), confirmed once',
    },
    usage: { 'zh-CN': '全部同意 [除了 <单号>…]', en: 'approve all [except <no>…]' },
    examples: {
      'zh-CN': ['全部同意', '全部同意 除了 AP-1003'],
      en: ['approve all', 'approve all except AP-1003'],
    },
    parse: readBulk,
    handle: approveAll,
    form: {
      title: { 'zh-CN': '批量同意', en: 'Approve all' },
      fields: [
        { name: 'nos', label: { 'zh-CN': '要同意的单号', en: 'Requests to approve' }, kind: 'textarea' },
        {
          name: 'except',
          label: { 'zh-CN': '除了（单号）', en: 'Except (numbers)' },
          kind: 'text',
          optional: true,
        },
      ],
      parse(values, ctx) {
        const parsed = readBulk(`${values.nos ?? ''} except ${values.except ?? ''}`, ctx);
        return 'args' in parsed ? parsed : { errors: { nos: parsed.problem } };
      },
    },
  }),
];
