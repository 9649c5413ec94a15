import { z } from 'zod';
import { defineCommand } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { showHelp } from './service.js';

const args = z.object({ topic: z.string().max(40).optional() });

export const helpCommand = defineCommand<z.infer<typeof args>>({
  intent: 'help',
  area: 'help',
  keywords: { 'zh-CN': ['帮助', '菜单', '命令'], en: ['help', 'menu', 'commands', '?'] },
  summary: { 'zh-CN': '列出我能做的事，或某个命令的用法', en: 'What I can do, or how to use one command' },
  usage: { 'zh-CN': '帮助 [命令]', en: 'help [command]' },
  examples: { 'zh-CN': ['帮助', '帮助 请假'], en: ['help', 'help leave'] },
  parse(rest, ctx) {
    const parsed = args.safeParse({ topic: rest || undefined });
    return parsed.success
      ? { args: parsed.data }
      : { problem: tr(ctx.locale, { 'zh-CN': '命令名太长。', en: 'That command name is too long.' }) };
  },
  handle: (ctx, { topic }) => showHelp(ctx, topic),
});
