import type { Reply } from '../src/bot/types.js';
import { Employee } from './models/employee.js';
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
  /** The latest 500, oldest first; null when no such employee. */
  async list(email: string): Promise<{ id: string; at: Date; reply: Reply }[] | null> {
    const employee = await Employee.findOne({ email: email.trim().toLowerCase() }, { _id: 1 }).lean();
    if (!employee) return null;
    const rows = await WebMessage.find({ employeeId: employee._id })
      .sort({ at: -1, _id: -1 })
      .limit(500)
      .lean();
    return rows.reverse().map((r) => ({ id: String(r._id), at: r.at, reply: JSON.parse(r.reply) as Reply }));
  },
};
