import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { addressOf } from '../../flows/org/service.js';
import { createNotifier } from '../../src/bot/notifier.js';
import type { Addressee, Messenger, Reply } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

/** A notifier whose only platform is a web chat that keeps what it is sent. */
function webNotifier() {
  const sent: Reply[] = [];
  const web: Messenger = {
    platform: 'web',
    send: async (_target, reply) => {
      sent.push(reply);
      return { platform: 'web', channelId: 'c', messageId: String(sent.length) };
    },
    update: async () => {},
  };
  return { sent, ...createNotifier({ messengers: [web], addressOf, log: createLogger('silent') }) };
}

describe('notifier', () => {
  it('marks each notification with its recipient’s language; a flow’s own marks stay', async () => {
    await seedDemoCompany(TEST_START);
    const { notify, sent } = webNotifier();
    const idOf = async (user: string) =>
      String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);
    const card = (locale?: 'zh-CN' | 'en'): Reply => ({
      card: {
        title: 'x',
        fields: [],
        actions: [{ actionId: 'a', label: 'A', style: 'default', value: '1', ...(locale ? { locale } : {}) }],
      },
    });

    await notify(await idOf('bob.smith'), card());
    await notify(await idOf('li.wei'), card());
    await notify(await idOf('li.wei'), card('en'));
    await notify(await idOf('li.wei'), { text: 'plain' });
    expect(sent.map((r) => ('card' in r ? r.card.actions[0]?.locale : r.text))).toEqual([
      'en',
      'zh-CN',
      'en',
      'plain',
    ]);
  });

  it('builds a message given as a function in the recipient’s language and zone', async () => {
    await seedDemoCompany(TEST_START);
    const { notify, sent } = webNotifier();
    const bob = String((await Employee.findOne({ email: 'bob.smith@demo.example' }).lean())?._id);
    const li = String((await Employee.findOne({ email: 'li.wei@demo.example' }).lean())?._id);
    const greet = (to: Addressee): Reply => ({
      text: `${to.locale === 'en' ? 'hello' : '你好'} ${to.timezone}`,
    });

    await notify(bob, greet);
    await notify(li, greet);
    expect(sent).toEqual([{ text: 'hello America/Los_Angeles' }, { text: '你好 Asia/Shanghai' }]);
  });
});
