import type { Reply } from '../src/bot/types.js';
import { WebMessage } from './models/web-message.js';

/** Storage behind the web chat's inbox; the adapter sees only these three calls. */
export const webInbox = {
  async append(employeeId: string, reply: Reply, at: Date): Promise<string> {
    const doc = await WebMessage.create({ employeeId, reply: JSON.stringify(reply), at });
    return String(doc._id);
  },
  async replace(messageId: string, reply: Reply): Promise<void> {
    await WebMessage.updateOne({ _id: messageId }, { $set: { reply: JSON.stringify(reply) } });
  },
  /** The latest 500 sent to the employee, oldest first. */
  async list(employeeId: string): Promise<{ id: string; at: Date; reply: Reply }[]> {
    const rows = await WebMessage.find({ employeeId }).sort({ at: -1, _id: -1 }).limit(500).lean();
    return rows.reverse().map((r) => ({ id: String(r._id), at: r.at, reply: JSON.parse(r.reply) as Reply }));
  },
};
