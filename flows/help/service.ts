import type { Area, TurnContext } from '../../src/bot/flow.js';
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
  const match = matchCommand(normalizeText(topic), commands);
  ctx.reply({
    card: match ? commandCard(locale, match.command) : overviewCard(locale, areas, commands, topic),
  });
}

function findArea(areas: readonly Area[], topic: string): Area | undefined {
  const wanted = normalizeText(topic).toLowerCase();
  return areas.find(
    (a) => a.id === wanted || a.label.en.toLowerCase() === wanted || a.label['zh-CN'] === wanted,
  );
}
