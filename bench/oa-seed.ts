// The OA rows' data, written straight to the bench app's database from a process of its own (the
// runner's mongoose cannot reconnect between rows): the bench company, then attendance records
// and approval requests grown to each size. Batched inserts, so 250k records take seconds.
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { appendChange, RELOAD } from '../db/change-feed.js';
import { connectDb } from '../db/connect.js';
import { dayKey } from '../db/models/attendance-day.js';
import { Employee } from '../db/models/employee.js';
import { rebuildLists } from '../flows/approvals/lists.js';
import { recountMonths } from '../flows/attendance/rollup.js';

const BATCH = 2000;
/** People with a history: attendance for every day back from yesterday, requests to their lead. */
export const HISTORY_PEOPLE = 1000;
/** Fresh people for the check-in rows: each check-in is someone's first of the day. */
export const CHECK_IN_PEOPLE = 1500;
export const HISTORY_DEPARTMENT = 'OAHistory';
/** Requests seeded by the bench are numbered from here; the app's own start at AP-1001. */
const SEEDED_FROM = 1_000_000;
/** Pending requests each team lead has waiting (the "待我审批" row reads a lead's list). */
const PENDING_PER_LEAD = 12;

const oid = (prefix: string, k: number) =>
  new mongoose.Types.ObjectId(`${prefix}${k.toString(16).padStart(16, '0')}`);
export const historyId = (k: number) => oid('0a0a0000', k);
const checkInId = (k: number) => oid('0a0b0000', k);
export const historyEmail = (k: number) => `oa-h-${k}@bench.example`;
export const checkInEmail = (k: number) => `oa-c-${k}@bench.example`;
/** Teams of 8: the first of each leads it and reports to person 0. */
export const leadOf = (k: number) => k - (k % 8);

function people() {
  const history = Array.from({ length: HISTORY_PEOPLE }, (_, k) => ({
    _id: historyId(k),
    name: `历史${k}`,
    email: historyEmail(k),
    department: HISTORY_DEPARTMENT,
    managerId: k === 0 ? null : historyId(k % 8 === 0 ? 0 : leadOf(k)),
    roles: k % 8 === 0 ? ['employee', 'manager'] : ['employee'],
    timezone: 'Asia/Shanghai',
    createdAt: new Date('2025-01-01T00:00:00Z'),
  }));
  const checkIns = Array.from({ length: CHECK_IN_PEOPLE }, (_, k) => ({
    _id: checkInId(k),
    name: `签到${k}`,
    email: checkInEmail(k),
    department: 'OACheckIn',
    managerId: historyId(0),
    roles: ['employee'],
    timezone: k % 2 ? 'Asia/Shanghai' : 'America/Los_Angeles',
    createdAt: new Date('2025-01-01T00:00:00Z'),
  }));
  return [...history, ...checkIns];
}

const collection = (name: string) => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection(name);
};

async function insertAll(name: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await collection(name).insertMany(docs.slice(i, i + BATCH) as never[], { ordered: false });
  }
}

/** Record i: history person i mod 1000, `⌊i / 1000⌋ + 1` days before `today` (Shanghai). */
function attendanceRecord(i: number, today: DateTime) {
  const k = i % HISTORY_PEOPLE;
  const day = today.minus({ days: Math.floor(i / HISTORY_PEOPLE) + 1 });
  const checkIn = day.set({ hour: 8, minute: 40 + (k % 35) });
  const date = day.toISODate() as string;
  return {
    _id: dayKey(historyId(k), date),
    employeeId: historyId(k),
    date,
    status: 'present',
    checkInAt: checkIn.toJSDate(),
    checkOutAt: checkIn.plus({ hours: 9, minutes: k % 20 }).toJSDate(),
    checkInNote: '',
    checkOutNote: '',
    madeUpBy: [],
    leaveRequestId: null,
    version: 0,
    createdAt: checkIn.toJSDate(),
    updatedAt: checkIn.toJSDate(),
  };
}

/**
 * Request i: an expense by a history person to their lead, older as i grows; the first ones of
 * each lead's team stay pending (the lead's list), the rest were approved.
 */
