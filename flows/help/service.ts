import type { Area, CommandSpec, TurnContext } from '../../src/bot/flow.js';
import { normalizeText } from '../../src/bot/normalize.js';
import { matchCommand } from '../../src/bot/parser.js';
import { areaCard, commandCard, overviewCard } from './cards.js';

/** Overview, one area, or one command — whichever the topic names. */
export async function showHelp(ctx: TurnContext, topic: string | undefined): Promise<void> {
  const { locale, commands, areas } = ctx;
  if (!topic) {
    ctx.reply({ card: overviewCard(locale, areas, commands) });
    return;
  }
  const area = findArea(areas, topic);
  if (area) {
    ctx.reply({ card: areaCard(locale, area, commands) });
    return;
  }
  const command = matchCommand(normalizeText(topic), commands)?.command ?? mentioned(topic, commands);
  ctx.reply({
    card: command ? commandCard(locale, command) : overviewCard(locale, areas, commands, topic),
  });
}

/** The command whose keyword the topic names anywhere ("how do I file an expense"), longest first. */
function mentioned(topic: string, commands: readonly CommandSpec[]): CommandSpec | undefined {
  const text = normalizeText(topic).toLowerCase();
  let best: { command: CommandSpec; length: number } | undefined;
  for (const command of commands)
    for (const k of [...command.keywords['zh-CN'], ...command.keywords.en])
      if (k.length > 1 && k.length > (best?.length ?? 0) && text.includes(k.toLowerCase()))
        best = { command, length: k.length };
  return best?.command;
}

function findArea(areas: readonly Area[], topic: string): Area | undefined {
  const wanted = normalizeText(topic).toLowerCase();
  return areas.find(
    (a) => a.id === wanted || a.label.en.toLowerCase() === wanted || a.label['zh-CN'] === wanted,
  );
}
