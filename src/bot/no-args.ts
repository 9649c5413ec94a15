import type { ParseResult } from './flow.js';
import { type Text, tr } from './i18n.js';
import type { Locale } from './types.js';

const takesNone = { 'zh-CN': '这个命令不需要参数。', en: 'This command takes no arguments.' } satisfies Text;

/** The parser of a command that takes nothing after its keyword ("我的申请", "whoami"). */
export const noArgs = (rest: string, ctx: { locale: Locale }): ParseResult<Record<string, never>> =>
  rest === '' ? { args: {} } : { problem: tr(ctx.locale, takesNone) };
