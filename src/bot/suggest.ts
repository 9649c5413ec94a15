import type { CommandSpec, ParseContext, TurnContext } from './flow.js';
import { coreText, tr } from './i18n.js';
import { type Button, type Card, type Incoming, type Locale, OPEN_FORM_ACTION } from './types.js';

const HAN = /\p{Script=Han}/u;

/** The commands whose keywords look most like `text`, best first. */
export function closestCommands(text: string, commands: readonly CommandSpec[], limit = 3): CommandSpec[] {
  const lower = text.toLowerCase();
  const scored = commands
    .map((command) => {
      const keywords = [...command.keywords['zh-CN'], ...command.keywords.en];
      return { command, score: Math.max(...keywords.map((k) => similarity(lower, k.toLowerCase()))) };
    })
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.command);
}

function similarity(text: string, keyword: string): number {
  if (text.includes(keyword)) return 0.9;
  if (HAN.test(keyword)) {
    const chars = [...keyword];
    const hits = chars.filter((c) => text.includes(c)).length;
    // one shared character counts when it starts the keyword (请加 → 请假), not when it is a
    // common ending (怎么样 is no 送样)
    if (hits === 1 && chars.length > 1 && !text.includes(chars[0] as string)) return 0;
    return hits / chars.length;
  }
  const head = text.split(' ').slice(0, keyword.split(' ').length).join(' ');
  return 1 - levenshtein(head, keyword) / Math.max(head.length, keyword.length);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** A core button: shows a command's usage and examples (value: the intent). */
export const USAGE_ACTION = 'usage.show';

export function usageReply(command: CommandSpec, locale: Locale): string {
  const examples = command.examples[locale].slice(0, 2).map((e) => `• ${e}`);
  return [
    tr(locale, command.summary),
    `${tr(locale, coreText.usage)}${tr(locale, command.usage)}`,
    ...examples,
  ].join('\n');
}

/**
 * When nothing fits: the closest commands as buttons. One that needs nothing more runs; one with
 * a form opens it where the platform can; any other shows how to say it.
 */
export async function suggestionCard(
  ctx: TurnContext,
  parseCtx: ParseContext,
  text: string,
  candidates: CommandSpec[],
  forms: Incoming['forms'],
): Promise<Card> {
  const shown = candidates.length > 0 ? candidates : ctx.commands.filter((c) => c.intent === 'help');
  const actions: Button[] = [];
  for (const command of shown) {
    const label = command.keywords[ctx.locale][0] ?? command.intent;
    const bare = command.parse('', parseCtx);
    if ('args' in bare && !command.writes) actions.push(await ctx.choice(label, command.intent, bare.args));
    else if (forms && command.form)
      actions.push({ actionId: OPEN_FORM_ACTION, label, style: 'default', value: command.intent });
    else actions.push({ actionId: USAGE_ACTION, label, style: 'default', value: command.intent });
  }
  return {
    title: tr(ctx.locale, coreText.suggestTitle, { text: text.length > 40 ? `${text.slice(0, 40)}…` : text }),
    fields: shown.map((c) => [c.keywords[ctx.locale][0] ?? c.intent, tr(ctx.locale, c.summary)]),
    body: tr(ctx.locale, coreText.seeHelp),
    status: 'info',
    actions,
  };
}

/** Arguments as card lines, for commands without a preview of their own. */
export function describeArgs(args: unknown): [string, string][] {
  if (typeof args !== 'object' || args === null) return [];
  return Object.entries(args)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}
