import type { Form, Locale } from '../../src/bot/types.js';
import { type Block, truncate } from './render.js';

// Modal limits: title/submit/close 24 chars, 100 blocks, option text and value 75, label 2000.
const TITLE = 24;
const OPTION = 75;
const LABEL = 2000;
const MAX_FIELDS = 100;

const submitLabel: Record<Locale, string> = { 'zh-CN': '提交', en: 'Submit' };
const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max) || ' ' });

/**
 * A neutral form as a `views.open` modal. Each input's block_id is the field name, so a
 * submission maps back to the same names the command's schema checks (to-incoming.ts).
 */
export function renderForm(form: Form): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: 'form',
    // the intent and language travel with the modal; no pending state is kept on our side
    private_metadata: JSON.stringify({ intent: form.intent, locale: form.locale }),
    title: plain(form.title, TITLE),
    submit: plain(submitLabel[form.locale], TITLE),
    blocks: form.fields.slice(0, MAX_FIELDS).map(
      (f): Block => ({
        type: 'input',
        block_id: f.name,
        optional: f.optional,
        label: plain(f.label, LABEL),
        element: element(f),
      }),
    ),
  };
}

function element(field: Form['fields'][number]): Record<string, unknown> {
  const initial = field.initial;
  switch (field.kind) {
    case 'number':
      return {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: true,
        ...(initial ? { initial_value: initial } : {}),
      };
    case 'date':
      return { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) };
    case 'select': {
      const options = (field.options ?? []).slice(0, 100).map((o) => ({
        text: plain(o.label, OPTION),
        value: o.value.slice(0, OPTION),
      }));
      const chosen = options.find((o) => o.value === initial);
      return {
        type: 'static_select',
        action_id: 'value',
        options,
        ...(chosen ? { initial_option: chosen } : {}),
      };
    }
    default:
      return {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: field.kind === 'textarea',
        ...(initial ? { initial_value: initial } : {}),
      };
  }
}
