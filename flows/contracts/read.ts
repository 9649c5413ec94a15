import type mongoose from 'mongoose';
import { Contract, type ContractDoc } from '../../db/models/contract.js';
import { customerKey, listRead, ownerKey } from './lists.js';
import { money, outstanding } from './money.js';

type Id = mongoose.Types.ObjectId;

export const getContract = (no: string) => Contract.findById(no.toUpperCase()).lean<ContractDoc>();

/** Contracts still running first (waiting, then active), then those paid; newest first within. */
const RANK = { awaiting_approval: 0, active: 1, paid: 2 } as const;
const byStatus = (rows: ContractDoc[]) => rows.sort((a, b) => RANK[a.status] - RANK[b.status]);

export async function contractsOwnedBy(owner: string): Promise<ContractDoc[]> {
  return byStatus(await listRead(ownerKey(owner), (c) => String(c.ownerId) === owner));
}

export async function contractsOfCustomer(customer: Id | string): Promise<ContractDoc[]> {
  return byStatus(await listRead(customerKey(customer), (c) => String(c.customerId) === String(customer)));
}

export type ContractLine = { no: string; receivable: string; nextDue: string; waiting: boolean };

/**
 * The lines the CRM's customer card shows: each open contract with what is still to be received
 * and the next instalment due ("HT-2026-0001 · 待收 70,000.00 CNY · 下期 2027-03-01").
 */
export async function openContractLines(customer: Id): Promise<ContractLine[]> {
  const rows = (await contractsOfCustomer(customer)).filter((c) => c.status !== 'paid');
  return rows.map((c) => ({
    no: c._id,
    receivable: money(outstanding(c), c.currency),
    nextDue: c.instalments.find((p) => p.paid < p.amount)?.dueDate ?? '',
    waiting: c.status === 'awaiting_approval',
  }));
}
