import { randomUUID } from 'node:crypto';
import type { CommandSpec, Proposal, TurnContext } from './flow.js';
import { formButtonValue } from './forms.js';
import { tr } from './i18n.js';
import {
  answeredCard,
  CONFIRM_ACTION,
  CONFIRM_TTL_MS,
  confirmCard,
  type Pending,
  type PendingStore,
  pendingButton,
  pendingText,
} from './pending.js';
import { type Button, type ButtonStyle, type Card, type CardAction, OPEN_FORM_ACTION } from './types.js';

type Turn = Pick<TurnContext, 'person' | 'locale' | 'reply' | 'update' | 'files'>;

/**
 * `ctx.propose` and `ctx.choice` for one turn: each stores what a button will run, keyed by a
 * random id the button carries, so the click can come to any app instance, even after a restart.
 */
export function confirmationsFor(
  store: PendingStore,
  byIntent: Map<string, CommandSpec>,
  turn: Turn,
  now: Date,
) {
  const stored = (intent: string, args: unknown) => ({
    employeeId: turn.person.id,
    intent,
    args,
    locale: turn.locale,
    ...(turn.files.length ? { files: turn.files } : {}),
  });
  return {
    async choice(
      label: string,
      intent: string,
      args: unknown,
      style: ButtonStyle = 'default',
    ): Promise<Button> {
      return pendingButton(store, stored(intent, args), label, style, now);
    },
    async propose(p: Proposal): Promise<void> {
      const command = byIntent.get(p.intent);
      const what = p.what ?? (command ? tr(turn.locale, command.summary) : p.intent);
      const submit: Button = {
        actionId: CONFIRM_ACTION,
        label: tr(turn.locale, pendingText.submit),
        style: 'primary',
        value: randomUUID(),
      };
      const edit: Button | null =
        command?.form && isRecord(p.args)
          ? {
              actionId: OPEN_FORM_ACTION,
              label: tr(turn.locale, pendingText.edit),
              style: 'default',
              value: formButtonValue(command.intent, formDraft(command, p.args)),
            }
          : null;
      const card = confirmCard(
        turn.locale,
        what,
        p.fields,
        [submit, ...(p.alternatives ?? [])],
        edit,
        p.warning,
      );
      // the card is kept with the row, to show it answered once clicked
      const expiresAt = new Date(now.getTime() + CONFIRM_TTL_MS);
      await store.put({ ...stored(p.intent, p.args), id: submit.value, card, expiresAt });
      turn.reply({ card });
    },
  };
}

/**
 * A click on Submit or Cancel. Only the person it was made for may answer; a second click (or a
 * platform retry) finds it taken and changes nothing.
 */
export async function answerConfirmation(
  store: PendingStore,
  byIntent: Map<string, CommandSpec>,
  action: CardAction,
  ctx: TurnContext,
  now: Date,
  submit: boolean,
): Promise<void> {
  const row = await store.peek(action.value, now);
  if (row && row.employeeId !== ctx.person.id) {
    ctx.reply(tr(ctx.locale, pendingText.notYours));
    return;
  }
  const taken = row && (await store.take(action.value, now));
  const command = taken && byIntent.get(taken.intent);
  if (!taken || !command) {
    ctx.reply(tr(ctx.locale, pendingText.gone));
    return;
  }
  await markAnswered(ctx, action, taken, submit);
  if (!submit) {
    ctx.reply(tr(taken.locale, pendingText.cancelled));
    return;
  }
  await command.handle(
    { ...ctx, locale: taken.locale, confirmed: true, files: taken.files ?? [] },
    taken.args,
  );
}

async function markAnswered(ctx: TurnContext, action: CardAction, row: Pending, submit: boolean) {
  if (!action.message || !row.card) return;
  const status = tr(row.locale, submit ? pendingText.submitted : pendingText.cancel);
  await ctx.update(action.message, { card: answeredCard(row.card as Card, status, submit) });
}

/** Arguments as form values, for the fields the form has. */
function formDraft(command: CommandSpec, args: Record<string, unknown>): Record<string, string> {
  const names = new Set(command.form?.fields.map((f) => f.name));
  return Object.fromEntries(
    Object.entries(args)
      .filter(([k, v]) => names.has(k) && v !== undefined && v !== null && typeof v !== 'object')
      .map(([k, v]) => [k, String(v).slice(0, 200)]),
  );
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
