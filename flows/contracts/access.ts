import mongoose from 'mongoose';
import type { ContractDoc } from '../../db/models/contract.js';
import type { Person } from '../../src/bot/types.js';
import { managesUp } from '../org/api.js';

const has = (p: Person, role: string) => p.roles.includes(role);

/** Contracts are for sales and their managers (their own and their people's), finance and admins. */
export const usesContracts = (p: Person) => ['sales', 'manager', 'finance', 'admin'].some((r) => has(p, r));
/** Finance and admins see and act on every contract (finance records what the bank received). */
export const seesAllContracts = (p: Person) => has(p, 'admin') || has(p, 'finance');
/** Contracts are written by whoever sells: sales, managers, admins. */
export const writesContracts = (p: Person) => ['sales', 'manager', 'admin'].some((r) => has(p, r));

/** The owner, managers up the owner's line, finance and admins. */
export async function canSeeContract(c: Pick<ContractDoc, 'ownerId'>, p: Person): Promise<boolean> {
  if (seesAllContracts(p)) return true;
  if (String(c.ownerId) === p.id) return true;
  return managesUp(c.ownerId, new mongoose.Types.ObjectId(p.id));
}
