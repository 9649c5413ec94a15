import {
  type CommandSpec,
  defineCommand,
  type FormFieldSpec,
  type FormSpec,
  type ParseContext,
  type ParseResult,
  type TurnContext,
} from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { decisionQuestions } from './decision-questions.js';
import { decisionReaders } from './readers/decisions.js';
import { findEmployeeId } from './service.js';

/** Commands on one request: its number, then free text (a comment, a reason, a person). */
export type Ref = { no: string; text: string };
export const NO = /^(AP-\d+)\s*(.*)$/is;

/**
 * `<AP-no> [text]`, where `needsText` is the question when the text is required. Anything else
 * after the keyword ("同意一下 AP-1003 吧") is read as a sentence by the same reader, the keyword
 * put back in front: it is what says the decision.
 */
export function refParser(intent: string, keyword: string, needsText?: Text) {
  return (rest: string, ctx: ParseContext): ParseResult<Ref> => {
    const m = NO.exec(rest);
    const sentence = decisionReaders[intent];
    if (!m?.[1])
      return sentence
        ? (sentence(`${keyword} ${rest}`, ctx) as ParseResult<Ref>)
        : { problem: tr(ctx.locale, decisionQuestions.no) };
    const no = m[1].toUpperCase();
    const text = (m[2] ?? '').trim();
    if (needsText && !text) return { problem: tr(ctx.locale, needsText), ask: 'text', rest: no };
    return { args: { no, text: text.slice(0, 1000) } };
  };
}

/** The request-number field every form on one request starts with. */
export const NO_FIELD: FormFieldSpec = {
  name: 'no',
  label: { 'zh-CN': '单号', en: 'Request' },
  kind: 'text',
};

/** A form read by its command's parser: a problem is shown on the field it is about. */
export function formResult<A>(
  parsed: ParseResult<A>,
  no: string,
  field: string,
): { args: A } | { errors: Record<string, string> } {
  if ('args' in parsed) return parsed;
  return { errors: { [NO.test(no) ? field : 'no']: parsed.problem } };
}

type Spec = Omit<CommandSpec<Ref>, 'area' | 'parse' | 'form'> & {
  needsText?: Text;
  /** A form of the number and this one text field, read as the typed command (the text after the number). */
  form?: { title: Text; field: FormFieldSpec };
};

/** A command on one request, parsed as `<keyword> <AP-no> [text]`, with its form when it has one. */
export function refCommand({ needsText, form, ...spec }: Spec) {
  const parse = refParser(spec.intent, spec.keywords['zh-CN'][0] ?? '', needsText);
  return defineCommand<Ref>({
    ...spec,
    area: 'approvals',
    parse,
    ...(form && { form: refForm(parse, form) }),
  });
}

function refForm(
  parse: (rest: string, ctx: ParseContext) => ParseResult<Ref>,
  { title, field }: { title: Text; field: FormFieldSpec },
): FormSpec<Ref> {
  return {
    title,
    fields: [NO_FIELD, field],
    parse(values, ctx) {
      const no = (values.no ?? '').trim();
      return formResult(parse(`${no} ${values[field.name] ?? ''}`.trim(), ctx), no, field.name);
    },
  };
}

const noSuchEmployee = { 'zh-CN': '找不到“{who}”。', en: 'No active employee "{who}".' } satisfies Text;

/** The active employee a command names (e-mail or name), or null once the person is told there is none. */
export async function employeeOrSay(ctx: TurnContext, emailOrName: string) {
  const id = await findEmployeeId(emailOrName);
  if (!id) ctx.reply(tr(ctx.locale, noSuchEmployee, { who: emailOrName }));
  return id;
}
