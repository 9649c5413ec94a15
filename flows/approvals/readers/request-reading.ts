import type { z } from 'zod';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import {
  describeProblem,
  fieldLabel,
  questionFor,
  type RequestType,
  type TextRead,
} from '../requests/request-type.js';

/**
 * One piece of a request written the grammar's way. `word`: the grammar reads one word there
 * (a destination, a department), so a value of several words is written with hyphens, as the
 * grammar's own examples do ("account-manager"). `free`: a reason or purpose, which the grammar
 * takes from whatever is left.
 */
export type Piece = { field: string; text: string; word?: boolean; free?: boolean };

/**
 * How a type's grammar writes what is known (`pieces`), arranged so that the answer to `missing`,
 * appended after it, is read together with the rest; `answers` are typical answers to each
 * question, used to check that it does.
 */
export type Layout = {
  pieces(fields: Record<string, unknown>, missing: string, ctx: ParseContext): Piece[];
  answers(ctx: ParseContext): Record<string, string>;
};

const given = (v: unknown) => v !== undefined && v !== '';

/**
 * A sentence read into a request type's fields, checked by the type's own schema: the arguments,
 * or the first missing field asked for alone (with the grammar text to append the answer to), or
 * what was given wrong.
 */
export function finishRequest(
  rt: RequestType,
  read: TextRead,
  ctx: ParseContext,
  layout: Layout,
): ParseResult<Record<string, unknown>> {
  if (read.problem) {
    if (!read.ask) return { problem: read.problem };
    return { problem: read.problem, ask: read.ask, rest: restFor(rt, read.fields, read.ask, ctx, layout) };
  }
  const parsed = schemaFor(rt, ctx).safeParse(read.fields);
  if (parsed.success) return { args: parsed.data };
  const field = (issue: z.core.$ZodIssue) => String(issue.path[0] ?? '');
  // something said but wrong (a date too far back, an amount of 0) is worth more than a question
  const wrong = parsed.error.issues.find((i) => given(read.fields[field(i)]));
  if (wrong) return { problem: describeProblem(wrong, ctx.locale, fieldLabel(rt, ctx.locale)) };
  const missing = field(parsed.error.issues[0] as z.core.$ZodIssue);
  return {
    problem: questionFor(rt, missing, ctx.locale),
    ask: missing,
    rest: restFor(rt, read.fields, missing, ctx, layout),
  };
}

/**
 * A type's schema depends on the day and the asker's currency only; building one (zod compiles it
 * on first use) costs far more than reading the sentence, so a few are kept.
 */
const schemas = new Map<string, z.ZodType<Record<string, unknown>>>();
function schemaFor(rt: RequestType, ctx: ParseContext): z.ZodType<Record<string, unknown>> {
  const key = `${rt.type}|${ctx.now.toISODate()}|${ctx.currency}`;
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= 64) schemas.clear();
    schema = rt.schema(ctx.now, ctx) as z.ZodType<Record<string, unknown>>;
    schemas.set(key, schema);
  }
  return schema;
}

/**
 * The grammar text to keep while asking, checked by reading it back with the grammar and a
 * typical answer: a reason holding a word the grammar would take for a field ("in" for a punch)
 * is left out rather than misread; when nothing reads back, the question starts afresh.
 */
function restFor(
  rt: RequestType,
  fields: Record<string, unknown>,
  missing: string,
  ctx: ParseContext,
  layout: Layout,
): string {
  const pieces = layout.pieces(fields, missing, ctx).filter((p) => p.text !== '');
  const answer = layout.answers(ctx)[missing] ?? '';
  const kept = [pieces, pieces.filter((p) => !p.free)].find((ps) => readsBack(rt, ps, answer, fields, ctx));
  return kept ? write(kept) : '';
}

const write = (pieces: Piece[]) =>
  pieces.map((p) => (p.word ? p.text.replace(/\s+/g, '-') : p.text)).join(' ');

/** With the answer after it, the grammar reads every piece as written, and the answer as something new. */
function readsBack(
  rt: RequestType,
  pieces: Piece[],
  answer: string,
  fields: Record<string, unknown>,
  ctx: ParseContext,
): boolean {
  const back = rt.fromText(`${write(pieces)} ${answer}`.trim(), ctx);
  if (back.problem) return false;
  const keeps = pieces.every((p) => same(back.fields[p.field], fields[p.field]));
  return keeps && Object.keys(back.fields).some((k) => given(back.fields[k]) && !given(fields[k]));
}

/** Hyphens written for one-word pieces read back as the spaces they stand for. */
const same = (a: unknown, b: unknown) => norm(a) === norm(b);
const norm = (v: unknown) =>
  String(v ?? '')
    .replace(/-/g, ' ')
    .trim()
    .toLowerCase();
