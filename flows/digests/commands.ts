import type { DigestSectionSpec } from '../../src/bot/digest.js';
import { type CommandSpec, defineCommand, type ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { noArgs } from '../../src/bot/no-args.js';
import { parseQuietHours, type QuietHours } from '../../src/bot/quiet-hours.js';
import type { Locale } from '../../src/bot/types.js';
import { m } from './messages.js';
import { digestFor } from './run.js';
import { type MuteWhat, setMuted, setQuietHours } from './settings.js';

const WHAT: Record<string, MuteWhat> = {
  '': 'all',
  摘要: 'digests',
  每日摘要: 'digests',
  digest: 'digests',
  digests: 'digests',
  提醒: 'reminders',
  reminder: 'reminders',
  reminders: 'reminders',
  全部: 'all',
  all: 'all',
};

function parseWhat(rest: string, ctx: { locale: Locale }): ParseResult<{ what: MuteWhat }> {
  const what = WHAT[rest.toLowerCase()];
  return what ? { args: { what } } : { problem: tr(ctx.locale, m.badWhat, { got: rest }) };
}

type QuietArgs = { quiet: QuietHours | 'show' | 'default' };
const OFF = ['关', '关闭', '无', 'off', 'none'];
const DEFAULT = ['默认', '恢复默认', 'default', 'reset'];

function parseQuiet(rest: string, ctx: { locale: Locale }): ParseResult<QuietArgs> {
  const word = rest.toLowerCase();
  if (word === '') return { args: { quiet: 'show' } };
  if (OFF.includes(word)) return { args: { quiet: { start: '00:00', end: '00:00' } } };
  if (DEFAULT.includes(word)) return { args: { quiet: 'default' } };
  const quiet = parseQuietHours(rest);
  return quiet ? { args: { quiet } } : { problem: tr(ctx.locale, m.badQuiet, { got: rest }) };
}

/** Mute and unmute: the same words after them, the opposite switch. */
const muteCommand = (
  muted: boolean,
  spec: Pick<CommandSpec, 'intent' | 'keywords' | 'summary' | 'usage' | 'examples' | 'writes'>,
) =>
  defineCommand<{ what: MuteWhat }>({
    ...spec,
    negative: muted,
    area: 'digests',
    parse: parseWhat,
    async handle(ctx, { what }) {
      await setMuted(ctx.person.id, what, muted);
      ctx.reply(tr(ctx.locale, (muted ? m.muted : m.unmuted)[what]));
    },
  });

/** The digest commands; "digest" shows the sections the flows declare. */
export const digestCommands = (sections: readonly DigestSectionSpec[]): CommandSpec[] => [
  defineCommand<Record<string, never>>({
    intent: 'digests.now',
    area: 'digests',
    keywords: { 'zh-CN': ['摘要', '今日摘要'], en: ['digest', 'my digest', 'send my digest now'] },
    summary: { 'zh-CN': '现在就看今天的摘要', en: "Today's digest, right now" },
    usage: { 'zh-CN': '摘要', en: 'digest' },
    examples: { 'zh-CN': ['摘要'], en: ['send my digest now'] },
    parse: noArgs,
    async handle(ctx) {
      // in the language asked in, not the one the morning digest is written in
      const card = await digestFor(sections, { ...ctx.person, locale: ctx.locale }, ctx.now.toJSDate());
      ctx.reply(card ? { card } : tr(ctx.locale, m.nothing));
    },
  }),
  muteCommand(true, {
    intent: 'digests.mute',
    writes: true,
    keywords: { 'zh-CN': ['静音'], en: ['mute'] },
    summary: { 'zh-CN': '不再收每日摘要和/或提醒', en: 'Stop the morning digest and/or reminders' },
    usage: { 'zh-CN': '静音 [摘要|提醒]', en: 'mute [digests|reminders]' },
    examples: { 'zh-CN': ['静音 提醒', '静音'], en: ['mute reminders', 'mute'] },
  }),
  muteCommand(false, {
    intent: 'digests.unmute',
    writes: true,
    keywords: { 'zh-CN': ['取消静音'], en: ['unmute'] },
    summary: { 'zh-CN': '恢复每日摘要和/或提醒', en: 'Get the morning digest and/or reminders again' },
    usage: { 'zh-CN': '取消静音 [摘要|提醒]', en: 'unmute [digests|reminders]' },
    examples: { 'zh-CN': ['取消静音'], en: ['unmute'] },
  }),
  defineCommand<QuietArgs>({
    intent: 'digests.quiet',
    // said with a no ("不能批", "不需要了", "不跟了", "不要打扰")
    negative: true,
    // bare, it only shows them
    writes: ({ quiet }) => quiet !== 'show',
    area: 'digests',
    keywords: { 'zh-CN': ['免打扰'], en: ['quiet hours'] },
    summary: {
      'zh-CN': '查看或设置免打扰时段（提醒在此期间暂缓发送）',
      en: 'See or set your quiet hours (reminders wait until they end)',
    },
    usage: { 'zh-CN': '免打扰 [HH:mm-HH:mm|关|默认]', en: 'quiet hours [HH:mm-HH:mm|off|default]' },
    examples: {
      'zh-CN': ['免打扰 22:00-07:30', '免打扰'],
      en: ['quiet hours 22:00-07:30', 'quiet hours off'],
    },
    parse: parseQuiet,
    async handle(ctx, { quiet }) {
      if (quiet !== 'show') await setQuietHours(ctx.person.id, quiet === 'default' ? null : quiet);
      const me = (await ctx.reminders.recipients([ctx.person.id])).get(ctx.person.id);
      if (!me) return;
      const hours =
        me.quiet.start === me.quiet.end ? tr(ctx.locale, m.noQuiet) : `${me.quiet.start}–${me.quiet.end}`;
      const muted = [
        me.digestsMuted && tr(ctx.locale, m.digestsOff),
        me.remindersMuted && tr(ctx.locale, m.remindersOff),
      ];
      ctx.reply(
        tr(ctx.locale, m.settings, {
          hours,
          zone: me.timezone,
          muted: muted.filter(Boolean).join(tr(ctx.locale, m.and)) || tr(ctx.locale, m.nothingMuted),
        }),
      );
    },
  }),
];
