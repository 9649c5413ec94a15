import type { Logger } from '../../logger.js';
import { answerConfirmation } from '../confirmations.js';
import type { ActionSpec } from '../flow.js';
import { formFor, readFormButton } from '../forms.js';
import { coreText, tr } from '../i18n.js';
import { CANCEL_ACTION, CONFIRM_ACTION } from '../pending.js';
import { USAGE_ACTION, usageReply } from '../suggest.js';
import {
  type CardAction,
  type FormSubmission,
  OPEN_FORM_ACTION,
  type Outcome,
  type Person,
} from '../types.js';
import type { RouterDeps } from './deps.js';
import { handled } from './handled.js';
import type { TurnStart, Turns } from './turns.js';

/**
 * A click or a filled-in form, answered in the language of the card it came from (its button's
 * or form's `locale`); a card sent before they carried one is answered in the person's own.
 * `work` returns an outcome of its own (a form to open, field errors) or nothing: then the turn's
 * replies are the answer.
 */
async function answerCard(
  deps: RouterDeps,
  turns: Turns,
  event: CardAction | FormSubmission,
  logged: Record<string, string>,
  work: (turn: TurnStart, person: Person, log: Logger) => Promise<Outcome | undefined>,
): Promise<Outcome> {
  const log = deps.log.child({ platform: event.platform, eventId: event.eventId, ...logged });
  const localeOf = (person: Person | null) => event.locale ?? person?.locale ?? 'zh-CN';
  return handled(deps, event, event.eventId, localeOf, log, async (person, locale) => {
    const start = await turns.turn(person, locale, log);
    return (await work(start, person, log)) ?? { kind: 'replies', replies: start.ctx.replies };
  });
}

/**
 * A click: the usage and confirmation buttons of the core, a button that opens its command's
 * form where the platform can show one, else its flow's action.
 */
export function act(
  deps: RouterDeps,
  turns: Turns,
  actions: Map<string, ActionSpec>,
  action: CardAction,
): Promise<Outcome> {
  return answerCard(deps, turns, action, { actionId: action.actionId }, async ({ ctx, byIntent }) => {
    if (action.actionId === USAGE_ACTION) {
      const command = byIntent.get(action.value);
      ctx.reply(command ? usageReply(command, ctx.locale) : tr(ctx.locale, coreText.unknownAction));
      return;
    }
    if (action.actionId === CONFIRM_ACTION || action.actionId === CANCEL_ACTION) {
      const yes = action.actionId === CONFIRM_ACTION;
      await answerConfirmation(deps.pending, byIntent, action, ctx, deps.now(), yes);
      return;
    }
    const spec = actions.get(action.actionId);
    const button =
      action.actionId === OPEN_FORM_ACTION ? readFormButton(action.value) : (spec?.form?.(action) ?? null);
    const command = button ? byIntent.get(button.intent) : undefined;
    const form = command && action.canOpenForm ? formFor(command, ctx.locale, button?.draft) : null;
    if (form) return { kind: 'form', form };
    if (!spec) ctx.reply(tr(ctx.locale, coreText.unknownAction));
    else await spec.handle(ctx, action);
  });
}

/** A filled-in form: the same arguments and handler as the command's text form. */
export function submit(deps: RouterDeps, turns: Turns, submission: FormSubmission): Promise<Outcome> {
  return answerCard(
    deps,
    turns,
    submission,
    { intent: submission.intent },
    async ({ ctx, byIntent }, person, log) => {
      const command = byIntent.get(submission.intent);
      if (!command?.form) {
        ctx.reply(tr(ctx.locale, coreText.unknownAction));
        return;
      }
      const parsed = command.form.parse(submission.values, turns.parseContext(ctx));
      if ('errors' in parsed) return { kind: 'invalid', errors: parsed.errors };
      log.info({ intent: command.intent, employeeId: person.id }, 'form');
      await command.handle(ctx, parsed.args);
    },
  );
}
