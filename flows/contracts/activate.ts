import { Contract, type ContractDoc } from '../../db/models/contract.js';
import { changeVersioned } from '../../db/versioned.js';

/**
 * The approval hook: the contract filed with this request becomes active. Idempotent; a request
 * that is not the contract's own (or a contract no longer waiting) changes nothing.
 */
export async function activateContract(no: string, approvalNo: string, now: Date): Promise<boolean> {
  const result = await changeVersioned<ContractDoc, 'not_waiting'>(
    Contract,
    'contract',
    no,
    (c) =>
      c.status === 'awaiting_approval' && c.approvalNo === approvalNo ? { status: 'active' } : 'not_waiting',
    now,
  );
  return result.ok;
}
