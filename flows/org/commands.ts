import { defineCommand } from '../../src/bot/flow.js';
import { noArgs } from '../../src/bot/no-args.js';
import { profileCard } from './cards.js';
import { profileOf } from './service.js';

export const whoamiCommand = defineCommand<Record<string, never>>({
  intent: 'org.whoami',
  area: 'org',
  keywords: { 'zh-CN': ['我是谁', '我的信息'], en: ['whoami', 'who am i'] },
  summary: { 'zh-CN': '查看你的档案和已绑定的账号', en: 'Your profile and the chat accounts bound to it' },
  usage: { 'zh-CN': '我是谁', en: 'whoami' },
  examples: { 'zh-CN': ['我是谁'], en: ['whoami'] },
  parse: noArgs,
  async handle(ctx) {
    ctx.reply({ card: profileCard(ctx.locale, await profileOf(ctx.person.id), ctx.companyCurrency) });
  },
});
