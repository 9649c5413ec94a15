import { WebMessage } from './models/web-message.js';

/**
 * Storage behind the web chat's inbox; the adapter sees only these three calls. Messages are
 * stored as JSON: `R` is whatever the caller sends (the bot's `Reply`), unknown to this layer.
 */
export function webInboxOf<R>() {
  return {
    async append(employeeId: string, reply: R, at: Date): Promise<string> {
      const doc = await WebMessage.create({ employeeId, reply: JSON.stringify(reply), at });
      return String(doc._id);
    },
    async replace(messageId: string, reply: R): Promise<void> {
      await WebMessage.updateOne({ _id: messageId }, { $set: { reply: JSON.stringify(reply) } });
    },
    /** The latest 500 sent to the employee, oldest first. */
    async list(employeeId: string): Promise<{ id: string; at: Date; reply: R }[]> {
      const rows = await WebMessage.find({ employeeId }).sort({ at: -1, _id: -1 }).limit(500).lean();
      return rows.reverse().map((r) => ({ id: String(r._id), at: r.at, reply: JSON.parse(r.reply) as R }));
    },
  };
}
