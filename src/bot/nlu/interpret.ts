import type { CommandSpec, ParseContext } from '../flow.js';
import { type Parsed, parseText } from '../parser.js';
import type { Understander, Understood } from './understand.js';

export type Interpretation =
  | { by: 'grammar'; parsed: Parsed }
  | { by: 'understanding'; understood: Understood };

/**
 * What the bot makes of a message, without acting on it: the exact grammar first (a command
 * keyword leads), else the understanding layer. The router acts on this; `npm run parse` and the
 * NLU evaluation print it.
 */
export async function interpret(
  text: string,
  commands: readonly CommandSpec[],
  understander: Understander | undefined,
  ctx: ParseContext,
): Promise<Interpretation> {
  const parsed = parseText(text, commands, ctx);
  if (parsed.ok || parsed.command || !understander) return { by: 'grammar', parsed };
  return { by: 'understanding', understood: await understander.understand(text, ctx) };
}

/** The stable JSON contract of `npm run parse`: what the bot would do with the message. */
export type Verdict =
  | { intent: string; args: unknown; confirm: boolean }
  | { intent: string; ask: string; question: string }
  | { intent?: string; error: string; usage: string }
  | { greeting: true }
  | { unknown: true; suggestions: string[] };

export function verdictOf(i: Interpretation, locale: 'zh-CN' | 'en'): Verdict {
  if (i.by === 'grammar') {
    const p = i.parsed;
    if (p.ok) return { intent: p.command.intent, args: p.args, confirm: false };
    if (p.command && p.ask) return { intent: p.command.intent, ask: p.ask, question: p.error };
    return { ...(p.command ? { intent: p.command.intent } : {}), error: p.error, usage: p.usage };
  }
  const u = i.understood;
  switch (u.kind) {
    case 'command':
      return { intent: u.command.intent, args: u.args, confirm: u.confirm };
    case 'ask':
      return { intent: u.command.intent, ask: u.field, question: u.question };
    case 'problem':
      return { intent: u.command.intent, error: u.problem, usage: u.command.usage[locale] };
    case 'greeting':
      return { greeting: true };
    case 'unknown':
      return { unknown: true, suggestions: u.candidates.map((c) => c.intent) };
  }
}
