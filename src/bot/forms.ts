import type { CommandSpec, ParseContext } from './flow.js';
import { coreText, tr } from './i18n.js';
import { type Card, type Form, type Locale, OPEN_FORM_ACTION } from './types.js';

/** A command's form in the person's language, prefilled with `initial`; null when it has none. */
export function formFor(
  command: CommandSpec,
  locale: Locale,
  initial: Record<string, string> = {},
): Form | null {
  if (!command.form) return null;
  return {
    intent: command.intent,
    locale,
    title: tr(locale, command.form.title),
    fields: command.form.fields.map((f) => ({
      name: f.name,
      label: tr(locale, f.label),
      kind: f.kind,
      optional: f.optional ?? false,
      options: f.options?.map((o) => ({ value: o.value, label: tr(locale, o.label) })),
      ...(fits(f, initial[f.name]) ? { initial: initial[f.name] } : {}),
    })),
  };
}

/** A prefilled value the field can show: a select's must be one of its options (Slack refuses others). */
const fits = (field: { options?: { value: string }[] }, value: string | undefined): value is string =>
  !!value && (!field.options || field.options.some((o) => o.value === value));

/** What the text already said, as form values, so the form opens with it filled in. */
export function draftOf(command: CommandSpec, rest: string, ctx: ParseContext): Record<string, string> {
  const values = command.draft?.(rest, ctx) ?? {};
  // a button value is at most 2000 characters on Slack; keep drafts well inside that
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.slice(0, 200)]));
}

/** The usage reply with a button that opens the command's form, prefilled with the draft. */
export function usageCardWithForm(
  command: CommandSpec,
  locale: Locale,
  problem: string,
  draft: Record<string, string>,
): Card {
  return {
    title: problem,
    fields: [[tr(locale, coreText.usage).replace(/[:：]\s*$/, ''), tr(locale, command.usage)]],
    status: 'warning',
    actions: [
      {
        actionId: OPEN_FORM_ACTION,
        label: tr(locale, coreText.openForm),
        style: 'primary',
        value: formButtonValue(command.intent, draft),
      },
    ],
  };
}

/** A question for one missing piece, answerable by text or in the command's form (prefilled). */
export function questionCard(
  command: CommandSpec,
  locale: Locale,
  question: string,
  draft: Record<string, string>,
): Card {
  return {
    title: question,
    fields: [],
    status: 'pending',
    actions: [
      {
        actionId: OPEN_FORM_ACTION,
        label: tr(locale, coreText.openForm),
        style: 'primary',
        value: formButtonValue(command.intent, draft),
      },
    ],
  };
}

/** An open-form button's value: the intent, with the draft when there is one. */
export const formButtonValue = (intent: string, draft: Record<string, string>) =>
  Object.keys(draft).length > 0 ? JSON.stringify({ intent, draft }) : intent;

/** Reads an open-form button value: a bare intent, or `{ intent, draft }`. */
export function readFormButton(value: string): { intent: string; draft: Record<string, string> } {
  if (!value.startsWith('{')) return { intent: value, draft: {} };
  try {
    const parsed = JSON.parse(value) as { intent?: unknown; draft?: unknown };
    const draft =
      typeof parsed.draft === 'object' && parsed.draft ? (parsed.draft as Record<string, unknown>) : {};
    return {
      intent: String(parsed.intent ?? ''),
      draft: Object.fromEntries(
        Object.entries(draft).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    };
  } catch {
    return { intent: '', draft: {} };
  }
}
