import type { Area, CommandSpec } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';

const text = {
  overviewTitle: { 'zh-CN': '我能帮你做这些', en: 'What I can do' },
  overviewBody: {
    'zh-CN': '发送“帮助 <命令>”查看用法，例如：帮助 {example}',
    en: 'Send "help <command>" for its usage, e.g. help {example}',
  },
  noSuchTopic: { 'zh-CN': '没有“{topic}”这个命令。', en: 'There is no command "{topic}".' },
  usage: { 'zh-CN': '用法', en: 'Usage' },
  examples: { 'zh-CN': '示例', en: 'Examples' },
  alsoWorks: { 'zh-CN': '也可以说', en: 'Also works' },
};

const separator = (locale: Locale) => (locale === 'en' ? ', ' : '、');

function inArea(commands: readonly CommandSpec[], area: Area): CommandSpec[] {
  return commands.filter((c) => c.area === area.id);
}

/** Every area with its commands, and a button per area for the details. */
export function overviewCard(
  locale: Locale,
  areas: readonly Area[],
  commands: readonly CommandSpec[],
  unknownTopic?: string,
): Card {
  const shown = [...areas].sort((a, b) => a.order - b.order).filter((a) => inArea(commands, a).length > 0);
  const example = commands.find((c) => c.intent !== 'help') ?? commands[0];
  const body = tr(locale, text.overviewBody, { example: example?.keywords[locale][0] ?? '' });
  return {
    title: tr(locale, text.overviewTitle),
    subtitle: unknownTopic ? tr(locale, text.noSuchTopic, { topic: unknownTopic }) : undefined,
    fields: shown.map((a) => [
      tr(locale, a.label),
      inArea(commands, a)
        .map((c) => c.keywords[locale][0])
        .join(separator(locale)),
    ]),
    body,
    status: 'info',
    actions: shown.map((a) => ({
      actionId: 'help.topic',
      label: tr(locale, a.label),
      style: 'default',
      value: a.id,
    })),
  };
}

export function areaCard(locale: Locale, area: Area, commands: readonly CommandSpec[]): Card {
  return {
    title: tr(locale, area.label),
    fields: inArea(commands, area).map((c) => [tr(locale, c.usage), tr(locale, c.summary)]),
    status: 'info',
    actions: [],
  };
}

export function commandCard(locale: Locale, command: CommandSpec): Card {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return {
    title: command.keywords[locale][0] ?? command.intent,
    subtitle: tr(locale, command.summary),
    fields: [
      [tr(locale, text.usage), tr(locale, command.usage)],
      [tr(locale, text.examples), command.examples[locale].join('\n')],
      [tr(locale, text.alsoWorks), command.usage[other]],
    ],
    status: 'info',
    actions: [],
  };
}
