import type mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Customer } from '../../db/models/customer.js';
import { Delivery } from '../../db/models/delivery.js';
import { Employee } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { LeaveYear } from '../../db/models/leave-year.js';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { SalesOrder } from '../../db/models/sales-order.js';

/**
 * Every list query, by the fields it filters on (equality first) and sorts by. FerretDB 1.24 on
 * SQLite scans anyway (its explain shows `filterPushdown: false` for these), so the indexes earn
 * their keep on MongoDB; this checks they are declared where MongoDB's planner needs them: one
 * index whose leading keys are the filter fields (any order) followed by the sort keys.
 */
const QUERIES: [mongoose.Model<any>, string[], string[]][] = [
  [ApprovalRequest, ['waitingFor', 'status'], ['createdAt']], // digest: waiting for me
  [ApprovalRequest, ['no'], []], // purchases look their approval up by number
  [ApprovalRequest, ['requesterId', 'updatedAt'], []], // digest: my requests changed
  [ApprovalRequest, ['status'], ['updatedAt']], // waiting-too-long reminders
  [Delivery, ['kind', 'at'], []], // last digests, pruning
  [Customer, ['ownerId', 'nextFollowUpAt'], []], // due follow-ups (digest, reminders)
  [Customer, ['ownerId', 'activeAt'], []], // going back to the pool
  [AttendanceDay, ['date'], []], // recount of a month
  [LeaveDay, ['date'], []],
  [LeaveYear, ['year'], []], // leave-balance report and HR digest
  [SalesOrder, ['status'], ['updatedAt']], // orders to ship
  [Employee, ['email'], []],
  [Employee, ['department', 'active'], []],
  [Identity, ['platform', 'teamId', 'userId'], []],
  [Identity, ['employeeId'], []],
  [ProcessedEvent, ['platform', 'eventId'], []],
  [ProcessedEvent, ['at'], []], // pruning
];

function covered(model: mongoose.Model<any>, filter: string[], sort: string[]): boolean {
  const indexes = [{ _id: 1 }, ...model.schema.indexes().map(([keys]) => keys)].map((k) => Object.keys(k));
  // single-field `index: true` / `unique: true` paths are listed by schema.indexes() too
  return indexes.some((keys) => {
    const head = keys.slice(0, filter.length);
    return filter.every((f) => head.includes(f)) && sort.every((s, i) => keys[filter.length + i] === s);
  });
}

describe('indexes', () => {
  it.each(QUERIES.map(([m, f, s]) => [m.modelName, f.join('+'), s.join('+'), m, f, s] as const))(
    '%s filtered by %s sorted by %s has an index',
    (_name, _f, _s, model, filter, sort) => {
      expect(covered(model, [...filter], [...sort])).toBe(true);
    },
  );
});
