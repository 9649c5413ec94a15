import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { testDbUri } from '../helpers/db.js';
import { start, waitFor } from '../helpers/process.js';

const DEMO = [
  'li.wei',
  'wang.fang',
  'zhang.min',
  'alice.chen',
  'chen.jie',
  'bob.smith',
  'zhao.lei',
  'sun.li',
  'zhou.qiang',
  'wu.jun',
];
const apps: ReturnType<typeof start>[] = [];
afterAll(async () => {
  for (const app of apps) app.child.kill('SIGTERM');
  await Promise.all(apps.map((a) => a.exited));
});

/** An app process on the shared database, with its scheduler running; resolves to its URL. */
async function instance(seed: 'on' | 'off', uri: string): Promise<string> {
  const app = start({
    MONGODB_URI: uri,
    PORT: '0',
    ADMIN_TOKEN,
    SEED_DEMO: seed,
    SCHEDULER: 'on',
    LOG_LEVEL: 'warn',
  });
  apps.push(app);
  const [, url] = await waitFor(() => app.out.stderr, /Web chat: (http:\/\/\S+)\/web/, app.exited);
  return url as string;
}

const digestsIn = async (url: string, user: string) => {
  const res = await fetch(`${url}/web/api/inbox?employee=${user}@demo.example`);
  const { messages } = (await res.json()) as { messages: { reply: { card?: { title: string } } }[] };
  return messages.filter((m) => /今日摘要|your day/.test(m.reply.card?.title ?? ''));
};

describe('two app instances on one database', () => {
  it('send each person one digest, however the runs overlap', async () => {
    const uri = testDbUri();
    const a = await instance('on', uri); // seeds the demo and sends its digests
    const b = await instance('off', uri);
    for (const user of DEMO) expect(await digestsIn(b, user)).toHaveLength(1);

    // the same day again, from both instances at once: everyone already had today's
    const send = (url: string) =>
      fetch(`${url}/api/digests/send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: '{}',
      }).then((r) => r.json() as Promise<{ sent: number; skipped: number }>);
    const [first, second] = await Promise.all([send(a), send(b)]);
    expect(first.sent + second.sent).toBe(0);

    // forget the day's deliveries and inboxes, then both instances race to send them all
    const db = await mongoose.createConnection(uri).asPromise();
    try {
      await db.collection('deliveries').deleteMany({});
      await db.collection('webconversations').deleteMany({});
      const runs = await Promise.all([send(a), send(b), send(a), send(b)]);
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(DEMO.length);
      for (const user of DEMO) expect(await digestsIn(a, user)).toHaveLength(1);
      expect(await db.collection('deliveries').countDocuments({ kind: 'digest' })).toBe(DEMO.length);
    } finally {
      await db.close();
    }
  });
});
