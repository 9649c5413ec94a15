import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { addressOf } from '../../flows/org/service.js';
import { createNotifier } from '../../src/bot/notifier.js';
import type { Messenger, Reply } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

describe('notifier', () => {
  it('marks each notification with its recipient’s language; a flow’s own marks stay', async () => {
    await seedDemoCompany(TEST_START);
    const sent: Reply[] = [];
    const web: Messenger = {
      platform: 'web',
      send: async (_target, reply) => {
        sent.push(reply);
        return { platform: 'web', channelId: 'c', messageId: String(sent.length) };
      },
      update: async () => {},
    };
    const { notify } = createNotifier({ messengers: [web], addressOf, log: createLogger('silent') });
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
});
