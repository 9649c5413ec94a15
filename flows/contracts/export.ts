import { Contract, type ContractDoc } from '../../db/models/contract.js';
import { csvLine } from '../../src/csv-export.js';
import { namesOf } from '../org/api.js';
import { outstanding } from './money.js';

const HEADER = [
  'contract',
  'customer',
  'owner',
  'status',
  'currency',
  'amount',
  'received',
  'receivable',
  'start',
  'end',
  'instalment',
  'due_date',
  'instalment_amount',
  'instalment_paid',
  'approval',
  'attachment',
];

/** The most rows one export reads (a scan of the whole collection; admin only, never a turn). */
const MAX_CONTRACTS = 20_000;

/**
 * Every contract as CSV, one line per instalment (receivables by due date are what finance
 * sorts and sums), through the guarded writer (src/csv-export.ts). `status` narrows it.
 */
export async function exportContractsCsv(status?: ContractDoc['status']): Promise<string> {
  const rows = await Contract.find(status ? { status } : {})
    .sort({ _id: 1 })
    .limit(MAX_CONTRACTS)
    .lean<ContractDoc[]>();
  const names = await namesOf(rows.map((r) => r.ownerId));
  const lines = rows.flatMap((c) => {
    const left = outstanding(c);
    return c.instalments.map((p) =>
      csvLine([
        c._id,
        c.customerName,
        names.get(String(c.ownerId)) ?? '',
        c.status,
        c.currency,
        c.amount.toFixed(2),
        (c.amount - left).toFixed(2),
        left.toFixed(2),
        c.startDate,
        c.endDate,
        String(p.n),
        p.dueDate,
        p.amount.toFixed(2),
        p.paid.toFixed(2),
        c.approvalNo,
        c.attachment,
      ]),
    );
  });
  return [csvLine(HEADER), ...lines].join('');
}
