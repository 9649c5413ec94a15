import type { CommandSpec, ParseContext } from './flow.js';
import { coreText, tr } from './i18n.js';
import { keywordPrefix, normalizeText } from './normalize.js';
import { closestCommands } from './suggest.js';

export type Parsed =
  | { ok: true; command: CommandSpec; args: unknown; rest: string }
  | {
      ok: false;
      command?: CommandSpec;
      /** The command was sent with nothing after its keyword. */
      bare?: boolean;
      /** The text after the command's keyword. */
      rest?: string;
      /** `error` is a question for this missing piece; the next message answers it. */
      ask?: string;
      error: string;
      usage: string;
      suggestions: CommandSpec[];
    };

/** The command whose keyword starts the text (longest keyword wins) and the text after it. */
export function matchCommand(
  text: string,
  commands: readonly CommandSpec[],
): { command: CommandSpec; rest: string } | null {
  let best: { command: CommandSpec; length: number } | null = null;
  for (const command of commands) {
    for (const keyword of [...command.keywords['zh-CN'], ...command.keywords.en]) {
      const length = keywordPrefix(text, keyword);
      if (length > (best?.length ?? 0)) best = { command, length };
    }
  }
  return best && { command: best.command, rest: text.slice(best.length).trim() };
}

/**
 * Text → `{ intent, args }` or a usage error in the person's language.
 * @example parseText('帮助 请假', commands, ctx) // { ok: true, command: help, args: { topic: '请假' } }
 */
export function parseText(raw: string, commands: readonly CommandSpec[], ctx: ParseContext): Parsed {
  const text = normalizeText(raw);
  const match = matchCommand(text, commands);
  if (!match) {
    const suggestions = closestCommands(text, commands);
    const shown = suggestions.length > 0 ? suggestions : commands.filter((c) => c.intent === 'help');
    return {
      ok: false,
      error: tr(ctx.locale, coreText.didntUnderstand, { text: clip(text, 40) }),
      usage: shown.map((c) => tr(ctx.locale, c.usage)).join('\n'),
      suggestions,
    };
  }
  return parseRest(match.command, match.rest, ctx);
}

/** The text after a command's keyword → its arguments, a problem, or a question. */
export function parseRest(command: CommandSpec, rest: string, ctx: ParseContext): Parsed {
  const result = command.parse(rest, ctx);
  if ('args' in result) return { ok: true, command, args: result.args, rest };
  return {
    ok: false,
    command,
    bare: rest === '',
    rest,
    error: result.problem,
    ...(result.ask ? { ask: result.ask, rest: result.rest ?? rest } : {}),
    usage: tr(ctx.locale, command.usage),
    suggestions: [],
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
