import { dateProblemText, isDateProblem, takeDate, takeMonth } from '../../src/bot/dates/index.js';
import type { SentenceReader } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { t } from './text.js';

/**
 * Free sentences read into attendance arguments. A punch said in passing ("到公司了", "heading
 * home") keeps no note: the words around it say that it happened, not something to record.
 */
const punch: SentenceReader = () => ({ args: { note: '' } });

export const readers: Record<string, SentenceReader> = {
  'attendance.checkIn': punch,
  'attendance.checkOut': punch,
  'attendance.show'(text, ctx) {
    const found = takeMonth(text, { now: ctx.now, direction: 'backward' });
    // digits that are no month ("2026-13") were meant as one: say so rather than show another
    if (!found || isDateProblem(found))
      return /\d/.test(text)
        ? { problem: tr(ctx.locale, t.badMonth, { value: text.slice(0, 30) }) }
        : { args: {} };
    if (found.month > ctx.now.toFormat('yyyy-MM'))
      return { problem: tr(ctx.locale, t.futureMonth, { value: found.month }) };
    return { args: { month: found.month } };
  },
  /** A month anywhere in the sentence; a department only in the command's own grammar. */
  'attendance.export'(text, ctx) {
    const found = takeMonth(text, { now: ctx.now, direction: 'backward' });
    if (!found || isDateProblem(found)) return { problem: tr(ctx.locale, t.exportNeedsMonth) };
    if (found.month > ctx.now.toFormat('yyyy-MM'))
      return { problem: tr(ctx.locale, t.futureMonth, { value: found.month }) };
    return { args: { month: found.month } };
  },
  'attendance.team'(text, ctx) {
    const today = ctx.now.toISODate() as string;
    const found = takeDate(text, { now: ctx.now, direction: 'backward' });
    if (found && isDateProblem(found)) return { problem: dateProblemText(found, ctx.locale) };
    if (found && found.date > today) return { problem: tr(ctx.locale, t.futureDate, { value: found.date }) };
    if (!found && /\d/.test(text))
      return { problem: tr(ctx.locale, t.badDate, { value: text.slice(0, 30) }) };
    return { args: { date: found?.date ?? today } };
  },
};
