import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import { asAppError, isStoreUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Area, CommandSpec, Flow, Reminders, TurnContext } from './flow.js';
import { draftOf, formFor, readFormButton, usageCardWithForm } from './forms.js';
import { coreText, detectLocale, tr } from './i18n.js';
import { parseText } from './parser.js';
import {
  type CardAction,
  type FormSubmission,
  type Incoming,
  type Locale,
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
  bindByEmail(platform: Platform, tenant: string, userId: string, email: string): Promise<Person | null>;
  /** False when this platform event was already handled. */
  claimEvent(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  notify(employeeId: string, reply: Reply): Promise<MessageRef[]>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
  reminders: Reminders;
  log: Logger;
  now: Clock;
};

type Sender = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  lookupEmail?: () => Promise<string | null>;
};

export type Router = ReturnType<typeof createRouter>;

/** The one entry point every adapter ends in: text, a click or a form in, neutral replies out. */
export function createRouter(deps: RouterDeps) {
  const commands: CommandSpec[] = deps.flows.flatMap((f) => f.commands);
  const byIntent = new Map(commands.map((c) => [c.intent, c]));
  const areas: Area[] = deps.flows.flatMap((f) => f.areas);
  const actions = new Map(deps.flows.flatMap((f) => f.actions).map((a) => [a.actionId, a]));
  const { now } = deps;

  function turn(person: Person, locale: Locale, log: Logger): TurnContext & { replies: Reply[] } {
    const replies: Reply[] = [];
    return {
      person,
      locale,
      now: DateTime.fromJSDate(now(), { zone: person.timezone }),
      log,
      replies,
      reply: (r) => replies.push(typeof r === 'string' ? { text: r } : r),
      notify: deps.notify,
      update: deps.update,
      reminders: deps.reminders,
      commands,
      areas,
    };
  }

  /** The employee behind a platform account; a first-seen account is bound by its e-mail. */
  async function identify(sender: Sender): Promise<Person | null> {
    const person = await deps.resolvePerson(sender.platform, sender.tenant, sender.platformUserId);
    if (person || !sender.lookupEmail) return person;
    const email = await sender.lookupEmail();
    return email ? deps.bindByEmail(sender.platform, sender.tenant, sender.platformUserId, email) : null;
  }

  /**
   * Identify, then claim the event, then work. A stranger leaves no trace; a failure is turned into
   * one reply (retry hint when the store is away, else a logged ref); a duplicate does nothing.
   */
  async function handled(
    sender: Sender,
    eventId: string,
    guess: Locale,
    log: Logger,
    work: (person: Person) => Promise<Outcome>,
  ): Promise<Outcome> {
    try {
      const person = await identify(sender);
      if (!person) return { kind: 'unknown-user', replies: [{ text: tr(guess, coreText.unknownUser) }] };
      if (!(await deps.claimEvent(sender.platform, `${sender.tenant}:${eventId}`, now())))
        return { kind: 'duplicate' };
      return await work(person);
    } catch (err) {
      if (isStoreUnavailable(err)) {
        log.warn({ err: { name: (err as Error).name } }, 'store unavailable');
        return { kind: 'replies', replies: [{ text: tr(guess, coreText.retryLater) }] };
      }
      const appError = asAppError(err);
      const told = appError.userMessage;
      if (told)
        return { kind: 'replies', replies: [{ text: typeof told === 'string' ? told : tr(guess, told) }] };

      const ref = randomUUID().slice(0, 8);
      log.error({ err, ref, code: appError.code }, 'handler failed');
      return { kind: 'replies', replies: [{ text: tr(guess, coreText.failed, { ref }) }] };
    }
  }

  async function dispatch(incoming: Incoming): Promise<Outcome> {
    const log = deps.log.child({ platform: incoming.platform, eventId: incoming.messageId });
    const guess = detectLocale(incoming.text, 'zh-CN');
    return handled(incoming, incoming.messageId, guess, log, async (person) => {
      const locale = detectLocale(incoming.text, person.locale);
      const ctx = turn(person, locale, log);
      const parseCtx = { locale, now: ctx.now, tz: person.timezone };
      const parsed = parseText(incoming.text, commands, parseCtx);
      if (parsed.ok) {
        log.info({ intent: parsed.command.intent, employeeId: person.id }, 'command');
        await parsed.command.handle(ctx, parsed.args);
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

  async function act(action: CardAction): Promise<Outcome> {
    const log = deps.log.child({
      platform: action.platform,
      eventId: action.eventId,
      actionId: action.actionId,
    });
    return handled(action, action.eventId, 'zh-CN', log, async (person) => {
      const ctx = turn(person, person.locale, log);
      const spec = actions.get(action.actionId);
      const button =
        action.actionId === OPEN_FORM_ACTION ? readFormButton(action.value) : (spec?.form?.(action) ?? null);
      const command = button ? byIntent.get(button.intent) : undefined;
      const form = command && action.canOpenForm ? formFor(command, person.locale, button?.draft) : null;
      if (form) return { kind: 'form', form };
      if (!spec) ctx.reply(tr(person.locale, coreText.unknownAction));
      else await spec.handle(ctx, action);
      return { kind: 'replies', replies: ctx.replies };
    });
  }

  /** A filled-in form: the same arguments and handler as the command's text form. */
  async function submit(submission: FormSubmission): Promise<Outcome> {
    const log = deps.log.child({
      platform: submission.platform,
      eventId: submission.eventId,
      intent: submission.intent,
    });
    return handled(submission, submission.eventId, 'zh-CN', log, async (person) => {
      const ctx = turn(person, person.locale, log);
      const command = byIntent.get(submission.intent);
      if (!command?.form) {
        ctx.reply(tr(person.locale, coreText.unknownAction));
        return { kind: 'replies', replies: ctx.replies };
      }
      const parsed = command.form.parse(submission.values, {
        locale: person.locale,
        now: ctx.now,
        tz: person.timezone,
      });
      if ('errors' in parsed) return { kind: 'invalid', errors: parsed.errors };
      log.info({ intent: command.intent, employeeId: person.id }, 'form');
      await command.handle(ctx, parsed.args);
      return { kind: 'replies', replies: ctx.replies };
    });
  }

  return { dispatch, act, submit, commands, areas };
}
