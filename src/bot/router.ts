import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import { asAppError, isStoreUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';
import { forReader } from './audience.js';
import { stampLocale } from './button-locale.js';
import { answerConfirmation, confirmationsFor } from './confirmations.js';
import type { Area, CommandSpec, Flow, ParseContext, Reminders, TurnContext } from './flow.js';
import { draftOf, formFor, questionCard, readFormButton, usageCardWithForm } from './forms.js';
import { heldFiles, heldKey, holdFiles } from './held-files.js';
import { HOME_TITLE, homeSectionsOf } from './home.js';
import { coreText, detectLocale, tr } from './i18n.js';
import { interpret } from './nlu/interpret.js';
import type { Understander, Understood } from './nlu/understand.js';
import { matchCommand, parseRest } from './parser.js';
import { ASK_TTL_MS, askKey, CANCEL_ACTION, CONFIRM_ACTION, type PendingStore } from './pending.js';
import { describeArgs, suggestionCard, USAGE_ACTION, usageReply } from './suggest.js';
import {
  type Card,
  type CardAction,
  type FormSubmission,
  type Incoming,
  type IncomingFile,
  type Locale,
  type Message,
  type MessageRef,
  OPEN_FORM_ACTION,
  type Outcome,
  type Person,
  type Platform,
  type Reply,
} from './types.js';

export type RouterDeps = {
  flows: Flow[];
  resolvePerson(platform: Platform, tenant: string, userId: string): Promise<Person | null>;
  /** Binds a first-seen platform account to the active employee with that e-mail, if any. */
  bindByEmail(
    platform: Platform,
    tenant: string,
    userId: string,
    email: string,
    at: Date,
  ): Promise<Person | null>;
  /** Claims a platform event for one handling; null when it was handled or is being handled. */
  claimEvent(platform: Platform, eventId: string, at: Date): Promise<EventClaim | null>;
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
  reminders: Reminders;
  /** Confirmations and open questions (db/pending.ts). */
  pending: PendingStore;
  /** Reads free sentences the grammar does not match; without it, only the grammar is understood. */
  understand?: Understander;
  /** The company's currency (`CURRENCY`); a person's own default comes first for amounts they type. */
  currency: string;
  log: Logger;
  now: Clock;
};

/**
 * One handling of a platform event (db/processed-events.ts). `settle` records how it ended: `done`
 * makes a retry a duplicate, `failed` lets it run again. It never throws; false when the record
 * could not be written at once (the store is away).
 */
export type EventClaim = { settle(state: 'done' | 'failed'): Promise<boolean> };

type Sender = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  lookupEmail?: () => Promise<string | null>;
};

export type Router = ReturnType<typeof createRouter>;

/** One message's turn, as the helpers below need it. */
type Talk = {
  ctx: TurnContext & { replies: Reply[] };
  parseCtx: ParseContext;
  text: string;
  question: string;
  forms: Incoming['forms'];
  byIntent: Map<string, CommandSpec>;
  /** The key of files waiting in this chat that this turn took up, dropped once a command uses them. */
  held: string | null;
};

const byIntentOf = (commands: CommandSpec[]) => new Map(commands.map((c) => [c.intent, c]));

const isWrite = (c: CommandSpec) => c.writes !== undefined && c.writes !== false;

/** Longer text is not a command: it is answered, never parsed (and never kept as a note). */
const MAX_TEXT = 4000;

