import type { DaySpec, MonthSpec } from './calendar.js';

export type Half = 'am' | 'pm';
export type TimeOfDay = { hour: number; minute: number };

/** One date-ish piece of text, before it is combined with its neighbours. */
export type Token =
  | { kind: 'day'; day: DaySpec }
  /** Written as one piece: 12月3-5日, Dec 3-5, 3-5 Dec. */
  | { kind: 'range'; from: DaySpec; to: DaySpec }
  | { kind: 'time'; time: TimeOfDay }
  | { kind: 'month'; month: MonthSpec }
  | { kind: 'half'; half: Half }
  /** A length: 3天, two days, 半天 (0.5). */
  | { kind: 'span'; days: number }
  /** 到, 至, to, until, -: joins the two ends of a range. */
  | { kind: 'to' }
  /** 从, from, between: opens a range. */
  | { kind: 'from' }
  /** 起, 开始, starting, for: joins a start and a length. */
  | { kind: 'join' }
  /** Sounds like a date but names no day: 明年, next year, 过几天. */
  | { kind: 'vague' };

export type Placed = Token & { index: number; length: number; text: string };
