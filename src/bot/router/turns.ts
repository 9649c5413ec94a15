import { DateTime } from 'luxon';
import type { Logger } from '../../logger.js';
import { forReader } from '../audience.js';
import { stampLocale } from '../button-locale.js';
import { confirmationsFor } from '../confirmations.js';
import type { Area, CommandSpec, ParseContext, TurnContext } from '../flow.js';
import type { IncomingFile, Locale, Person, Reply } from '../types.js';
import type { RouterDeps } from './deps.js';

export type Turn = TurnContext & { replies: Reply[] };

const byIntentOf = (commands: CommandSpec[]) => new Map(commands.map((c) => [c.intent, c]));

/**
 * What every turn starts from: the commands as they stand now (the flows' fixed ones and their
 * live ones, e.g. admin-defined request types, rebuilt only when those change) and the context a
 * handler gets.
 */
export function createTurns(deps: RouterDeps) {
  const fixed: CommandSpec[] = deps.flows.flatMap((f) => f.commands);
  const areas: Area[] = deps.flows.flatMap((f) => f.areas);
  let registry = { live: [] as (readonly CommandSpec[])[], commands: fixed, byIntent: byIntentOf(fixed) };

  async function currentCommands() {
    const live = await Promise.all(deps.flows.flatMap((f) => (f.liveCommands ? [f.liveCommands()] : [])));
    if (live.some((list, i) => list !== registry.live[i])) {
      const commands = [...fixed, ...live.flat()];
      registry = { live, commands, byIntent: byIntentOf(commands) };
    }
    return registry;
  }

  /** Replies are marked with the turn's language (a click on one is answered in it) and keep to the person's buttons. */
  async function turn(person: Person, locale: Locale, log: Logger, files: IncomingFile[] = []) {
    const { commands, byIntent } = await currentCommands();
    const replies: Reply[] = [];
    const at = deps.now();
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
    const ctx: Turn = { ...base, ...confirmationsFor(deps.pending, byIntent, base, at) };
    return { ctx, commands, byIntent };
  }

  const parseContext = (ctx: TurnContext): ParseContext => ({
    locale: ctx.locale,
    now: ctx.now,
    tz: ctx.person.timezone,
    currency: ctx.person.currency ?? deps.currency,
  });

  return { turn, parseContext, commands: fixed, areas };
}

export type Turns = ReturnType<typeof createTurns>;
/** A turn's context with the commands it was built from. */
export type TurnStart = Awaited<ReturnType<Turns['turn']>>;
