import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click } = chatAs(app);

type Call = { collection: string; method: string; query: unknown };

/** Every collection call the app makes while `work` runs (mongoose's debug hook sees them all). */
async function callsDuring(work: () => Promise<unknown>): Promise<Call[]> {
  const calls: Call[] = [];
  mongoose.set('debug', (collection: string, method: string, query: unknown) => {
    calls.push({ collection, method, query });
  });
  try {
    await work();
  } finally {
    mongoose.set('debug', false);
  }
  return calls;
}

const on = (calls: Call[], ...collections: string[]) =>
  calls.filter((c) => collections.includes(c.collection));

/** Calls that look documents up (not inserts) by anything but exactly one `_id`. */
const notByKey = (calls: Call[]) =>
  calls.filter(
    (c) =>
      !c.method.startsWith('insert') &&
      !(
        typeof c.query === 'object' &&
        c.query !== null &&
        Object.keys(c.query).join() === '_id' &&
        typeof (c.query as { _id: unknown })._id !== 'object'
      ),
  );

afterEach(() => {
  mongoose.set('debug', false);
});

/** Where approvals and attendance keep what chat turns read (everything keyed by `_id`). */
const OA = ['approvals', 'approvallists', 'attendancedays', 'leavedates', 'attendancemonths'];

describe('chat turns read people from the in-memory directory', () => {
  it('"help" and "whoami" never query employees or identities', async () => {
    const calls = await callsDuring(async () => {
      expect(cardOf(await say('zhang.min', 'help')).title).toBeTruthy();
      expect(cardOf(await say('bob.smith', 'whoami')).title).toBe('Bob Smith');
    });
    expect(on(calls, 'employees', 'identities')).toEqual([]);
    // what is left per turn: the event claim
    expect(calls.length).toBeGreaterThan(0);
  });

  it('filing, routing, deciding and listing requests read by key only; leave is asked of a few people', async () => {
    let no = '';
    const calls = await callsDuring(async () => {
      // over 1000: manager, then finance (a role, found in memory)
      no = noOf(cardOf(await say('zhang.min', '报销 4200 差旅 去深圳')));
      expect(textOf(await click('wang.fang', 'approvals.approve', no))).toMatch(/next step|下一步/);
      expect(await say('zhao.lei', '待我审批')).toHaveLength(1);
    });
    expect(no).toMatch(/^AP-/);
    expect(on(calls, 'employees', 'identities')).toEqual([]);
    // point reads by `<employee>:<date>`: the approvers the rule reaches and the lines above them
    const leave = on(calls, 'leavedates');
    expect(leave.length).toBeGreaterThan(0);
    expect(leave.length).toBeLessThanOrEqual(4);
    expect(on(calls, ...OA).length).toBeGreaterThan(leave.length);
    expect(notByKey(on(calls, ...OA))).toEqual([]);
  });

  it('checking in and out and the month view read by key only', async () => {
    const calls = await callsDuring(async () => {
      expect(cardOf(await say('li.wei', 'check in')).title).toBeTruthy();
      expect(cardOf(await say('li.wei', '考勤')).title).toBeTruthy();
      expect(cardOf(await say('li.wei', 'check out')).title).toBeTruthy();
      expect(textOf(await say('li.wei', 'check in'))).toMatch(/already|已在/);
    });
    expect(on(calls, 'attendancedays', 'attendancemonths').length).toBeGreaterThan(0);
    expect(notByKey(on(calls, ...OA))).toEqual([]);
  });
});