/** The one entry point every adapter ends in: text, a click or a form in, neutral replies out. */
export function createRouter(deps: RouterDeps) {
  const fixed: CommandSpec[] = deps.flows.flatMap((f) => f.commands);
  let registry = { live: [] as (readonly CommandSpec[])[], commands: fixed, byIntent: byIntentOf(fixed) };
  /** The fixed commands and the flows' live ones (admin-defined types), rebuilt when those change. */
  async function currentCommands() {
    const live = await Promise.all(deps.flows.flatMap((f) => (f.liveCommands ? [f.liveCommands()] : [])));
    if (live.some((list, i) => list !== registry.live[i])) {
      const commands = [...fixed, ...live.flat()];
      registry = { live, commands, byIntent: byIntentOf(commands) };
    }
    return registry;
  }
  const areas: Area[] = deps.flows.flatMap((f) => f.areas);
  const actions = new Map(deps.flows.flatMap((f) => f.actions).map((a) => [a.actionId, a]));
  const { now } = deps;
  const homeSpecs = homeSectionsOf(deps.flows);

  /** Replies are marked with the turn's language (a click on one is answered in it) and keep to the person's buttons. */
  async function turn(person: Person, locale: Locale, log: Logger, files: IncomingFile[] = []) {
    const { commands, byIntent } = await currentCommands();
    const replies: Reply[] = [];
    const at = now();
    const base = {
      person,
      locale,
      now: DateTime.fromJSDate(at, { zone: person.timezone }),
      companyCurrency: deps.currency,
      log,
      replies,
      reply: (r: Reply | string) => {
        replies.push(stampLocale(forReader(typeof r === 'string' ? { text: r } : r, person), locale));
      },
      notify: deps.notify,
      update: deps.update,
      reminders: deps.reminders,
      commands,
      areas,
      files,
      confirmed: false,
    };
    const ctx: TurnContext & { replies: Reply[] } = {
      ...base,
      ...confirmationsFor(deps.pending, byIntent, base, at),
    };
    return { ctx, commands, byIntent };
  }

  const parseContext = (ctx: TurnContext): ParseContext => ({
    locale: ctx.locale,
    now: ctx.now,
    tz: ctx.person.timezone,
    currency: ctx.person.currency ?? deps.currency,
  });

  /** The employee behind a platform account; a first-seen account is bound by its e-mail. */
  async function identify(sender: Sender): Promise<Person | null> {
    const person = await deps.resolvePerson(sender.platform, sender.tenant, sender.platformUserId);
    if (person || !sender.lookupEmail) return person;
    const email = await sender.lookupEmail();
    return email
      ? deps.bindByEmail(sender.platform, sender.tenant, sender.platformUserId, email, now())
      : null;
  }

  /**
   * Identify, claim the event, work in the turn's language (`localeOf`: a stranger has no locale
   * of their own), then record the event as done. A stranger leaves no trace; a duplicate does
   * nothing. A failure is turned into one reply (retry hint when the store is away, else a logged
   * ref) and recorded as failed, so the platform's retry or the person's resend runs it again
   * instead of being told "duplicate" for something never done. Work that succeeded is answered
   * as such even when its record cannot be written.
   */
  async function handled(
    sender: Sender,
    eventId: string,
    localeOf: (person: Person | null) => Locale,
    log: Logger,
    work: (person: Person, locale: Locale) => Promise<Outcome>,
  ): Promise<Outcome> {
    let person: Person | null = null;
    let claimed: EventClaim | null = null;
    const settle = async (state: 'done' | 'failed') => {
      if (claimed && !(await claimed.settle(state))) log.warn({ state }, 'event outcome not recorded yet');
    };
    try {
      person = await identify(sender);
      if (!person)
        return { kind: 'unknown-user', replies: [{ text: tr(localeOf(null), coreText.unknownUser) }] };
      // keyed by sender: the web chat's ids come from its clients, and two may pick the same one
      const key = `${sender.tenant}:${sender.platformUserId}:${eventId}`;
      claimed = await deps.claimEvent(sender.platform, key, now());
      if (!claimed) return { kind: 'duplicate' };
      const outcome = await work(person, localeOf(person));
      await settle('done');
      return outcome;
    } catch (err) {
      await settle('failed');
      const locale = localeOf(person);
      if (isStoreUnavailable(err)) {
        log.warn({ err: { name: (err as Error).name } }, 'store unavailable');
        return { kind: 'replies', replies: [{ text: tr(locale, coreText.retryLater) }] };
      }
      const appError = asAppError(err);
      const told = appError.userMessage;
      if (told)
        return { kind: 'replies', replies: [{ text: typeof told === 'string' ? told : tr(locale, told) }] };

      const ref = randomUUID().slice(0, 8);
      log.error({ err, ref, code: appError.code }, 'handler failed');
      return { kind: 'replies', replies: [{ text: tr(locale, coreText.failed, { ref }) }] };
    }
  }

  async function dispatch(incoming: Incoming): Promise<Outcome> {
    const log = deps.log.child({ platform: incoming.platform, eventId: incoming.messageId });
    const localeOf = (person: Person | null) => detectLocale(incoming.text, person?.locale ?? 'zh-CN');
    return handled(incoming, incoming.messageId, localeOf, log, async (person, locale) => {
      const question = askKey(person.id, incoming.platform, incoming.chat.id);
      const heldAt = heldKey(question);
      const sent = incoming.files ?? [];
      if (!incoming.text.trim() && sent.length) {
        const at = { employeeId: person.id, locale };
        const n = await holdFiles(deps.pending, heldAt, at, sent, now());
        return { kind: 'replies', replies: [{ text: tr(locale, coreText.filesHeld, { n }) }] };
      }
      const held = await heldFiles(deps.pending, heldAt, now());
      const files = [...held, ...sent];
      const { ctx, commands, byIntent } = await turn(person, locale, log, files);
      const parseCtx = parseContext(ctx);
      if (incoming.text.length > MAX_TEXT) {
        ctx.reply(tr(locale, coreText.tooLong, { max: MAX_TEXT }));
        return { kind: 'replies', replies: ctx.replies };
      }
      const talk: Talk = {
        ctx,
        parseCtx,
        text: incoming.text,
        question,
        forms: incoming.forms,
        byIntent,
        held: held.length ? heldAt : null,
      };
      const answer = await answered(question, incoming.text, parseCtx, commands, byIntent);
      // the question's own files come first: they were sent before this answer
      if (answer?.files.length) files.unshift(...answer.files);
      const found = answer
        ? { by: 'grammar' as const, parsed: answer.parsed }
        : await interpret(incoming.text, commands, deps.understand, parseCtx);
      if (found.by === 'understanding') return understood(talk, found.understood);
      const parsed = found.parsed;
      if (parsed.ok) {
        await run(talk, parsed.command, parsed.args, answer?.confirm ?? false);
      } else if (parsed.command && parsed.ask) {
        await ask(talk, parsed.command, parsed.rest ?? '', parsed.error, answer?.confirm ?? false);
      } else if (parsed.command) {
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
  async function answered(
    key: string,
    text: string,
    ctx: ParseContext,
    commands: readonly CommandSpec[],
    byIntent: Map<string, CommandSpec>,
  ) {
    const open = await deps.pending.peek(key, now());
    if (!open || matchCommand(text, commands)) return null;
    const command = byIntent.get(open.intent);
    if (!command || !(await deps.pending.take(key, now()))) return null;
    const confirm = (open.args as { confirm?: boolean } | undefined)?.confirm === true;
    const parsed = parseRest(command, `${open.text ?? ''} ${text}`.trim(), ctx);
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
    if (talk.held) await deps.pending.drop(talk.held);
  }

  /** Puts one question; the person's next message in this chat answers it (with the files so far). */
  async function ask(talk: Talk, command: CommandSpec, rest: string, question: string, confirm: boolean) {
    await useHeld(talk);
    await deps.pending.put({
      ...(talk.ctx.files.length ? { files: talk.ctx.files } : {}),
      id: talk.question,
      employeeId: talk.ctx.person.id,
      intent: command.intent,
      text: rest,
      args: { confirm },
      locale: talk.ctx.locale,
      expiresAt: new Date(now().getTime() + ASK_TTL_MS),
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
    return { kind: 'replies', replies: talk.ctx.replies };
  }

  /**
   * A click is answered in the language of the card it was on (its button's `locale`); a card
   * sent before buttons carried one is answered in the person's own.
   */
  async function act(action: CardAction): Promise<Outcome> {
    const log = deps.log.child({
      platform: action.platform,
      eventId: action.eventId,
      actionId: action.actionId,
    });
    const localeOf = (person: Person | null) => action.locale ?? person?.locale ?? 'zh-CN';
    return handled(action, action.eventId, localeOf, log, async (person, locale) => {
      const { ctx, byIntent } = await turn(person, locale, log);
      if (action.actionId === USAGE_ACTION) {
        const command = byIntent.get(action.value);
        ctx.reply(command ? usageReply(command, ctx.locale) : tr(ctx.locale, coreText.unknownAction));
        return { kind: 'replies', replies: ctx.replies };
      }
      if (action.actionId === CONFIRM_ACTION || action.actionId === CANCEL_ACTION) {
        await answerConfirmation(
          deps.pending,
          byIntent,
          action,
          ctx,
          now(),
          action.actionId === CONFIRM_ACTION,
        );
        return { kind: 'replies', replies: ctx.replies };
      }
      const spec = actions.get(action.actionId);
      const button =
        action.actionId === OPEN_FORM_ACTION ? readFormButton(action.value) : (spec?.form?.(action) ?? null);
      const command = button ? byIntent.get(button.intent) : undefined;
      const form = command && action.canOpenForm ? formFor(command, locale, button?.draft) : null;
      if (form) return { kind: 'form', form };
      if (!spec) ctx.reply(tr(locale, coreText.unknownAction));
      else await spec.handle(ctx, action);
      return { kind: 'replies', replies: ctx.replies };
    });
  }

  /** A filled-in form: the same arguments and handler as the command's text form, in the form's language. */
  async function submit(submission: FormSubmission): Promise<Outcome> {
    const log = deps.log.child({
      platform: submission.platform,
      eventId: submission.eventId,
      intent: submission.intent,
    });
    const localeOf = (person: Person | null) => submission.locale ?? person?.locale ?? 'zh-CN';
    return handled(submission, submission.eventId, localeOf, log, async (person, locale) => {
      const { ctx, byIntent } = await turn(person, locale, log);
      const command = byIntent.get(submission.intent);
      if (!command?.form) {
        ctx.reply(tr(locale, coreText.unknownAction));
        return { kind: 'replies', replies: ctx.replies };
      }
      const parsed = command.form.parse(submission.values, parseContext(ctx));
      if ('errors' in parsed) return { kind: 'invalid', errors: parsed.errors };
      log.info({ intent: command.intent, employeeId: person.id }, 'form');
      await command.handle(ctx, parsed.args);
      return { kind: 'replies', replies: ctx.replies };
    });
  }

  /**
   * A person's home: every flow's section, in their own language, buttons marked with it. Null
   * for someone who is not (and cannot be bound to) an employee.
   */
  async function home(sender: Sender): Promise<{ person: Person; title: string; sections: Card[] } | null> {
    const person = await identify(sender);
    if (!person) return null;
    const ctx = { person, locale: person.locale, now: DateTime.fromJSDate(now(), { zone: person.timezone }) };
    const sections = await Promise.all(homeSpecs.map((spec) => spec.load(ctx)));
    return {
      person,
      title: tr(person.locale, HOME_TITLE, { name: person.name }),
      sections: sections.map((card) => withLocale(card, person)),
    };
  }

  return { dispatch, act, submit, home, commands: fixed, areas };
}

/** A home section as its owner sees it: in their language, with their buttons only. */
const withLocale = (card: Card, person: Person): Card => {
  const stamped = stampLocale(forReader({ card }, person), person.locale);
  return 'card' in stamped ? stamped.card : card;
};
