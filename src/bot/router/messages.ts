import type { CommandSpec, ParseContext } from '../flow.js';
import { draftOf, formFor, questionCard, usageCardWithForm } from '../forms.js';
import { heldFiles, heldKey, holdFiles } from '../held-files.js';
import { coreText, detectLocale, tr } from '../i18n.js';
import { interpret } from '../nlu/interpret.js';
import type { Understood } from '../nlu/understand.js';
import { matchCommand, parseRest } from '../parser.js';
import { ASK_TTL_MS, askKey } from '../pending.js';
import { describeArgs, suggestionCard } from '../suggest.js';
import type { Incoming, Outcome, Person } from '../types.js';
import type { RouterDeps } from './deps.js';
import { handled } from './handled.js';
import type { Turn, Turns } from './turns.js';

/** One message's turn, as the steps below need it. */
type Talk = {
  deps: RouterDeps;
  ctx: Turn;
  parseCtx: ParseContext;
  text: string;
  question: string;
  forms: Incoming['forms'];
  byIntent: Map<string, CommandSpec>;
  /** The key of files waiting in this chat that this turn took up, dropped once a command uses them. */
  held: string | null;
};

const isWrite = (c: CommandSpec) => c.writes !== undefined && c.writes !== false;

/** Longer text is not a command: it is answered, never parsed (and never kept as a note). */
const MAX_TEXT = 4000;

/**
 * A message: files alone are held for the next command; otherwise the answer to an open question,
 * a command in the grammar or a free sentence the understanding layer reads — each acted on, or
 * answered with what was wrong and how to say it.
 */
export async function dispatchMessage(deps: RouterDeps, turns: Turns, incoming: Incoming): Promise<Outcome> {
  const log = deps.log.child({ platform: incoming.platform, eventId: incoming.messageId });
  const localeOf = (person: Person | null) => detectLocale(incoming.text, person?.locale ?? 'zh-CN');
  return handled(deps, incoming, incoming.messageId, localeOf, log, async (person, locale) => {
    const question = askKey(person.id, incoming.platform, incoming.chat.id);
    const heldAt = heldKey(question);
    const sent = incoming.files ?? [];
    if (!incoming.text.trim() && sent.length) {
      const at = { employeeId: person.id, locale };
      const n = await holdFiles(deps.pending, heldAt, at, sent, deps.now());
      return { kind: 'replies', replies: [{ text: tr(locale, coreText.filesHeld, { n }) }] };
    }
    const held = await heldFiles(deps.pending, heldAt, deps.now());
    const files = [...held, ...sent];
    const { ctx, commands, byIntent } = await turns.turn(person, locale, log, files);
    const parseCtx = turns.parseContext(ctx);
    if (incoming.text.length > MAX_TEXT) {
      ctx.reply(tr(locale, coreText.tooLong, { max: MAX_TEXT }));
      return { kind: 'replies', replies: ctx.replies };
    }
    const talk: Talk = {
      deps,
      ctx,
      parseCtx,
      text: incoming.text,
      question,
      forms: incoming.forms,
      byIntent,
      held: held.length ? heldAt : null,
    };
    const answer = await answered(talk, commands);
    // the question's own files come first: they were sent before this answer
    if (answer?.files.length) files.unshift(...answer.files);
    const found = answer
      ? { by: 'grammar' as const, parsed: answer.parsed }
      : await interpret(incoming.text, commands, deps.understand, parseCtx);
    if (found.by === 'understanding') return understood(talk, found.understood);
    const parsed = found.parsed;
    const confirm = answer?.confirm ?? false;
    if (parsed.ok) await run(talk, parsed.command, parsed.args, confirm);
    else if (parsed.command && parsed.ask)
      await ask(talk, parsed.command, parsed.rest ?? '', parsed.error, confirm);
    else if (parsed.command) {
      const draft = incoming.forms ? draftOf(parsed.command, parsed.rest ?? '', parseCtx) : {};
      const form = incoming.forms && formFor(parsed.command, locale, draft);
      if (form && incoming.forms === 'now' && parsed.bare) return { kind: 'form', form };
      if (form) ctx.reply({ card: usageCardWithForm(parsed.command, locale, parsed.error, draft) });
      else ctx.reply(`${parsed.error}\n${tr(locale, coreText.usage)}${parsed.usage}`);
    } else {
      const closest = parsed.suggestions.map((c) => `• ${tr(locale, c.usage)}`);
      const lines = [parsed.error, ...(closest.length ? [tr(locale, coreText.closest), ...closest] : [])];
      ctx.reply([...lines, tr(locale, coreText.seeHelp)].join('\n'));
    }
    return { kind: 'replies', replies: ctx.replies };
  });
}

