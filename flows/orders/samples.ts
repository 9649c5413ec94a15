import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { updateAtVersion } from '../../db/at-version.js';
import { claim, nextNumber, releaseIfStale, withLock } from '../../db/claims.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { Sample, type SampleDoc } from '../../db/models/sample.js';
import { pointAt } from '../../db/pointers.js';
import type { Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { submitRequest } from '../approvals/api.js';
import { addToTimeline } from '../crm/api.js';
import { formatMoney, lineMinor, listWarehouses, moveStock, productsBySku, rules } from '../stock/api.js';
import type { CustomerRef } from './customer-check.js';
import { customerSamples, sampleIdOf, sampleNoRef } from './keys.js';
import { canSell } from './service.js';

/**
 * Samples worth more than this (list price × quantity, in the company's currency, `CURRENCY`)
 * wait for an approval; 0 = never. A constant until there is a settings store, like
 * `PURCHASE_POLICY` and `CRM_CONFIG`; the service takes it as an argument so tests set their own.
 */
export const SAMPLE_POLICY = { approvalOver: 2000 };

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

export type SampleRefusal = 'forbidden' | 'unknown_sku' | 'no_warehouse' | 'short';
export type Given =
  | { ok: true; sample: SampleDoc; approval: ApprovalRequestDoc | null }
  | { ok: false; problem: SampleRefusal; sku?: string; available?: number };

/**
 * A sample for a customer: the goods leave stock at once (a `sample` movement carrying the
 * customer's id, ref SMP-…) and the customer's timeline says so. Over the policy line the units
 * are reserved instead and a general approval request is filed; `settleSample` sends or releases
 * them once it is decided. Who may: the people who may sell.
 */
export async function giveSample(input: {
  by: Person;
  customer: CustomerRef;
  sku: string;
  qty: number;
  note: string;
  at: Date;
  today: string;
  currency: string;
  policy?: typeof SAMPLE_POLICY;
}): Promise<Given> {
  if (!canSell(input.by)) return { ok: false, problem: 'forbidden' };
  const [product] = await productsBySku([input.sku]);
  if (!product) return { ok: false, problem: 'unknown_sku', sku: input.sku };
  const warehouses = await listWarehouses();
  if (warehouses.length === 0) return { ok: false, problem: 'no_warehouse' };
  const currency = product.currency || input.currency;
  const value = lineMinor({ qty: input.qty, price: product.price, currency });
  const over = (input.policy ?? SAMPLE_POLICY).approvalOver;
  const needsApproval = over > 0 && value > over * 100;
  const no = `SMP-${await nextNumber('sample', 1000, input.at)}`;
  const customerId = oid(input.customer.id);
  let available = 0;
  let from: Id | null = null;
  for (const w of warehouses) {
    const moved = await moveStock({
      productId: product._id,
      warehouseId: w._id,
      kind: needsApproval ? 'reserve' : 'sample',
      by: input.by.id,
      at: input.at,
      note: input.note,
      ref: no,
      ...(needsApproval ? {} : { customerId }),
      apply: needsApproval ? rules.reserve(input.qty) : rules.out(input.qty),
    });
    if (moved.ok) {
      from = w._id;
      break;
    }
    available = Math.max(available, moved.available);
  }
  if (!from) return { ok: false, problem: 'short', sku: product.sku, available };
  const approval = needsApproval
    ? await submitRequest({
        requester: input.by,
        type: 'general',
        data: {
          // read by approvers in either language, so it says "sample" in both
          title: `送样 Sample ${no} · ${input.customer.name} · ${formatMoney(value, currency, 'en')}`.slice(
            0,
            120,
          ),
          text: `${product.sku} ${product.name} × ${input.qty} @ ${product.price}${input.note ? `\n${input.note}` : ''}`,
        },
        today: input.today,
        now: input.at,
      })
    : null;
  // approved at once (nobody to ask): it is sent on the next "送样 SMP-…", like any approved one
  const _id = new mongoose.Types.ObjectId();
  await pointAt(sampleNoRef(no), _id, input.at);
  const sample = (
    await Sample.create({
      _id,
      no,
      customerId,
      customerName: input.customer.name,
      productId: product._id,
      sku: product.sku,
      name: product.name,
      nameEn: product.nameEn,
      qty: input.qty,
      warehouseId: from,
      price: product.price,
      currency,
      value,
      note: input.note,
      byId: oid(input.by.id),
      status: needsApproval ? 'awaiting' : 'sent',
      approvalNo: approval?.no ?? '',
      at: input.at,
      sentAt: needsApproval ? null : input.at,
    })
  ).toObject() as SampleDoc;
  await withLock(customerSamples.lockOf(customerId), input.at, () => customerSamples.add(customerId, [_id]));
  if (!needsApproval) await onTimeline(sample, input.by.id, input.at);
  return { ok: true, sample, approval };
}

export type Settled =
  | { ok: true; sample: SampleDoc }
  | { ok: false; refusal: 'not_found' | 'forbidden' | 'awaiting_approval' | 'done'; sample?: SampleDoc };

/**
 * "送样 SMP-1001" for a sample that waited for approval: approved → its reserved units leave
 * stock (the `sample` movement) and it goes on the customer's timeline; rejected or withdrawn →
 * the units are released. The one who asked for it, a manager or an admin may. Each stock effect
 * and the timeline line are claimed once, so a double click never moves stock twice.
 */
export async function settleSample(input: { no: string; by: Person; at: Date }): Promise<Settled> {
  const id = await sampleIdOf(input.no);
  if (!id) return { ok: false, refusal: 'not_found' };
  for (let attempt = 0; attempt < 40; attempt++) {
    const sample = await Sample.findById(id).lean<SampleDoc>();
    if (!sample) return { ok: false, refusal: 'not_found' };
    const mine = sample.byId.equals(input.by.id);
    if (!mine && !input.by.roles.some((r) => r === 'manager' || r === 'admin'))
      return { ok: false, refusal: 'forbidden', sample };
    if (sample.status !== 'awaiting') return { ok: false, refusal: 'done', sample };
    const decided = await ApprovalRequest.findById(sample.approvalNo, { status: 1 }).lean();
    if (decided?.status === 'pending') return { ok: false, refusal: 'awaiting_approval', sample };
    const approved = decided?.status === 'approved';
    const revision = `sample:${sample._id}:v${sample.version + 1}`;
    if (!(await claim(revision, input.at))) {
      await releaseIfStale(revision, input.at);
      await sleep(5 + Math.random() * 20);
      continue;
    }
    if (await claim(`sample:${sample.no}:stock`, input.at))
      await moveStock({
        productId: sample.productId,
        warehouseId: sample.warehouseId,
        kind: approved ? 'sample' : 'release',
        by: input.by.id,
        at: input.at,
        note: sample.note,
        ref: sample.no,
        ...(approved ? { customerId: sample.customerId } : {}),
        apply: approved ? rules.ship(sample.qty) : rules.release(sample.qty),
      });
    const done = await updateAtVersion<SampleDoc>(Sample, sample._id, sample.version, {
      $set: approved ? { status: 'sent', sentAt: input.at } : { status: 'rejected' },
      $inc: { version: 1 },
    });
    if (!done) continue;
    if (approved) await onTimeline(done, input.by.id, input.at);
    return { ok: true, sample: done };
  }
  throw new AppError('samples.contention', `sample ${input.no} kept changing under us`);
}

/** "SKU-1001 路由器 × 2 (SMP-1001)" on the customer's timeline, once per sample. */
async function onTimeline(sample: SampleDoc, by: string, at: Date): Promise<void> {
  if (!(await claim(`sample:${sample.no}:timeline`, at))) return;
  const note = `${sample.sku} ${sample.name} × ${sample.qty} (${sample.no})${sample.note ? ` ${sample.note}` : ''}`;
  await addToTimeline({ customerId: String(sample.customerId), kind: 'sample', by, note, at });
}
