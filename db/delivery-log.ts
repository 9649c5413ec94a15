import { isDuplicateKey } from './duplicate-key.js';
import { IN_LIST_MAX } from './in-list.js';
import { Delivery, type DeliveryKind, type DeliveryStatus } from './models/delivery.js';

/** The `deliveries` collection as the delivery engine (src/bot/deliveries.ts) uses it. */
export const deliveryLog = {
  /** True for the one caller whose insert of this key wins. */
  async record(key: string, employeeId: string, kind: DeliveryKind, status: DeliveryStatus, at: Date) {
    try {
      await Delivery.create({ _id: key, employeeId, kind, status, at });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  },

  async markUndeliverable(key: string): Promise<void> {
    await Delivery.updateOne({ _id: key }, { $set: { status: 'undeliverable' } });
  },

  /**
   * Which of these keys were recorded. `recent` says where they can be (their kind, recorded
   * since when), so a long list reads that range instead of a long `$in` (see db/in-list.ts).
   */
  async recorded(keys: string[], recent?: { kind: DeliveryKind; since: Date }): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const filter =
      recent && keys.length > IN_LIST_MAX
        ? { kind: recent.kind, at: { $gte: recent.since } }
        : { _id: { $in: keys } };
    const wanted = new Set(keys);
    const rows = await Delivery.find(filter, { _id: 1 }).lean();
    return new Set(rows.map((r) => r._id).filter((id) => wanted.has(id)));
  },
};
