import mongoose from 'mongoose';
import type { CustomerDoc } from '../../db/models/customer.js';
import type { Person } from '../../src/bot/types.js';
import { managesUp } from '../org/api.js';

const has = (p: Person, role: string) => p.roles.includes(role);

/** CRM is for sales, their managers and admins; everybody else is told so. */
export const usesCrm = (p: Person) => has(p, 'sales') || has(p, 'manager') || has(p, 'admin');
export const seesAll = (p: Person) => has(p, 'admin');

/**
 * Owned customers: the owner, managers up the owner's line, admins. Pool customers: all sales
 * (and admins).
 */
export async function canSee(customer: Pick<CustomerDoc, 'ownerId'>, p: Person): Promise<boolean> {
  if (seesAll(p)) return true;
  const owner = customer.ownerId;
  if (!owner) return has(p, 'sales');
  if (String(owner) === p.id) return true;
  return managesUp(owner, new mongoose.Types.ObjectId(p.id));
}
