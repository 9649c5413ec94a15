import type { z } from 'zod';
import { type CommandSpec, defineCommand, type ParseContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { readingLinks } from './attachments.js';
import { fileRequest, previewRequest } from './handlers.js';
import { REQUEST_TYPES } from './requests/index.js';
import {
  describeProblem,
  fieldLabel,
  isMissing,
  questionFor,
  type RequestType,
} from './requests/request-type.js';

/** Empty form inputs mean "not given", so defaults and "missing" messages apply as for text. */
function given(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}

/** A type's form values checked by its schema: the data, or a problem per field. */
export function checkForm(
  rt: RequestType,
  values: Record<string, string>,
  ctx: ParseContext,
): { args: Record<string, unknown> } | { errors: Record<string, string> } {
  const parsed = (rt.schema(ctx.now, ctx) as z.ZodType<Record<string, unknown>>).safeParse(given(values));
  if (parsed.success) return { args: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? rt.formFields[0]?.name);
    errors[name] ??= describeProblem(issue, ctx.locale, fieldLabel(rt, ctx.locale));
  }
  return { errors };
}

/** One command per request type: the same schema checks the text and the form. */
export function requestCommand(rt: RequestType): CommandSpec {
  return defineCommand<Record<string, unknown>>({
    intent: rt.intent,
    area: 'approvals',
    keywords: rt.keywords,
    summary: {
      'zh-CN': `发起${rt.label['zh-CN']}申请`,
      en: `Ask for approval: ${rt.label.en.toLowerCase()}`,
    },
    usage: rt.usage,
    examples: rt.examples,
    parse: readingLinks<Record<string, unknown>>((rest, ctx) => {
      const read = rt.fromText(rest, ctx);
      if (read.problem) return { problem: read.problem, ...(read.ask ? { ask: read.ask } : {}) };
      const parsed = (rt.schema(ctx.now, ctx) as z.ZodType<Record<string, unknown>>).safeParse(read.fields);
      if (parsed.success) return { args: parsed.data };
      const issue = parsed.error.issues[0];
      if (!issue) return { problem: tr(ctx.locale, rt.usage) };
      // one missing field is asked for alone, unless nothing at all was said (then: the usage)
      if (rest !== '' && isMissing(issue, read.fields))
        return { problem: questionFor(rt, String(issue.path[0]), ctx.locale), ask: String(issue.path[0]) };
      return { problem: describeProblem(issue, ctx.locale, fieldLabel(rt, ctx.locale)) };
    }),
    handle: (ctx, data) => fileRequest(ctx, rt.type, data),
    writes: true,
    preview: (ctx, data) => previewRequest(ctx, rt.type, data),
    draft: (rest, ctx) =>
      Object.fromEntries(
        Object.entries(rt.fromText(rest, ctx).fields)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
    form: {
      title: rt.label,
      fields: rt.formFields,
      parse: (values, ctx) => checkForm(rt, values, ctx),
    },
  });
}

export const requestCommands: CommandSpec[] = REQUEST_TYPES.filter((t) => !t.filedBy).map(requestCommand);
