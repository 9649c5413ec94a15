import { DateTime } from 'luxon';
import { findByName } from '../crm/api.js';
import { findActiveByEmail } from '../org/api.js';
import { assignInstallation, INSTALL_POLICY } from './installation.js';
import { type OrderAction, PIPELINE } from './pipeline.js';
import { createPurchase } from './purchase.js';
import { giveSample } from './samples.js';
import { advanceOrder, placeOrder } from './service.js';

const STEPS: OrderAction[] = ['produce', 'ship', 'transit', 'deliver', 'install', 'complete'];

/** Orders at different steps (one delivered, its installer on the way), a sample and a purchase waiting for approval, for the demo company. */
/** `currency`: the company's, which catalogue prices are in. */
export async function seedDemoOrders(now: Date, currency: string): Promise<void> {
  const person = (user: string) => findActiveByEmail(`${user}@demo.example`);
  const [zhang, alice, warehouse, boss, installer] = await Promise.all([
    person('zhang.min'),
    person('alice.chen'),
    person('zhou.qiang'),
    person('li.wei'),
    person('wu.jun'),
  ]);
  if (!zhang || !alice || !warehouse || !boss || !installer) return;
  const orders: [typeof zhang, string, string, number, OrderAction | null][] = [
    [zhang, '华信科技', 'SKU-1001', 5, null],
    [zhang, '远航制造', 'SKU-2002', 2, 'produce'],
    [alice, 'Contoso Ltd', 'SKU-1001', 10, 'deliver'],
    [alice, 'Fabrikam Inc', 'SKU-5005', 3, 'complete'],
  ];
  for (const [owner, customerName, sku, qty, upTo] of orders) {
    const customer = await findByName(customerName);
    if (!customer) continue;
    const placed = await placeOrder({
      owner,
      customer: { id: String(customer._id), name: customer.name },
      lines: [{ sku, qty }],
      note: '',
      at: now,
      currency,
    });
    if (!placed.ok || !upTo) continue;
    const { no } = placed.order;
    for (const action of STEPS.slice(0, STEPS.indexOf(upTo) + 1)) {
      const actor = PIPELINE[action].by === 'warehouse' ? warehouse : owner;
      await advanceOrder({
        no,
        actor,
        action,
        carrier: '顺丰',
        tracking: 'SF1000001',
        at: now,
      });
    }
    // delivered: an installation in progress, due in a few days
    if (upTo === 'deliver')
      await assignInstallation({
        no,
        actor: warehouse,
        assigneeId: installer.id,
        due: DateTime.fromJSDate(now, { zone: warehouse.timezone })
          .plus({ days: INSTALL_POLICY.days })
          .toISODate() as string,
        at: now,
      });
  }
  // a sample under the approval line: out of stock at once, on the customer's timeline
  const yuanhang = await findByName('远航制造');
  if (yuanhang)
    await giveSample({
      by: zhang,
      customer: { id: String(yuanhang._id), name: yuanhang.name },
      sku: 'SKU-5005',
      qty: 1,
      note: '试用',
      at: now,
      today: now.toISOString().slice(0, 10),
      currency,
    });
  // over the approval line: waits for 李伟 (周强's manager)
  await createPurchase({
    requester: warehouse,
    supplierName: '深圳华强',
    lines: [{ sku: 'SKU-4004', qty: 40, price: 240 }],
    note: '网线补货',
    at: now,
    today: now.toISOString().slice(0, 10),
    currency,
  });
}