/**
 * The answer to a question the bot asked in this chat: what was said before plus this message,
 * parsed again. A message that starts a command of its own is not an answer. `confirm`: the
 * question came from free text, so the command is still held for Submit.
 */
async function answered(talk: Talk, commands: readonly CommandSpec[]) {
  const { pending, now } = talk.deps;
  const open = await pending.peek(talk.question, now());
  if (!open || matchCommand(talk.text, commands)) return null;
  const command = talk.byIntent.get(open.intent);
  if (!command || !(await pending.take(talk.question, now()))) return null;
  const confirm = (open.args as { confirm?: boolean } | undefined)?.confirm === true;
  const parsed = parseRest(command, `${open.text ?? ''} ${talk.text}`.trim(), talk.parseCtx);
  return { parsed, confirm, files: open.files ?? [] };
}

/** Runs a command, or holds it for Submit when it writes and came from free text. */
async function run(talk: Talk, command: CommandSpec, args: unknown, confirm: boolean): Promise<void> {
  talk.ctx.log.info({ intent: command.intent, employeeId: talk.ctx.person.id, confirm }, 'command');
  await useHeld(talk);
  if (!confirm) return command.handle(talk.ctx, args);
  const fields = (await command.preview?.(talk.ctx, args)) ?? describeArgs(args);
  await talk.ctx.propose({ intent: command.intent, args, fields });
}

/** Files waiting in the chat go to the first command after them (with it, or with its question). */
async function useHeld(talk: Talk) {
  if (talk.held) await talk.deps.pending.drop(talk.held);
}

/** Puts one question; the person's next message in this chat answers it (with the files so far). */
async function ask(talk: Talk, command: CommandSpec, rest: string, question: string, confirm: boolean) {
  await useHeld(talk);
  await talk.deps.pending.put({
    ...(talk.ctx.files.length ? { files: talk.ctx.files } : {}),
    id: talk.question,
    employeeId: talk.ctx.person.id,
    intent: command.intent,
    text: rest,
    args: { confirm },
    locale: talk.ctx.locale,
    expiresAt: new Date(talk.deps.now().getTime() + ASK_TTL_MS),
  });
  // where the platform has forms, the question comes with the form, filled in with what was said
  const draft = talk.forms ? draftOf(command, rest, talk.parseCtx) : {};
  if (talk.forms && command.form)
    talk.ctx.reply({ card: questionCard(command, talk.ctx.locale, question, draft) });
  else talk.ctx.reply(question);
}

/** What the understanding layer made of a free sentence, acted on. */
async function understood(talk: Talk, u: Understood): Promise<Outcome> {
  const { ctx } = talk;
  if (u.kind === 'command') await run(talk, u.command, u.args, u.confirm);
  else if (u.kind === 'ask') await ask(talk, u.command, u.rest, u.question, isWrite(u.command));
  else if (u.kind === 'problem')
    ctx.reply(`${u.problem}\n${tr(ctx.locale, coreText.usage)}${tr(ctx.locale, u.command.usage)}`);
  else if (u.kind === 'greeting') {
    ctx.reply(tr(ctx.locale, coreText.greeting, { name: ctx.person.name }));
    const help = talk.byIntent.get('help');
    const bare = help?.parse('', talk.parseCtx);
    if (help && bare && 'args' in bare) await help.handle(ctx, bare.args);
  } else ctx.reply({ card: await suggestionCard(ctx, talk.parseCtx, talk.text, u.candidates, talk.forms) });
  return { kind: 'replies', replies: ctx.replies };
}
