import { findByName } from '../crm/api.js';
import { findActiveByEmail } from '../org/api.js';
import { createContract, recordPayment } from './service.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One running contract for the demo: 华信科技, two instalments, the first paid by finance, the
 * second falling due in a few days (so its reminder shows up). Filed by the top of the company,
 * so it is active at once even where it is over the approval line.
 */
export async function seedDemoContracts(now: Date, currency: string): Promise<void> {
  const [boss, finance, customer] = await Promise.all([
    findActiveByEmail('li.wei@demo.example'),
    findActiveByEmail('zhao.lei@demo.example'),
    findByName('华信科技'),
  ]);
  if (!boss || !finance || !customer) return;
  const start = new Date(now.getTime() - 30 * DAY);
  const { contract } = await createContract({
    draft: {
      orderNo: '',
      customer: customer.name,
      amount: 60_000,
      currency,
      startDate: iso(start),
      endDate: iso(new Date(now.getTime() + 335 * DAY)),
      instalments: [
        { amount: 20_000, dueDate: iso(new Date(now.getTime() - 20 * DAY)) },
        { amount: 40_000, dueDate: iso(new Date(now.getTime() + 2 * DAY)) },
      ],
      attachment: 'https://files.demo.example/contracts/huaxin-2026.pdf',
    },
    customer: { id: customer._id, name: customer.name, ownerId: customer.ownerId ?? null },
    creator: boss,
    today: iso(start),
    now: start,
  });
  await recordPayment({
    no: contract._id,
    actor: finance,
    amount: 20_000,
    day: iso(new Date(now.getTime() - 18 * DAY)),
    note: '银行转账 bank transfer',
    now: new Date(now.getTime() - 18 * DAY),
  });
}
