import type { DateTime } from 'luxon';
import type { z } from 'zod';
import type { FormFieldSpec } from '../../../src/bot/flow.js';
import { type Text, tr } from '../../../src/bot/i18n.js';
import type { Locale } from '../../../src/bot/types.js';
import type { PolicyRule } from '../policy.js';

export type TextContext = { locale: Locale; now: DateTime };

/**
 * What free text said, field by field. `problem`: a part that tried to say something and could
 * not be read (a date "到明年", a budget "abc") — refused, never kept as the note; `ask` when
 * it is a question for one missing piece ("上午还是下午？").
 */
export type TextRead = { fields: Record<string, unknown>; problem?: string; ask?: string };

/** A request sent back being resubmitted: its number and the revision the edits become. */
export type Resubmitting = { no: string; revision: number };

/** A request just approved, as its type's `onApproved` sees it. */
export type Approved<D> = {
  no: string;
  requesterId: string;
  data: D;
  /** When it was decided (written from the injected clock): the hook's writes carry this time. */
  at: Date;
  /** The decider's local date. */
  today: string;
};

/** A request rejected or withdrawn (approved leave may be, before it starts), as `onClosed` sees it. */
export type Closed<D> = Approved<D> & {
  outcome: 'rejected' | 'withdrawn';
  /** Withdrawn after its approval (`mayTakeBack`): what `onApproved` did is undone too. */
  wasApproved: boolean;
};

/**
 * One kind of request: how it is written as text, the form with the same fields, the schema both
 * are checked by, and how it reads on a card.
 */
export type RequestType<D = Record<string, unknown>> = {
  /** A built-in `ApprovalType`, or an admin-defined type's key (flows/approvals/custom-types). */
  type: string;
  /** An admin-defined type's version: a request keeps the one it was filed with. */
  version?: number;
  intent: string;
  /** Filed only by that flow through this flow's face, never typed: no command of its own. */
  filedBy?: string;
  keywords: Record<Locale, string[]>;
  label: Text;
  usage: Text;
  examples: Record<Locale, string[]>;
  /** Pulls raw fields out of free text; the schema then checks them. */
  fromText(rest: string, ctx: TextContext): TextRead;
  /** A reason to ask before filing what is otherwise valid (leave that starts in the past). */
  confirmWhy?(data: D, today: string): Text | null;
  /**
   * Built per call, as some rules depend on today (no leave far in the past) and on the asker
   * (`currency`: what an amount written without one is in).
   */
  schema(now: DateTime, asker: { currency: string }): z.ZodType<D>;
  formFields: FormFieldSpec[];
  describe(data: D, locale: Locale): [string, string][];
  /** What the routing policy looks at. */
  measure(data: D): { days?: number; amount?: number; department?: string };
  /** A type that carries its own route (an admin-defined one) gives it here, instead of the policy. */
  route?(data: D): PolicyRule;
  /**
   * What the type works out from elsewhere before it is filed (and for the preview): leave counts
   * its working days in the requester's calendar. Refuses with an `AppError`. `resubmitting`: the
   * request sent back that these edits resubmit, and the revision they become (the filing is 1),
   * so that what it already holds (leave: its days) is not counted against itself.
   */
  complete?(data: D, requesterId: string, today: string, resubmitting?: Resubmitting): Promise<D>;
  /**
   * Filings (and resubmissions) that return the same key run one at a time, from `complete` to
   * `onFiled` (`onResubmitted`): what
   * `complete` checked against earlier filings (leave: the balance their holds left) is still
   * true when this one writes. Two requests at the same moment would otherwise both pass.
   */
  filingLock?(requesterId: string): string;
  /** Steps added after the policy's, for this request alone (leave over its balance: HR too). */
  extraSteps?(data: D): PolicyRule['steps'];
  /** What filing does beyond the request itself (leave holds its days). Idempotent per request. */
  onFiled?(filed: Approved<D>): Promise<void>;
  /**
   * What resubmitting edited data does beyond the request itself (leave holds the new days and
   * gives back the old). Idempotent per revision.
   */
  onResubmitted?(resubmitted: Approved<D> & { before: D }): Promise<void>;
  /**
   * What a final approval does beyond the request itself (leave → attendance, onboarding → org).
   * Runs once, by whoever made the deciding write; must be idempotent per request, so that a
   * retry after a crash is safe.
   */
  onApproved?(approved: Approved<D>): Promise<void>;
  /** An approved request its requester may still withdraw, as of their `today` (leave not yet begun). */
  mayTakeBack?(data: D, today: string): boolean;
  /** What a rejection or withdrawal undoes (leave gives its days back). Idempotent per request. */
  onClosed?(closed: Closed<D>): Promise<void>;
};

