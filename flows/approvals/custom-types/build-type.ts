import { z } from 'zod';
import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import type { FormFieldSpec } from '../../../src/bot/flow.js';
import { type Text, tr } from '../../../src/bot/i18n.js';
import { takeAmount } from '../../../src/bot/slots.js';
import type { Locale } from '../../../src/bot/types.js';
import type { PolicyRule } from '../policy.js';
import { dateRefused, money, optionalText, requestDate, text } from '../requests/fields.js';
import type { RequestType, TextContext, TextRead } from '../requests/request-type.js';
import type { Definition, FieldDef } from './definition.js';

/** A custom type's data: field name → value (text, ISO date, number, option value). */
export type CustomData = Record<string, string | number>;

/** A request type built from a definition; `version` is stored on each request filed with it. */
export type CustomType = RequestType<CustomData> & { version: number; definition: Definition };

const LOCALES: Locale[] = ['zh-CN', 'en'];
const isNumeric = (f: FieldDef) => f.kind === 'number' || f.kind === 'amount';
const optionLabel = (f: FieldDef, value: unknown, locale: Locale) => {
  const option = f.options?.find((o) => o.value === value);
  return option ? tr(locale, option.label) : String(value);
};

const customIntent = (type: string) => `approvals.custom.${type}`;

/** One version of a definition as a request type: the same machinery as the built-in ones. */
export function buildType(def: Definition, version: number): CustomType {
  const usage = Object.fromEntries(LOCALES.map((l) => [l, usageLine(def, l)])) as Text;
  return {
    type: def.type,
    version,
    definition: def,
    intent: customIntent(def.type),
    keywords: def.keywords,
    label: def.label,
    usage,
    examples: Object.fromEntries(LOCALES.map((l) => [l, [exampleLine(def, l)]])) as Record<Locale, string[]>,
    fromText: (rest, ctx) => readText(def, rest, ctx),
    schema: (now) =>
      z.object(
        Object.fromEntries(
          def.fields.map((f) => {
            const schema = fieldSchema(f, now);
            return [f.name, f.required ? schema : schema.optional()];
          }),
        ),
      ) as unknown as z.ZodType<CustomData>,
    formFields: def.fields.map((f) => formField(f)),
    describe: (data, locale) =>
      def.fields
        .filter((f) => data[f.name] !== undefined && data[f.name] !== '')
        .map((f) => [tr(locale, f.label), shown(f, data[f.name], locale)]),
    measure: (data) => {
      const amount = def.fields.find((f) => f.kind === 'amount');
      return amount && typeof data[amount.name] === 'number' ? { amount: data[amount.name] as number } : {};
    },
    route: (data) => routeRule(def, data),
  };
}

/** The steps whose condition holds for this request, in order; the copied list as defined. */
function routeRule(def: Definition, data: CustomData): PolicyRule {
  const holds = (when: Definition['route'][number]['when']) => {
    if (!when) return true;
    const value = Number(data[when.field] ?? 0);
    return when.over !== undefined ? value > when.over : value <= (when.atMost ?? 0);
  };
  return {
    when: {},
    steps: def.route
      .filter((s) => holds(s.when))
      .map(({ name, label, approvers, mode }) => ({ name, label, approvers, mode })),
    cc: def.cc,
    // a sent-back request starts again from the first step, as the built-in types' default
    resubmitFrom: 'first',
  };
}

function fieldSchema(f: FieldDef, now: TextContext['now']): z.ZodType {
  switch (f.kind) {
    case 'text':
    case 'textarea': {
      const max = f.max ?? (f.kind === 'text' ? 200 : 2000);
      return f.required ? text(max) : optionalText(max);
    }
    case 'date':
      return requestDate(now);
    case 'select':
      return z.enum(f.options?.map((o) => o.value) as [string, ...string[]], { error: choiceOrMissing });
    case 'amount':
      return bounded(money, f);
    default:
      return bounded(z.coerce.number({ error: numberOrMissing }), f);
  }
}

const choiceOrMissing = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'oneOf');
const numberOrMissing = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'number');

function bounded(schema: z.ZodType<number>, f: FieldDef): z.ZodType<number> {
  // a missing value is `undefined`, which coercion would turn into NaN: keep it missing
  const given = z.preprocess((v) => (v === '' ? undefined : v), schema);
  const { min, max } = f;
  return given.superRefine((n, ctx) => {
    if (min !== undefined && n < min)
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum: min, inclusive: true, input: n });
    if (max !== undefined && n > max)
      ctx.addIssue({ code: 'too_big', origin: 'number', maximum: max, inclusive: true, input: n });
  }) as unknown as z.ZodType<number>;
}

function formField(f: FieldDef): FormFieldSpec {
  const choices = f.options?.map((o) => o.label);
  return {
    name: f.name,
    label: f.label,
    kind: f.kind === 'amount' ? 'number' : f.kind,
    ...(f.required ? {} : { optional: true }),
    ...(f.options ? { options: f.options } : {}),
    ...(f.ask
      ? { ask: f.ask }
      : choices
        ? {
            ask: {
              'zh-CN': `${f.label['zh-CN']}？${choices.map((c) => c['zh-CN']).join('、')}`,
              en: `Which ${f.label.en.toLowerCase()}? ${choices.map((c) => c.en).join(', ')}`,
            },
          }
        : {}),
  };
}

