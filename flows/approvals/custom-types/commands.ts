import type { z } from 'zod';
import type { CommandSpec } from '../../../src/bot/flow.js';
import { tr } from '../../../src/bot/i18n.js';
import { requestCommand } from '../commands.js';
import { fileRequest } from '../handlers.js';
import type { CustomType } from './build-type.js';
import { latestType, latestTypes } from './store.js';

const t = {
  changed: {
    'zh-CN': '「{type}」的表单刚刚更新了，请按新的格式重新提交：',
    en: 'The {type} form has just changed; please send it again as it is now:',
  },
  gone: { 'zh-CN': '没有这种申请类型了。', en: 'That request type no longer exists.' },
};

/**
 * A custom type as a command, like a built-in one, with two differences. A question for a
 * missing field leaves `name=` after what was said, so the answer fills that field whatever the
 * order. And what is filed is checked again against the type's latest version: a definition
 * changed while a confirmation waited is not filed with fields it no longer has.
 */
function customCommand(rt: CustomType): CommandSpec {
  const base = requestCommand(rt);
  return {
    ...base,
    parse(rest, ctx) {
      const result = base.parse(rest, ctx);
      return 'problem' in result && result.ask ? { ...result, rest: `${rest} ${result.ask}=` } : result;
    },
    async handle(ctx, args) {
      const latest = await latestType(rt.type);
      if (!latest) return ctx.reply(tr(ctx.locale, t.gone));
      const schema = latest.schema(ctx.now, { currency: ctx.companyCurrency }) as z.ZodType<unknown>;
      const again = schema.safeParse(args);
      if (!again.success)
        return ctx.reply(
          `${tr(ctx.locale, t.changed, { type: tr(ctx.locale, latest.label) })}\n${tr(ctx.locale, latest.usage)}`,
        );
      return fileRequest(ctx, latest.type, again.data as Record<string, unknown>);
    },
  };
}

const built = new WeakMap<readonly CustomType[], CommandSpec[]>();

/** The custom types' commands now; rebuilt only when a type changed. */
export async function customCommands(): Promise<readonly CommandSpec[]> {
  const types = await latestTypes();
  let commands = built.get(types);
  if (!commands) {
    commands = types.map(customCommand);
    built.set(types, commands);
  }
  return commands;
}
