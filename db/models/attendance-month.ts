import mongoose, { Schema } from 'mongoose';

/** `<employeeId>:<YYYY-MM>`: the `_id` of an employee's month rollup. */
export const monthKey = (employeeId: unknown, month: string) => `${String(employeeId)}:${month}`;

/**
 * One employee's month, kept up to date on every attendance write (check-in/out, made-up punch,
 * approved or cancelled leave, the absence job), so the month view is one point read. Each month
 * has a collection of its own (`monthRollups`): the month report reads all of a month's rollups
 * with one pass over a few thousand small documents, whatever the years of history beside them
 * (a pass costs a tenth of a point read per document on the embedded store). `days` holds what
 * was stored for each date that has a record or leave (the raw punches, judged again when shown),
 * packed into one string (`encodeDays`): the embedded store decodes every field of every document
 * it returns, and a month as 31 sub-documents took ten times longer to read than as one string.
 * `totals` are those days judged when written, with the schedule of that moment. Written under a
 * version claim (db/versioned.ts); a full recount rebuilds it from the day and leave documents
 * (flows/attendance/rollup.ts).
 */
const totalsSchema = new Schema(
  {
    present: { type: Number, default: 0 },
    late: { type: Number, default: 0 },
    earlyLeave: { type: Number, default: 0 },
    absent: { type: Number, default: 0 },
    /** Workdays of approved leave in the whole month (half days 0.5), today's and later ones too. */
    leaveDays: { type: Number, default: 0 },
    minutes: { type: Number, default: 0 },
  },
  { _id: false },
);

const attendanceMonthSchema = new Schema({
  _id: { type: String, required: true },
  employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
  month: { type: String, required: true },
  days: { type: String, default: '' },
  totals: { type: totalsSchema, default: () => ({}) },
  version: { type: Number, default: 0 },
  updatedAt: { type: Date, default: null },
});

export type MonthEntry = {
  date: string;
  status: 'present' | 'absent' | 'leave' | null;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  madeUp: boolean;
  leave: 'full' | 'am' | 'pm' | null;
};

const STATUS = { present: 'p', absent: 'a', leave: 'l' } as const;
const HALF = { full: 'f', am: 'a', pm: 'p' } as const;
const STATUS_OF = new Map(Object.entries(STATUS).map(([k, c]) => [c as string, k as keyof typeof STATUS]));
const HALF_OF = new Map(Object.entries(HALF).map(([k, c]) => [c as string, k as keyof typeof HALF]));
const codeOf = <K extends string>(codes: Record<K, string>, value: K | null) => (value ? codes[value] : '');
const time = (d: Date | null) => (d ? d.getTime().toString(36) : '');
const date = (t: string | undefined) => (t ? new Date(Number.parseInt(t, 36)) : null);

/**
 * `2026-11-03` present 09:02–18:05 → `03,p,<in>,<out>,0,` (times in base-36 milliseconds; leave
 * f/a/p last); entries joined by `;`, in date order.
 */
export function encodeDays(entries: MonthEntry[]): string {
  return entries
    .map((e) =>
      [
        e.date.slice(8),
        codeOf(STATUS, e.status),
        time(e.checkInAt),
        time(e.checkOutAt),
        e.madeUp ? '1' : '0',
        codeOf(HALF, e.leave),
      ].join(','),
    )
    .join(';');
}

export function decodeDays(month: string, packed: string): MonthEntry[] {
  if (!packed) return [];
  return packed.split(';').map((line) => {
    const [day, status, checkIn, checkOut, madeUp, leave] = line.split(',');
    return {
      date: `${month}-${day}`,
      status: STATUS_OF.get(status ?? '') ?? null,
      checkInAt: date(checkIn),
      checkOutAt: date(checkOut),
      madeUp: madeUp === '1',
      leave: HALF_OF.get(leave ?? '') ?? null,
    };
  });
}

export type MonthTotalsStored = {
  present: number;
  late: number;
  earlyLeave: number;
  absent: number;
  leaveDays: number;
  minutes: number;
};
export type AttendanceMonthDoc = {
  _id: string;
  employeeId: mongoose.Types.ObjectId;
  month: string;
  /** Packed with `encodeDays`. */
  days: string;
  totals: MonthTotalsStored;
  version: number;
  updatedAt: Date | null;
};
/** `attendancemonths_2026_11` holds the rollups of 2026-11. */
export const MONTH_COLLECTION = /^attendancemonths_(\d{4})_(\d{2})$/;

/**
 * The model of one month's rollups (made on first use). Only the `_id` index: every read is a
 * point read or a pass over the month.
 */
export function monthRollups(month: string): mongoose.Model<AttendanceMonthDoc> {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const name = `AttendanceMonth_${m[1]}_${m[2]}`;
  return (mongoose.models[name] ??
    mongoose.model(
      name,
      attendanceMonthSchema,
      `attendancemonths_${m[1]}_${m[2]}`,
    )) as mongoose.Model<AttendanceMonthDoc>;
}
