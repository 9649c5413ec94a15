import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { readDirectory } from '../org/api.js';
import { waitingSince, waitStart } from './waiting.js';

/** Hours, elapsed on the clock (not working hours): comparable across zones and schedules. */
const HOUR_MS = 3_600_000;
const BATCH = 500;
const TOP = 10;
/** What ends a request (for its cycle time) and what a decision on a step is (for its wait). */
const FINAL = new Set(['approved', 'rejected', 'system-approved', 'auto-approved']);
const DECISIONS = new Set(['approved', 'rejected', 'sent-back', 'system-approved', 'system-sent-back']);

export type Stat = { key: string; name?: string; count: number; medianHours: number; p90Hours: number };
export type Waiting = {
  no: string;
  type: string;
  requester: string;
  submittedAt: Date;
  waitingSince: Date;
  openHours: number;
  step: string;
  waitingFor: string[];
};
export type ApprovalAnalytics = {
  from: Date;
  to: Date;
  unit: 'hours';
  cycleTime: { byType: Stat[]; byApprover: Stat[] };
  slowestSteps: Stat[];
  waitingLongest: Waiting[];
};

type Read = Pick<
  ApprovalRequestDoc,
  | '_id'
  | 'no'
  | 'type'
  | 'status'
  | 'requesterId'
  | 'history'
  | 'steps'
  | 'stepIndex'
  | 'waitingFor'
  | 'createdAt'
>;

/** Linear interpolation between the closest ranks (numpy's default). */
function percentile(sorted: number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const below = sorted[lo] ?? 0;
  return below + ((sorted[Math.ceil(rank)] ?? below) - below) * (rank - lo);
}

const round = (h: number) => Math.round(h * 10) / 10;

function stats(samples: Map<string, number[]>, name?: (key: string) => string | undefined): Stat[] {
  return [...samples].map(([key, hours]) => {
    const sorted = [...hours].sort((a, b) => a - b);
    return {
      key,
      ...(name ? { name: name(key) } : {}),
      count: sorted.length,
      medianHours: round(percentile(sorted, 0.5)),
      p90Hours: round(percentile(sorted, 0.9)),
    };
  });
}

function push(m: Map<string, number[]>, key: string, v: number): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

/**
 * Cycle times of requests finished in [from, to) by type; every decision in the range by
 * approver and by step (how long that step had waited for it); the requests pending longest now.
 * Computed from the requests' own history. A report, not a chat path: it reads every request
 * changed since `from` or still pending, in batches — a scan on the embedded store, which looks
 * up nothing but `_id`; the caller bounds the range (at most 366 days).
 */
export async function approvalAnalytics(from: Date, to: Date, now: Date): Promise<ApprovalAnalytics> {
  const byType = new Map<string, number[]>();
  const byApprover = new Map<string, number[]>();
  const bySteps = new Map<string, number[]>();
  const pending: Read[] = [];
  const inRange = (at: Date) => at >= from && at < to;
  const cursor = ApprovalRequest.find(
    { $or: [{ updatedAt: { $gte: from } }, { status: 'pending' }] },
    { cards: 0, data: 0 },
  )
    .lean<Read[]>()
    .cursor({ batchSize: BATCH });
  for await (const doc of cursor as AsyncIterable<Read>) {
    if (doc.status === 'pending') pending.push(doc);
    const end = doc.history.findLast((h) => FINAL.has(h.action));
    if (end && (doc.status === 'approved' || doc.status === 'rejected') && inRange(end.at))
      push(byType, doc.type, (end.at.getTime() - doc.createdAt.getTime()) / HOUR_MS);
    doc.history.forEach((h, i) => {
      if (!DECISIONS.has(h.action) || h.step === null || !inRange(h.at)) return;
      const began = waitStart(doc.history.slice(0, i), h.step)?.at ?? doc.createdAt;
      const hours = (h.at.getTime() - began.getTime()) / HOUR_MS;
      push(byApprover, h.by ? String(h.by) : 'system', hours);
      push(bySteps, `${doc.type}/${doc.steps[h.step]?.name ?? h.step}`, hours);
    });
  }
  const org = await readDirectory();
  const nameOf = (id: unknown) => org.byId(String(id))?.name ?? '';
  const slowest = (s: Stat[]) => s.sort((a, b) => b.p90Hours - a.p90Hours);
  return {
    from,
    to,
    unit: 'hours',
    cycleTime: {
      byType: slowest(stats(byType)),
      byApprover: slowest(stats(byApprover, (k) => (k === 'system' ? undefined : nameOf(k)))),
    },
    slowestSteps: slowest(stats(bySteps)).slice(0, TOP),
    waitingLongest: pending
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, TOP)
      .map((d) => ({
        no: d.no,
        type: d.type,
        requester: nameOf(d.requesterId),
        submittedAt: d.createdAt,
        waitingSince: waitingSince(d),
        openHours: round((now.getTime() - d.createdAt.getTime()) / HOUR_MS),
        step: d.steps[d.stepIndex]?.name ?? '',
        waitingFor: d.waitingFor.map(nameOf),
      })),
  };
}
