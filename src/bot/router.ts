import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { asAppError, isStoreUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Area, CommandSpec, Flow, TurnContext } from './flow.js';
import { coreText, detectLocale, tr } from './i18n.js';
import { parseText } from './parser.js';
import type { CardAction, Incoming, Locale, MessageRef, Outcome, Person, Platform, Reply } from './types.js';

export type RouterDeps = {
  flows: Flow[];
  resolvePerson(platform: Platform, tenant: string, userId: string): Promise<Person | null>;
  /** False when this platform event was already handled. */
  claimEvent(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  notify(employeeId: string, reply: Reply): Promise<void>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
  log: Logger;
  now?: () => Date;
};

export type Router = ReturnType<typeof createRouter>;

/** The one entry point every adapter ends in: text or a click in, neutral replies out. */
export function createRouter(deps: RouterDeps) {
  const commands: CommandSpec[] = deps.flows.flatMap((f) => f.commands);
  const areas: Area[] = deps.flows.flatMap((f) => f.areas);
  const actions = new Map(deps.flows.flatMap((f) => f.actions).map((a) => [a.actionId, a]));
  const now = deps.now ?? (() => new Date());

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
      commands,
      areas,
    };
  }

  /** One place that turns failures into a reply: retry hint when the store is away, else a logged ref. */
  async function guarded(locale: Locale, log: Logger, work: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await work();
    } catch (err) {
      if (isStoreUnavailable(err)) {
        log.warn({ err: { name: (err as Error).name } }, 'store unavailable');
        return { kind: 'replies', replies: [{ text: tr(locale, coreText.retryLater) }] };
      }
      const appError = asAppError(err);
      if (appError.userMessage) return { kind: 'replies', replies: [{ text: appError.userMessage }] };
      const ref = randomUUID().slice(0, 8);
      log.error({ err, ref, code: appError.code }, 'handler failed');
      return { kind: 'replies', replies: [{ text: tr(locale, coreText.failed, { ref }) }] };
    }
  }

  async function dispatch(incoming: Incoming): Promise<Outcome> {
    const log = deps.log.child({ platform: incoming.platform, eventId: incoming.messageId });
    const guess = detectLocale(incoming.text, 'zh-CN');
    return guarded(guess, log, async () => {
      // Resolve before claiming: a stranger's message must leave no trace in the store.
      const person = await deps.resolvePerson(incoming.platform, incoming.tenant, incoming.platformUserId);
      if (!person) return { kind: 'unknown-user', replies: [{ text: tr(guess, coreText.unknownUser) }] };
      const eventId = `${incoming.tenant}:${incoming.messageId}`;
      if (!(await deps.claimEvent(incoming.platform, eventId, now()))) return { kind: 'duplicate' };
      const locale = detectLocale(incoming.text, person.locale);
      const ctx = turn(person, locale, log);
      const parsed = parseText(incoming.text, commands, { locale, now: ctx.now, tz: person.timezone });
      if (parsed.ok) {
        log.info({ intent: parsed.command.intent, employeeId: person.id }, 'command');
        await parsed.command.handle(ctx, parsed.args);
      } else if (parsed.command) {
        ctx.reply(`${parsed.error}\n${tr(locale, coreText.usage)}${parsed.usage}`);
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
    return guarded('zh-CN', log, async () => {
      const person = await deps.resolvePerson(action.platform, action.tenant, action.platformUserId);
      if (!person) return { kind: 'unknown-user', replies: [{ text: tr('zh-CN', coreText.unknownUser) }] };
      if (!(await deps.claimEvent(action.platform, `${action.tenant}:${action.eventId}`, now()))) {
        return { kind: 'duplicate' };
      }
      const ctx = turn(person, person.locale, log);
      const spec = actions.get(action.actionId);
      if (!spec) ctx.reply(tr(person.locale, coreText.unknownAction));
      else await spec.handle(ctx, action);
      return { kind: 'replies', replies: ctx.replies };
    });
  }

  return { dispatch, act, commands, areas };
}
