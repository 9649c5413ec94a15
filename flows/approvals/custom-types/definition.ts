import { z } from 'zod';
import { APPROVAL_TYPES } from '../../../db/models/approval-request.js';

/**
 * A request type written as data (JSON) by an admin: its form, its route and who is copied. The
 * shape is checked field by field here; `checkDefinition` adds what a shape cannot say (names
 * unique, thresholds on number fields, keywords not taken) and lists every problem by path.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const label = z.object({ 'zh-CN': text(60), en: text(60) }, 'needs a label in zh-CN and en');
const words = z.array(text(30)).min(1).max(5);

const FIELD_KINDS = ['text', 'textarea', 'number', 'amount', 'date', 'select'] as const;

const field = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{0,29}$/, 'a name is a letter then letters or digits (camelCase)'),
    label,
    kind: z.enum(FIELD_KINDS),
    required: z.boolean().default(true),
    /** The question when this field is all that is missing. */
    ask: label.optional(),
    /** Longest text (characters) or the bounds of a number. */
    max: z.number().positive().optional(),
    min: z.number().optional(),
    options: z
      .array(
        z.object({
          value: z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'lower-case letters, digits, -'),
          label,
        }),
      )
      .min(1)
      .max(30)
      .optional(),
  })
  .strict();

/** Who approves or is copied: as in the policy (flows/approvals/policy.ts), minus the built-ins' own. */
const approverRef = z.union(
  [
    z.enum(['manager', 'departmentHead']),
    z.string().regex(/^role:(manager|hr|finance|sales|warehouse|admin)$/),
    z.string().regex(/^email:[^@\s]+@[^@\s]+$/),
  ],
  'an approver is manager, departmentHead, role:<hr|finance|…> or email:<address>',
);

/** A step taken only when a number field is over (or at most) a threshold: 金额 > 5000 → 财务. */
const condition = z
  .object({ field: z.string(), over: z.number().optional(), atMost: z.number().optional() })
  .strict()
  .refine((c) => (c.over === undefined) !== (c.atMost === undefined), 'give exactly one of over / atMost');

const step = z
  .object({
    name: text(40),
    label,
    approvers: z.array(approverRef).min(1).max(10),
    mode: z.enum(['any', 'all']).default('any'),
    when: condition.optional(),
  })
  .strict();

export const definitionSchema = z
  .object({
    type: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, 'a type is lower-case letters, digits and -, 2 to 40 long')
      .refine((t) => !(APPROVAL_TYPES as readonly string[]).includes(t), 'that name is a built-in type'),
    label,
    keywords: z.object({ 'zh-CN': words, en: words }),
    fields: z.array(field).min(1).max(20),
    route: z.array(step).min(1).max(10),
    cc: z.array(approverRef).max(10).default([]),
  })
  .strict();

export type Definition = z.infer<typeof definitionSchema>;
export type FieldDef = Definition['fields'][number];

export type Problem = { path: string; message: string };
export type Checked = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

/** What the rest of the system already holds that a definition must not clash with. */
export type Taken = {
  /** Keywords of every other command, lower-cased. */
  keywords: Set<string>;
  /** Is there an active employee with this e-mail? */
  hasEmail(email: string): boolean;
};

const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    '',
  );

/**
 * Every problem of a definition at once, each with where it is (`fields[2].options`), so an admin
 * fixes a file in one go; nothing is stored unless the list is empty.
 */
export function checkDefinition(raw: unknown, taken: Taken): Checked {
  const parsed = definitionSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  const def = parsed.data;
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const seen = new Set<string>();
  def.fields.forEach((f, i) => {
    if (seen.has(f.name)) add(`fields[${i}].name`, `"${f.name}" is used twice`);
    seen.add(f.name);
    if (f.kind === 'select' && !f.options) add(`fields[${i}].options`, 'a select needs options');
    if (f.kind !== 'select' && f.options) add(`fields[${i}].options`, 'only a select has options');
    const values = f.options?.map((o) => o.value) ?? [];
    if (new Set(values).size !== values.length) add(`fields[${i}].options`, 'option values must differ');
    if (f.min !== undefined && !['number', 'amount'].includes(f.kind))
      add(`fields[${i}].min`, 'only a number or amount has a minimum');
    if (f.max !== undefined && ['date', 'select'].includes(f.kind))
      add(`fields[${i}].max`, 'a date or select has no maximum');
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      add(`fields[${i}].min`, 'min is above max');
  });

  const numeric = new Set(
    def.fields.filter((f) => f.kind === 'number' || f.kind === 'amount').map((f) => f.name),
  );
  const refs = [
    ...def.route.flatMap((s, i) => s.approvers.map((a, j) => [`route[${i}].approvers[${j}]`, a])),
    ...def.cc.map((a, j) => [`cc[${j}]`, a]),
  ];
  for (const [path, ref] of refs as [string, string][])
    if (ref.startsWith('email:') && !taken.hasEmail(ref.slice(6)))
      add(path, `no active employee ${ref.slice(6)}`);
  def.route.forEach((s, i) => {
    if (s.when && !numeric.has(s.when.field))
      add(`route[${i}].when.field`, `"${s.when.field}" is not a number or amount field of this form`);
  });
  if (def.route.every((s) => s.when)) add('route', 'at least one step must apply always (no "when")');

  const own = new Set<string>();
  for (const locale of ['zh-CN', 'en'] as const)
    def.keywords[locale].forEach((k, i) => {
      const key = k.toLowerCase();
      if (taken.keywords.has(key)) add(`keywords.${locale}[${i}]`, `"${k}" is already a command`);
      if (own.has(key)) add(`keywords.${locale}[${i}]`, `"${k}" is listed twice`);
      own.add(key);
    });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: def };
}