/** Who filed seeded request i: the team members (not the leads) in turn. */
export function requesterOf(i: number): number {
  const slot = i % (HISTORY_PEOPLE - HISTORY_PEOPLE / 8);
  return slot + Math.floor(slot / 7) + 1; // skips the leads (multiples of 8)
}
export const seededNo = (i: number) => `AP-${SEEDED_FROM + i}`;

function approvalRequest(i: number, now: Date) {
  const k = requesterOf(i);
  const lead = historyId(leadOf(k));
  const requesterId = historyId(k);
  const created = new Date(now.getTime() - (i + 1) * 60_000);
  const pending = i < (HISTORY_PEOPLE / 8) * PENDING_PER_LEAD && k % 8 !== 0;
  const decidedAt = new Date(created.getTime() + 30 * 60_000);
  // two sent copies, as the app keeps them: the approver's and the requester's
  const cards = [lead, requesterId].map((employeeId, n) => ({
    employeeId,
    platform: 'web',
    channelId: String(employeeId),
    messageId: `seeded-${seededNo(i)}-${n}`,
  }));
  return {
    _id: seededNo(i),
    no: seededNo(i),
    type: 'expense',
    requesterId,
    department: HISTORY_DEPARTMENT,
    data: { amount: 42 + (i % 500), currency: 'CNY', category: 'taxi', reason: '地铁', receiptUrl: '' },
    status: pending ? 'pending' : 'approved',
    steps: [
      {
        name: 'manager',
        label: { 'zh-CN': '直属经理', en: 'Manager' },
        mode: 'any',
        approvers: [
          {
            employeeId: lead,
            standsInFor: null,
            reason: null,
            decision: pending ? null : 'approved',
            at: pending ? null : decidedAt,
          },
        ],
      },
    ],
    stepIndex: 0,
    waitingFor: pending ? [lead] : [],
    cc: [],
    history: [
      { at: created, by: requesterId, action: 'submitted', step: 0, comment: '' },
      ...(pending ? [] : [{ at: decidedAt, by: lead, action: 'approved', step: 0, comment: '' }]),
    ],
    lastUrgedAt: null,
    cards,
    version: pending ? 0 : 1,
    createdAt: created,
    updatedAt: pending ? created : decidedAt,
  };
}

async function seedPeople(): Promise<void> {
  await Employee.insertMany(people(), { ordered: false });
  await appendChange('directory', RELOAD, new Date());
}

/** Times a step of the seeding, for the report: the repairs run at each size. */
async function timed(what: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.error(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Records `from`..`to`, then every month rollup counted again (the admin repair, timed). */
async function seedAttendance(from: number, to: number, todayIso: string): Promise<void> {
  const today = DateTime.fromISO(todayIso, { zone: 'Asia/Shanghai' });
  const docs = Array.from({ length: to - from }, (_, j) => attendanceRecord(from + j, today));
  await insertAll('attendancedays', docs);
  await timed(`recount of every month rollup at ${to} records`, () => recountMonths(new Date()));
}

/** Requests `from`..`to`, then every per-person list rebuilt (the admin repair, timed). */
async function seedApprovals(from: number, to: number, nowIso: string): Promise<void> {
  const now = new Date(nowIso);
  const docs = Array.from({ length: to - from }, (_, j) => approvalRequest(from + j, now));
  await insertAll('approvals', docs);
  await timed(`rebuild of every approval list at ${to} requests`, () => rebuildLists(new Date()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, uri, ...args] = process.argv.slice(2);
  if (!uri) throw new Error('usage: oa-seed.ts people|attendance|approvals <uri> …');
  await connectDb(uri, { timeoutMs: 5000 });
  try {
    if (what === 'people') await seedPeople();
    else if (what === 'attendance') await seedAttendance(Number(args[0]), Number(args[1]), String(args[2]));
    else if (what === 'approvals') await seedApprovals(Number(args[0]), Number(args[1]), String(args[2]));
    else throw new Error(`unknown seed ${what}`);
  } finally {
    await mongoose.disconnect();
  }
}
