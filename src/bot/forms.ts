import type { CommandSpec } from './flow.js';
import { coreText, tr } from './i18n.js';
import { type Card, type Form, type Locale, OPEN_FORM_ACTION } from './types.js';

/** A command's form in the person's language; null when the command has none. */
export function formFor(command: CommandSpec, locale: Locale): Form | null {
  if (!command.form) return null;
  return {
    intent: command.intent,
    title: tr(locale, command.form.title),
    fields: command.form.fields.map((f) => ({
      name: f.name,
      label: tr(locale, f.label),
      kind: f.kind,
      optional: f.optional ?? false,
      options: f.options?.map((o) => ({ value: o.value, label: tr(locale, o.label) })),
    })),
  };
}

/** The usage reply with a button that opens the command's form, for platforms that have forms. */
export function usageCardWithForm(command: CommandSpec, locale: Locale, problem: string): Card {
  return {
    title: problem,
    fields: [[tr(locale, coreText.usage).replace(/[:：]\s*$/, ''), tr(locale, command.usage)]],
    status: 'warning',
    actions: [
      {
        actionId: OPEN_FORM_ACTION,
        label: tr(locale, coreText.openForm),
        style: 'primary',
        value: command.intent,
      },
    ],
  };
}
