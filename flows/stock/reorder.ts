import type mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import {
  ReorderProposal,
  type ReorderProposalDoc,
  ReorderRule,
  type ReorderRuleDoc,
} from '../../db/models/reorder.js';
import { changeVersioned } from '../../db/versioned.js';
import type { Person } from '../../src/bot/types.js';
import { findBySku, findWarehouse, listWarehouses } from './catalog.js';
import { levelsOf } from './levels.js';
import { MAX_QTY } from './parse.js';

type Id = mongoose.Types.ObjectId;

/** Warehouse managers and admins set the rules: they are the ones asked to buy. */
export const maySetRules = (p: Pick<Person, 'roles'>) =>
  p.roles.includes('admin') || (p.roles.includes('warehouse') && p.roles.includes('manager'));

export const ruleIdOf = (productId: Id, warehouseId: Id) => `${productId}:${warehouseId}`;

export type RuleInput = { sku: string; warehouse: string; min: number; max: number; supplier: string };
export type RuleRefusal = 'forbidden' | 'unknown_sku' | 'unknown_warehouse' | 'no_warehouse' | 'range';

/** Sets (or replaces) the rule for a product in a warehouse (the first one when none is named). */
export async function setReorderRule(
  input: RuleInput & { actor: Pick<Person, 'roles'>; at: Date },
): Promise<{ ok: true; rule: ReorderRuleDoc } | { ok: false; refusal: RuleRefusal }> {
  if (!maySetRules(input.actor)) return { ok: false, refusal: 'forbidden' };
  if (!(input.min >= 0 && input.max > input.min && input.max <= MAX_QTY))
    return { ok: false, refusal: 'range' };
  const product = await findBySku(input.sku);
  if (!product) return { ok: false, refusal: 'unknown_sku' };
  const warehouse = input.warehouse ? await findWarehouse(input.warehouse) : (await listWarehouses())[0];
  if (!warehouse) return { ok: false, refusal: input.warehouse ? 'unknown_warehouse' : 'no_warehouse' };
  const _id = ruleIdOf(product._id, warehouse._id);
  const fields = { sku: product.sku, min: input.min, max: input.max, supplier: input.supplier };
  const changed = await changeVersioned<ReorderRuleDoc, never>(
    ReorderRule,
    'reorder',
    _id,
    () => fields,
    input.at,
    {
      initial: () =>
        ({ _id, productId: product._id, warehouseId: warehouse._id, epoch: 0, version: 0 }) as ReorderRuleDoc,
    },
  );
  if (!changed.ok) return { ok: false, refusal: 'no_warehouse' };
  return { ok: true, rule: changed.doc };
}

/**
 * After a movement: each rule of the product whose warehouse is now under `min` proposes buying
 * up to `max`, once per dip (the proposal's unique insert). Back at `min` or above, a rule whose
 * dip was proposed moves to its next epoch. Returns the proposals made now.
 */
export async function proposeReorders(productId: Id, at: Date): Promise<ReorderProposalDoc[]> {
  const warehouses = await listWarehouses();
  const rules = await Promise.all(
    warehouses.map((w) => ReorderRule.findById(ruleIdOf(productId, w._id)).lean<ReorderRuleDoc>()),
  );
  const levels = await levelsOf(
    productId,
    warehouses.map((w) => w._id),
  );
  const made: ReorderProposalDoc[] = [];
  for (const [i, rule] of rules.entries()) {
    if (!rule) continue;
    const onHand = levels[i]?.onHand ?? 0;
    const _id = `${rule._id}:e${rule.epoch}`;
    if (onHand >= rule.min) {
      if (await ReorderProposal.exists({ _id }))
        await ReorderRule.updateOne({ _id: rule._id, epoch: rule.epoch }, { $inc: { epoch: 1 } });
      continue;
    }
    try {
      const proposal = await ReorderProposal.create({
        _id,
        ruleId: rule._id,
        productId,
        warehouseId: rule.warehouseId,
        sku: rule.sku,
        onHand,
        min: rule.min,
        max: rule.max,
        qty: rule.max - onHand,
        supplier: rule.supplier,
        createdAt: at,
        updatedAt: at,
      });
      made.push(proposal.toObject() as unknown as ReorderProposalDoc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // this dip was proposed already
    }
  }
  return made;
}

export const findProposal = (id: string) => ReorderProposal.findById(id).lean<ReorderProposalDoc>();

/**
 * Creates or dismisses a proposal, once: the first click wins, a second one is refused as
 * decided. Creating needs the supplier (the preferred one, or the one picked on the card).
 */
export async function decideProposal(input: {
  id: string;
  actor: Pick<Person, 'id' | 'roles'>;
  decision: 'created' | 'dismissed';
  supplier: string;
  at: Date;
}) {
  return changeVersioned<ReorderProposalDoc, 'forbidden' | 'decided'>(
    ReorderProposal,
    'proposal',
    input.id,
    (p) => {
      if (!maySetRules(input.actor) && !input.actor.roles.includes('warehouse')) return 'forbidden';
      if (p.status !== 'proposed') return 'decided';
      return { status: input.decision, supplier: input.supplier || p.supplier, decidedBy: input.actor.id };
    },
    input.at,
  );
}

/** The purchase order made for a proposal, on it for its card. */
export const recordPurchase = (id: string, poNo: string) =>
  ReorderProposal.updateOne({ _id: id }, { $set: { poNo } });
