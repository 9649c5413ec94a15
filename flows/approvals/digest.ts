import { inList } from '../../db/in-list.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import {
  byReader,
  type DigestSection,
  type DigestSectionSpec,
  type RunContext,
  WITH_BUTTONS,
} from '../../src/bot/digest.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import { actionLine, bulkButtons, decisionButtons, statusLabel, typeLabel } from './cards.js';

/** This flow's lines in the morning digest. */
const t = {
  myRequests: { 'zh-CN': '我的申请有更新', en: 'Your requests changed' },
  pending: { 'zh-CN': '待我审批（最早的在前）', en: 'Waiting for your approval (oldest first)' },
};

/** Everyone: their own requests someone else acted on since their last digest. */
async function myRequests(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const oldest = new Date(Math.min(...ctx.readers.map((r) => r.since.getTime())));
  const docs = await ApprovalRequest.find(
    {
      ...inList(
        'requesterId',
        ctx.readers.map((r) => r.id),
      ),
      updatedAt: { $gte: oldest },
    },
    { no: 1, type: 1, status: 1, requesterId: 1, history: 1 },
  )
    .sort({ updatedAt: -1 })
    .lean<ApprovalRequestDoc[]>();
  const out = new Map<string, DigestSection>();
  for (const [reader, mine] of byReader(ctx, docs, (d) => [d.requesterId])) {
    const changed = mine.filter((d) =>
      d.history.some(
        (h) => h.at > reader.since && String(h.by ?? '') !== reader.id && h.action !== 'submitted',
      ),
    );
    if (changed.length === 0) continue;
    out.set(reader.id, {
      title: tr(reader.locale, t.myRequests),
      lines: changed.map((d) => {
        const last = d.history.findLast((h) => String(h.by ?? '') !== reader.id);
        const what = last ? ` · ${actionLine(last, ctx.names, reader.locale)}` : '';
        return `${d.no} ${typeLabel(d, reader.locale)} · ${statusLabel(d, reader.locale)}${what}`;
      }),
    });
  }
  return out;
}

/**
 * Approvers: what waits for them, oldest first, the first few with Approve/Reject; with two or
 * more, "approve all shown" / "approve all except…" (each still one decision, confirmed once).
 */
async function pendingApprovals(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const docs = await ApprovalRequest.find(
    {
      ...inList(
        'waitingFor',
        ctx.readers.map((r) => r.id),
      ),
      status: 'pending',
    },
    { no: 1, type: 1, status: 1, requesterId: 1, waitingFor: 1, createdAt: 1 },
  )
    .sort({ createdAt: 1 })
    .lean<ApprovalRequestDoc[]>();
  const out = new Map<string, DigestSection>();
  for (const [reader, waiting] of byReader(ctx, docs, (d) => d.waitingFor)) {
    const { locale } = reader;
    const buttons = [
      ...waiting.slice(0, WITH_BUTTONS).flatMap((d) => decisionButtons(d.no, locale, true)),
      ...bulkButtons(
        waiting.map((d) => d.no),
        locale,
      ),
    ];
    out.set(reader.id, {
      title: tr(locale, t.pending),
      lines: waiting.map(
        (d) =>
          `${d.no} ${typeLabel(d, locale)} · ${ctx.nameOf(d.requesterId)} · ${ageText(d.createdAt, ctx.now, locale)}`,
      ),
      buttons,
    });
  }
  return out;
}

/** What approvals adds to the morning digest, in digest order. */
export const approvalDigestSections: DigestSectionSpec[] = [
  { name: 'approvals.mine', order: 10, load: myRequests },
  { name: 'approvals.pending', order: 20, load: pendingApprovals },
];
