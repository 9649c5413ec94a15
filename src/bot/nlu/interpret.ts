import type { CommandSpec, ParseContext } from '../flow.js';
import { type Parsed, parseText } from '../parser.js';
import { withoutCourtesy } from './fillers.js';
import type { Understander, Understood } from './understand.js';

export type Interpretation =
  | { by: 'grammar'; parsed: Parsed }
  | { by: 'understanding'; understood: Understood };

/**
 * What the bot makes of a message, without acting on it: the exact grammar first (a command
 * keyword leads), else the understanding layer — which also gets a keyword-led message the
 * grammar refused, read as that command's sentence. The router acts on this; `npm run parse` and the
 * NLU evaluation print it.
 */
export async function interpret(
  text: string,
  commands: readonly CommandSpec[],
  understander: Understander | undefined,
  ctx: ParseContext,
): Promise<Interpretation> {
  const parsed = parseText(text, commands, ctx);
  if (!understander) return { by: 'grammar', parsed };
  if (!parsed.command) return { by: 'understanding', understood: await understander.understand(text, ctx) };
  const sentence = looksLikeSentence(parsed.rest ?? '');
  // "报销流程太麻烦了", "客户今天心情不错": a keyword in passing, asking for nothing
  if (sentence && saysNothing(understander, text, parsed.command.intent))
    return { by: 'understanding', understood: await understander.understand(text, ctx) };
  if (!parsed.ok && !parsed.ask && onlyAsking(parsed.rest ?? '')) {
    // "待我审批的有哪些", "my orders please": a command that takes nothing, asked as a question
    const bare = parsed.command.parse('', ctx);
    if ('args' in bare)
      return { by: 'grammar', parsed: { ok: true, command: parsed.command, args: bare.args, rest: '' } };
  }
  if (parsed.ok || parsed.ask || !sentence || !isSure(understander, text, parsed.command.intent))
    return { by: 'grammar', parsed };
  // a keyword led, the grammar did not fit, and the whole sentence clearly asks for this command
  // ("quiet hours from 10pm to 7am please"): read as a sentence, else the grammar's precise refusal
  const read = understander.readAs(parsed.command, text, ctx);
  return read.kind === 'command' ? { by: 'understanding', understood: read } : { by: 'grammar', parsed };
}

/** Words that only make a request a question or polite: nothing to read as an argument. */
function onlyAsking(rest: string): boolean {
  const left = withoutCourtesy(rest)
    .replace(
      /的|有哪些|哪些|有什么|什么|有没有|有多少|多少|几个|几条|呢|吗|嘛|啊|吧|了|看看|一下|are there|is there|do i have|what|which|any|now|today|please|pls|[?？!！.。]/giu,
      '',
    )
    .trim();
  return rest.trim() !== '' && left === '';
}

/** The classifier's first choice for the whole sentence is this intent, and by far. */
function isSure(understander: Understander, text: string, intent: string): boolean {
  const top = understander.classify(text)[0];
  return top?.intent === intent && top.score >= 0.65;
}

/** The classifier is sure the sentence asks for nothing, and sees little of the keyword's command in it. */
function saysNothing(understander: Understander, text: string, intent: string): boolean {
  const ranked = understander.classify(text);
  const top = ranked[0];
  const mine = ranked.find((r) => r.intent === intent)?.score ?? 0;
  return !!top && (top.intent === 'none' || top.intent === 'greeting') && top.score >= 0.5 && mine < 0.2;
}

/**
 * More than a word or two after the keyword: a sentence rather than a mistyped argument. "静音
 * 天气" or "摘要 明天" keep the grammar's precise refusal.
 */
function looksLikeSentence(rest: string): boolean {
  const latin = rest.match(/[A-Za-z]+/g)?.length ?? 0;
  const han = rest.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin >= 3 || han >= 5 || latin + han / 2 >= 3;
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