/** A field's value as people read it: an option's label, an amount with two decimals. */
export function shown(f: FieldDef, value: unknown, locale: Locale): string {
  if (f.kind === 'select') return optionLabel(f, value, locale);
  if (f.kind === 'amount') return Number(value).toFixed(2);
  return String(value);
}

/** `用章申请 <印章: 公章|合同章> <文件名称> <份数> [用途=…]`: required fields in the order they are read. */
function usageLine(def: Definition, locale: Locale): string {
  const parts = def.fields.map((f) => {
    const name = f.options
      ? `${tr(locale, f.label)}: ${f.options.map((o) => tr(locale, o.label)).join('|')}`
      : tr(locale, f.label);
    return f.required ? `<${name}>` : `[${name}=…]`;
  });
  const or = locale === 'en' ? ' — or name=value' : ' — 或 字段=值';
  return `${def.keywords[locale][0]} ${parts.join(' ')}${or}`;
}

function exampleLine(def: Definition, locale: Locale): string {
  const sample = (f: FieldDef) =>
    f.options
      ? tr(locale, f.options[0]?.label ?? f.label)
      : isNumeric(f)
        ? String(f.min ?? 1)
        : f.kind === 'date'
          ? locale === 'en'
            ? 'tomorrow'
            : '明天'
          : tr(locale, f.label);
  return `${def.keywords[locale][0]} ${def.fields
    .filter((f) => f.required)
    .map((f) => sample(f).replace(/\s+/g, '-'))
    .join(' ')}`;
}

/**
 * `<keyword> field=value …` (a field by its name or its label in either language), and words
 * before the first `=` read in order (`fillInOrder`).
 */
function readText(def: Definition, rest: string, ctx: TextContext): TextRead {
  const byKey = new Map<string, FieldDef>();
  for (const f of def.fields)
    for (const key of [f.name, f.label['zh-CN'], f.label.en]) byKey.set(key.toLowerCase(), f);

  const keys = [...rest.matchAll(/(^|\s)([^\s=]+)\s*=/g)].filter((m) =>
    byKey.has((m[2] ?? '').toLowerCase()),
  );
  const raw: Record<string, string> = {};
  keys.forEach((m, i) => {
    const field = byKey.get((m[2] ?? '').toLowerCase()) as FieldDef;
    const end = keys[i + 1]?.index ?? rest.length;
    raw[field.name] = rest.slice((m.index ?? 0) + m[0].length, end).trim();
  });

  const positional = rest.slice(0, keys[0]?.index ?? rest.length).trim();
  const left = fillInOrder(def, raw, positional ? positional.split(' ') : []);
  if (left) return { fields: {}, problem: tr(ctx.locale, leftOver, { text: left }) };

  const fields: Record<string, unknown> = {};
  for (const f of def.fields) {
    const value = raw[f.name];
    if (value === undefined || value === '') continue;
    const read = readValue(f, value, ctx);
    if (typeof read === 'object') return read;
    fields[f.name] = read;
  }
  return { fields };
}

const leftOver: Text = {
  'zh-CN': '不知道“{text}”该填哪一项，请写成 字段=值。',
  en: 'Not sure which field "{text}" is; write it as name=value.',
};

/**
 * Words without a name fill the required fields not named, in order, one word each; a text field
 * last among them takes the rest of the sentence, else the first optional text field does. What
 * still has no place is returned: it is refused, never dropped.
 */
function fillInOrder(def: Definition, raw: Record<string, string>, words: string[]): string {
  const open = def.fields.filter((f) => f.required && !(f.name in raw));
  open.forEach((f, i) => {
    const last = i === open.length - 1 && (f.kind === 'text' || f.kind === 'textarea');
    const taken = last ? words.splice(0).join(' ') : words.shift();
    if (taken) raw[f.name] = taken;
  });
  const spare = def.fields.find(
    (f) => !f.required && !(f.name in raw) && (f.kind === 'text' || f.kind === 'textarea'),
  );
  if (words.length > 0 && spare) raw[spare.name] = words.splice(0).join(' ');
  return words.join(' ');
}

/** One typed value in its field's terms; a date that cannot be read refuses the whole text. */
function readValue(f: FieldDef, value: string, ctx: TextContext): string | number | TextRead {
  if (f.kind === 'select') {
    const lower = value.toLowerCase();
    const option = f.options?.find((o) =>
      [o.value, o.label['zh-CN'], o.label.en].some((w) => w.toLowerCase() === lower),
    );
    return option?.value ?? value;
  }
  if (f.kind === 'date') {
    const date = takeDate(value, { now: ctx.now }) ?? { problem: 'unreadable' as const, text: value };
    return isDateProblem(date) ? dateRefused(date, ctx.locale) : date.date;
  }
  if (f.kind === 'amount') {
    const amount = takeAmount(value);
    return amount && !Number.isNaN(amount.amount) ? amount.amount : value;
  }
  if (f.kind === 'number') return value.replace(/,/g, '');
  return value;
}
