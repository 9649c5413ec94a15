import type { DaySpec, MonthSpec } from './calendar.js';

export type Half = 'am' | 'pm';
export type TimeOfDay = { hour: number; minute: number };

/** One date-ish piece of text, before it is combined with its neighbours. */
export type Token =
  /** `evening`: 昨晚, tonight — a time said with it is after noon ("昨晚十点" is 22:00). */
  | { kind: 'day'; day: DaySpec; evening?: boolean }
  /** Written as one piece: 12月3-5日, Dec 3-5, 3-5 Dec. */
  | { kind: 'range'; from: DaySpec; to: DaySpec }
  | { kind: 'time'; time: TimeOfDay }
  | { kind: 'month'; month: MonthSpec }
  | { kind: 'half'; half: Half }
  /** A length: 3天, two days, 半天 (0.5); `workdays`: 三个工作日, 3 business days (weekends skipped). */
  | { kind: 'span'; days: number; workdays?: boolean }
  /** 到, 至, to, until, -: joins the two ends of a range. */
  | { kind: 'to' }
  /** 从, from, between: opens a range. */
  | { kind: 'from' }
  /** 起, 开始, starting, for: joins a start and a length. */
  | { kind: 'join' }
  /** Sounds like a date but names no day: 明年, next year, 过几天. */
  | { kind: 'vague' };

export type Placed = Token & { index: number; length: number; text: string };
