import mongoose from 'mongoose';
import { nextNumber } from '../../db/claims.js';
import {
  Contract,
  type ContractDoc,
  type ContractStatus,
  type Instalment,
} from '../../db/models/contract.js';
import { changeVersioned } from '../../db/versioned.js';
import type { Person } from '../../src/bot/types.js';
import { submitRequest } from '../approvals/api.js';
import { canSeeContract, writesContracts } from './access.js';
import { needsApproval } from './config.js';
import { customerKey, listAdd, ownerKey } from './lists.js';
import { cents, fromCents, money, outstanding } from './money.js';
import type { ContractDraft } from './plan.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

/** A customer as the CRM resolved it for the creator. */
export type CustomerRef = { id: Id; name: string; ownerId: Id | null };

export type Created = {
  contract: ContractDoc;
  /** The approval request filed for it (over the line), announced by the caller. */
  approval: Awaited<ReturnType<typeof submitRequest>> | null;
};

/** `HT-2026-0001`: numbered per year of signing, each number claimed once (db/claims.ts). */
async function nextContractNo(today: string, now: Date): Promise<string> {
  const year = today.slice(0, 4);
  const n = await nextNumber(`contract-${year}`, 0, now);
  return `HT-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * A new contract, owned by the customer's owner (the creator for a pool customer). Over the
 * approval line it waits for the `contract` approval request, filed first so the contract is born
 * knowing it; otherwise it is active at once.
 */
export async function createContract(input: {
  draft: ContractDraft;
  customer: CustomerRef;
  creator: Person;
  today: string;
  now: Date;
}): Promise<Created> {
  const { draft, customer, creator, now } = input;
  const no = await nextContractNo(input.today, now);
  const owner = customer.ownerId ?? oid(creator.id);
  let approval: Created['approval'] = null;
  if (needsApproval(draft.amount, draft.currency)) {
    approval = await submitRequest({
      requester: creator,
      type: 'contract',
      data: {
        contractNo: no,
        customer: customer.name,
        amount: draft.amount,
        currency: draft.currency,
        period: `${draft.startDate} ~ ${draft.endDate}`,
        plan: planLine(
          draft.instalments.map((p, i) => ({ ...p, n: i + 1, paid: 0 })),
          draft.currency,
        ),
      },
      today: input.today,
      now,
    });
  }
  const doc = {
    _id: no,
    customerId: customer.id,
    customerName: customer.name,
    orderNo: draft.orderNo,
    ownerId: owner,
    createdBy: oid(creator.id),
    amount: draft.amount,
    currency: draft.currency,
    startDate: draft.startDate,
    endDate: draft.endDate,
    instalments: draft.instalments.map((p, i) => ({
      n: i + 1,
      amount: p.amount,
      dueDate: p.dueDate,
      paid: 0,
    })),
    payments: [],
    attachment: draft.attachment,
    // a request from the very top of the company is approved as it is filed
    status: (approval && approval.status !== 'approved' ? 'awaiting_approval' : 'active') as ContractStatus,
    approvalNo: approval?.no ?? '',
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  const contract = (await Contract.create(doc)).toObject() as unknown as ContractDoc;
  await listAdd(ownerKey(owner), no, now);
  await listAdd(customerKey(customer.id), no, now);
  return { contract, approval };
}

/** "1) 30,000.00 CNY 2026-12-15; 2) …" */
function planLine(instalments: Instalment[], currency: string): string {
  return instalments.map((p) => `${p.n}) ${money(p.amount, currency)} ${p.dueDate}`).join('; ');
}

export type PaymentRefusal = 'not_found' | 'forbidden' | 'not_active' | 'paid' | 'too_much';
export type Paid =
  | { ok: true; contract: ContractDoc; applied: { n: number; amount: number }[] }
  | { ok: false; refusal: PaymentRefusal; contract?: ContractDoc };

/**
 * Records money received against a contract: applied to the instalments in order of due date,
 * each filled before the next. More than what is still due is refused (say what is due); the
 * last payment marks the contract paid.
 */
export async function recordPayment(input: {
  no: string;
  actor: Person;
  amount: number;
  day: string;
  note: string;
  now: Date;
}): Promise<Paid> {
  const found = await Contract.findById(input.no).lean<ContractDoc>();
  if (!found) return { ok: false, refusal: 'not_found' };
  if (!(await canSeeContract(found, input.actor)) || !mayRecord(input.actor))
    return { ok: false, refusal: 'forbidden', contract: found };
  let applied: { n: number; amount: number }[] = [];
  const result = await changeVersioned<ContractDoc, PaymentRefusal>(
    Contract,
    'contract',
    input.no,
    (c) => {
      if (c.status === 'awaiting_approval') return 'not_active';
      if (c.status === 'paid') return 'paid';
      let left = cents(input.amount);
      if (left > cents(outstanding(c))) return 'too_much';
      applied = [];
      const instalments = [...c.instalments]
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.n - b.n)
        .map((p) => {
          const take = Math.min(left, cents(p.amount) - cents(p.paid));
          if (take <= 0) return p;
          left -= take;
          applied.push({ n: p.n, amount: fromCents(take) });
          return { ...p, paid: fromCents(cents(p.paid) + take) };
        })
        .sort((a, b) => a.n - b.n);
      const payment = {
        at: input.now,
        day: input.day,
        amount: input.amount,
        by: oid(input.actor.id),
        note: input.note,
      };
      return {
        instalments,
        payments: [...c.payments, payment],
        status: outstanding({ instalments }) === 0 ? 'paid' : c.status,
      };
    },
    input.now,
  );
  if (!result.ok) return { ok: false, refusal: result.refusal, contract: result.doc };
  return { ok: true, contract: result.doc, applied };
}

/** Sales, managers, finance and admins record payments on the contracts they may see. */
const mayRecord = (p: Person) => writesContracts(p) || p.roles.includes('finance');
