import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { updateAtVersion } from '../../db/at-version.js';
import { claim, nextNumber, releaseIfStale } from '../../db/claims.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import type { ProductDoc } from '../../db/models/product.js';
import { type PurchaseLine, PurchaseOrder, type PurchaseOrderDoc } from '../../db/models/purchase-order.js';
import { pointAt } from '../../db/pointers.js';
import type { Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { submitRequest } from '../approvals/api.js';
import { type Line, listWarehouses, moveStock, rules } from '../stock/api.js';
import { purchaseIdOf, purchaseNoRef } from './keys.js';
import { mergeLines, resolveLines } from './service.js';
import { rememberSupplier } from './suppliers.js';

/** Purchases above this amount (in the company's currency, `CURRENCY`) go through approvals first. */
export const PURCHASE_POLICY = { approvalOver: 5000 };

export const canPurchase = (p: Pick<Person, 'roles'>) =>
  ['warehouse', 'manager', 'admin'].some((r) => p.roles.includes(r));

export type Purchased =
  | { ok: true; po: PurchaseOrderDoc; approval: ApprovalRequestDoc | null }
  | { ok: false; problem: 'forbidden' }
  | { ok: false; problem: 'no_warehouse' }
  | { ok: false; problem: 'unknown_sku'; sku: string };

/**
 * Records a purchase order; lines without a price take the catalogue price. Over the threshold,
 * a general approval request titled with the PO number is filed (the seam with approvals:
 * `submitRequest`, and receiving later reads that request's status).
 */
export async function createPurchase(input: {
  requester: Person;
  supplierName: string;
  lines: Line[];
  note: string;
  at: Date;
  today: string;
  /** The company's: catalogue prices, typed prices and the policy line are in it. */
  currency: string;
  policy?: typeof PURCHASE_POLICY;
  /** Where the goods go (a reorder rule's warehouse); default: the first warehouse. */
  warehouseId?: mongoose.Types.ObjectId;
}): Promise<Purchased> {
  if (!canPurchase(input.requester)) return { ok: false, problem: 'forbidden' };
  const resolved = await resolveLines(input.lines);
  if ('unknown' in resolved) return { ok: false, problem: 'unknown_sku', sku: resolved.unknown };
  const { wanted, products } = resolved;
  const warehouses = await listWarehouses();
  const warehouse = warehouses.find((w) => input.warehouseId?.equals(w._id)) ?? warehouses[0];
  if (!warehouse) return { ok: false, problem: 'no_warehouse' };
  const lines: PurchaseLine[] = wanted.map((l) => {
    const p = products.find((x) => x.sku === l.sku) as ProductDoc;
    return {
      productId: p._id,
      sku: p.sku,
      name: p.name,
      nameEn: p.nameEn,
      qty: l.qty,
      price: l.price ?? p.price,
      received: 0,
    };
  });
  const amount = Math.round(lines.reduce((s, l) => s + l.qty * l.price, 0) * 100) / 100;
  const no = `PO-${await nextNumber('purchase-order', 1000, input.at)}`;
  let approval: ApprovalRequestDoc | null = null;
  if (amount > (input.policy ?? PURCHASE_POLICY).approvalOver) {
    approval = await submitRequest({
      requester: input.requester,
      type: 'general',
      data: {
        // read by approvers in either language, so it says "purchase" in both
        title: `采购 Purchase ${no} · ${input.supplierName} · ${amount} ${input.currency}`.slice(0, 120),
        text: lines.map((l) => `${l.sku} ${l.name} × ${l.qty} @ ${l.price}`).join('\n'),
      },
      today: input.today,
      now: input.at,
    });
  }
  await rememberSupplier(input.supplierName, input.at);
  // the number points at the order before it exists, like a sales order's
  const _id = new mongoose.Types.ObjectId();
  await pointAt(purchaseNoRef(no), _id, input.at);
  const po = await PurchaseOrder.create({
    _id,
    no,
    supplierName: input.supplierName,
    requesterId: new mongoose.Types.ObjectId(input.requester.id),
    warehouseId: warehouse._id,
    lines,
    amount,
    note: input.note,
    approvalNo: approval?.no ?? '',
    createdAt: input.at,
  });
  return { ok: true, po: po.toObject() as unknown as PurchaseOrderDoc, approval };
}

export type ReceiveRefusal =
  | 'not_found'
  | 'forbidden'
  | 'awaiting_approval'
  | 'not_approved'
  | 'done'
  | 'not_on_po'
  | 'too_many';
export type Received =
  | { ok: true; po: PurchaseOrderDoc; got: Line[] }
  | { ok: false; refusal: ReceiveRefusal; po?: PurchaseOrderDoc; sku?: string; approvalNo?: string };

/** A receipt: these lines (or everything still due), each a stock-in; partial receipts allowed. */
export async function receivePurchase(input: {
  no: string;
  lines: Line[];
  by: Pick<Person, 'id' | 'roles'>;
  at: Date;
}): Promise<Received> {
  if (!(input.by.roles.includes('warehouse') || input.by.roles.includes('admin')))
    return { ok: false, refusal: 'forbidden' };
  const id = await purchaseIdOf(input.no);
  if (!id) return { ok: false, refusal: 'not_found' };
  for (let attempt = 0; attempt < 40; attempt++) {
    const po = await PurchaseOrder.findById(id).lean<PurchaseOrderDoc>();
    if (!po) return { ok: false, refusal: 'not_found' };
    if (po.approvalNo) {
      const status = (await ApprovalRequest.findOne({ no: po.approvalNo }, { status: 1 }).lean())?.status;
      if (status === 'pending')
        return { ok: false, refusal: 'awaiting_approval', po, approvalNo: po.approvalNo };
      if (status !== 'approved') return { ok: false, refusal: 'not_approved', po, approvalNo: po.approvalNo };
    }
    if (po.status === 'received') return { ok: false, refusal: 'done', po };
    const due = (l: PurchaseLine) => l.qty - l.received;
    const got =
      input.lines.length > 0
        ? mergeLines(input.lines)
        : po.lines.filter((l) => due(l) > 0).map((l) => ({ sku: l.sku, qty: due(l) }));
    for (const g of got) {
      const line = po.lines.find((l) => l.sku === g.sku);
      if (!line) return { ok: false, refusal: 'not_on_po', po, sku: g.sku };
      if (g.qty > due(line)) return { ok: false, refusal: 'too_many', po, sku: g.sku };
    }
    const revision = `purchase:${po._id}:v${po.version + 1}`;
    if (!(await claim(revision, input.at))) {
      await releaseIfStale(revision, input.at);
      await sleep(5 + Math.random() * 20);
      continue;
    }
    const lines = po.lines.map((l) => ({
      ...l,
      received: l.received + (got.find((g) => g.sku === l.sku)?.qty ?? 0),
    }));
    for (const g of got) {
      const line = po.lines.find((l) => l.sku === g.sku) as PurchaseLine;
      if (!(await claim(`${revision}:${g.sku}`, input.at))) continue; // done before a crash: never twice
      await moveStock({
        productId: line.productId,
        warehouseId: po.warehouseId,
        kind: 'receive',
        by: input.by.id,
        at: input.at,
        ref: po.no,
        apply: rules.in(g.qty),
      });
    }
    const status = lines.every((l) => l.received >= l.qty) ? 'received' : 'partial';
    const done = await updateAtVersion<PurchaseOrderDoc>(PurchaseOrder, po._id, po.version, {
      $set: { lines, status },
      $inc: { version: 1 },
    });
    if (done) return { ok: true, po: done, got };
  }
  throw new AppError('purchase.contention', `purchase ${input.no} kept changing under us`);
}