/** Problem codes used in schemas, shown in the person's language. */
export const problems = {
  required: { 'zh-CN': '缺少{field}', en: '{field} is missing' },
  dateOrder: { 'zh-CN': '结束日期早于开始日期', en: 'the end date is before the start date' },
  tooFarPast: {
    'zh-CN': '日期太早了（最多{days}天前）',
    en: 'the date is too far in the past (at most {days} days ago)',
  },
  tooFarAhead: { 'zh-CN': '日期太远了（一年以内）', en: 'the date is too far ahead (within a year)' },
  future: { 'zh-CN': '{field}不能是将来的日期', en: '{field} cannot be in the future' },
  past: { 'zh-CN': '{field}不能是过去的日期', en: '{field} cannot be in the past' },
  amount: {
    'zh-CN': '金额须大于 0、不超过 1,000,000、最多两位小数',
    en: 'the amount must be over 0, at most 1,000,000, with at most two decimals',
  },
  email: { 'zh-CN': '邮箱格式不对', en: 'that e-mail is not valid' },
  url: { 'zh-CN': '票据链接须以 http(s):// 开头', en: 'the receipt link must start with http(s)://' },
  time: { 'zh-CN': '时间格式应为 HH:mm', en: 'the time must be HH:mm' },
  tooLong: { 'zh-CN': '{field}最多 {max} 字', en: '{field} can be at most {max} characters' },
  number: { 'zh-CN': '{field}须是数字', en: '{field} must be a number' },
  tooSmall: { 'zh-CN': '{field}不能小于 {min}', en: '{field} must be at least {min}' },
  tooBig: { 'zh-CN': '{field}不能大于 {max}', en: '{field} must be at most {max}' },
  oneOf: { 'zh-CN': '{field}不是可选的一项', en: '{field} is not one of the choices' },
} satisfies Record<string, Text>;

/** The question for a missing field: its own, else a generic one naming it. */
export const askFor: Text = {
  'zh-CN': '还缺{field}，请直接回复。',
  en: 'What is the {field}? Just reply with it.',
};

export type ProblemCode = keyof typeof problems;

/** A field's label in the person's language (its name when the form has no such field). */
export function fieldLabel(rt: RequestType, locale: Locale): (name: string) => string {
  return (name) => {
    const field = rt.formFields.find((f) => f.name === name);
    return field ? tr(locale, field.label) : name;
  };
}

/** The question for one missing field: its own, else a generic one naming it. */
export function questionFor(rt: RequestType, name: string, locale: Locale): string {
  const field = rt.formFields.find((f) => f.name === name);
  if (field?.ask) return tr(locale, field.ask);
  return tr(locale, askFor, { field: fieldLabel(rt, locale)(name) });
}

/** A zod issue as a sentence: our codes are translated, the field named. */
export function describeProblem(
  issue: z.core.$ZodIssue,
  locale: Locale,
  fieldLabel: (name: string) => string,
): string {
  const field = fieldLabel(String(issue.path[0] ?? ''));
  if (issue.code === 'too_small' && issue.origin === 'number')
    return tr(locale, problems.tooSmall, { field, min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'number')
    return tr(locale, problems.tooBig, { field, max: Number(issue.maximum) });
  if (issue.code === 'too_big') return tr(locale, problems.tooLong, { field, max: Number(issue.maximum) });
  const code = issue.message as ProblemCode;
  if (code in problems) return tr(locale, problems[code], { field, days: MAX_PAST_DAYS });
  return tr(locale, problems.required, { field });
}

/** True when the issue is a field not given at all (asked for), not one given wrong. */
export const isMissing = (issue: z.core.$ZodIssue, given: Record<string, unknown>) =>
  [undefined, ''].includes(given[String(issue.path[0])] as string | undefined);

export const MAX_PAST_DAYS = 30;
