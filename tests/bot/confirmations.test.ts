import { describe, expect, it } from 'vitest';
import { PendingAction } from '../../db/models/pending-action.js';
import { pendingStore } from '../../db/pending.js';
import { claimEvent } from '../../db/processed-events.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { bindByEmail, resolvePerson } from '../../flows/org/service.js';
import { defineCommand, type Flow } from '../../src/bot/flow.js';
import { createRouter } from '../../src/bot/router.js';
import type { Card, CardAction, Incoming, MessageRef, Outcome, Reply } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';
import { recordingReminders } from '../helpers/reminders.js';

useTestDb();

/** A flow of this test's own: `book <room> <day>`; a room named "big" needs a confirmation. */
const booked: { room: string; day: string }[] = [];
const bookFlow: Flow = {
  name: 'book',
  areas: [{ id: 'book', label: { 'zh-CN': '预订', en: 'Booking' }, order: 1 }],
  commands: [
    defineCommand<{ room: string; day: string }>({
      intent: 'book.room',
      area: 'book',
      keywords: { 'zh-CN': ['订'], en: ['book'] },
      summary: { 'zh-CN': '订会议室', en: 'Book a room' },
      usage: { 'zh-CN': '订 <会议室> <日期>', en: 'book <room> <day>' },
      examples: { 'zh-CN': ['订 A 明天'], en: ['book A tomorrow'] },
      parse(rest, ctx) {
        const [room, day] = rest.split(' ');
        if (!room) return { problem: ctx.locale === 'en' ? 'Which room?' : '哪个会议室？', ask: 'room' };
        if (!day) return { problem: ctx.locale === 'en' ? 'Which day?' : '哪天？', ask: 'day' };
        return { args: { room, day } };
      },
      async handle(ctx, args) {
        if (args.room === 'big' && !ctx.confirmed) {
          await ctx.propose({
            intent: 'book.room',
            args,
            fields: [['Room', args.room]],
            warning: 'It is big',
          });
          return;
        }
        booked.push(args);
        ctx.reply(`booked ${args.room} ${args.day}`);
      },
      writes: true,
    }),
  ],
  actions: [],
};

const updates: { ref: MessageRef; reply: Reply }[] = [];
const router = createRouter({
  flows: [bookFlow],
  resolvePerson,
  bindByEmail,
  claimEvent,
  notify: async (): Promise<MessageRef[]> => [],
  update: async (ref, reply) => {
    updates.push({ ref, reply });
  },
  reminders: recordingReminders(),
  pending: pendingStore,
  currency: 'CNY',
  log: createLogger('silent'),
  now: () => TEST_START,
});

let n = 0;
const say = (text: string, user = 'alice.chen@demo.example', chat = 'c1') =>
  router.dispatch({
    platform: 'web',
    tenant: 'local',
    platformUserId: user,
    chat: { id: chat, kind: 'dm' },
    text,
    messageId: `m${++n}`,
    receivedAt: TEST_START,
  } satisfies Incoming);
const click = (actionId: string, value: string, user = 'alice.chen@demo.example') =>
  router.act({
    platform: 'web',
    tenant: 'local',
    platformUserId: user,
    actionId,
    value,
    eventId: `a${++n}`,
    message: { platform: 'web', channelId: 'c1', messageId: 'msg-1' },
  } satisfies CardAction);
const texts = (o: Outcome) =>
  o.kind === 'replies' ? o.replies.map((r) => ('text' in r ? r.text : r.card.title)) : [];
const cardOf = (o: Outcome): Card => {
  const r = o.kind === 'replies' ? o.replies.find((x) => 'card' in x) : undefined;
  if (!r || !('card' in r)) throw new Error(`no card in ${JSON.stringify(o)}`);
  return r.card;
};

describe('confirmations and questions', () => {
  it('asks for a missing piece alone and keeps what was said', async () => {
    await seedDemoCompany(TEST_START);
    expect(texts(await say('book A'))).toEqual(['Which day?']);
    expect(texts(await say('friday'))).toEqual(['booked A friday']);
    // the question is answered once: the next message is parsed on its own
    expect(texts(await say('friday'))[0]).toMatch(/didn't understand/);
  });

  it('a new command is not taken as the answer; another chat has its own questions', async () => {
    expect(texts(await say('book'))).toEqual(['Which room?']);
    expect(texts(await say('book B monday'))).toEqual(['booked B monday']);
    expect(texts(await say('monday'))[0]).toMatch(/didn't understand/);
    expect(texts(await say('book C', 'alice.chen@demo.example', 'c2'))).toEqual(['Which day?']);
    expect(texts(await say('tuesday', 'alice.chen@demo.example', 'c1'))[0]).toMatch(/didn't understand/);
    expect(texts(await say('tuesday', 'alice.chen@demo.example', 'c2'))).toEqual(['booked C tuesday']);
  });

  it('holds a write until Submit, runs it exactly once, and shows the card answered', async () => {
    booked.length = 0;
    const card = cardOf(await say('book big friday'));
    expect(card.title).toBe('Please confirm: Book a room');
    expect(card.body).toBe('It is big');
    expect(booked).toEqual([]);
    const submit = card.actions.find((a) => a.label === 'Submit');
    const value = submit?.value ?? '';
    expect(value).not.toBe('');

    // someone else cannot answer it
    expect(texts(await click('confirm.submit', value, 'bob.smith@demo.example'))).toEqual([
      'This confirmation belongs to someone else.',
    ]);
    const [first, second] = await Promise.all([
      click('confirm.submit', value),
      click('confirm.submit', value),
    ]);
    expect([...texts(first), ...texts(second)].sort()).toEqual([
      'This was already handled or has expired. Please send it again.',
      'booked big friday',
    ]);
    expect(booked).toEqual([{ room: 'big', day: 'friday' }]);
    expect(updates.at(-1)?.reply).toMatchObject({
      card: { title: 'Please confirm: Book a room · Submitted', actions: [] },
    });
    expect(await PendingAction.countDocuments({ _id: value })).toBe(0);
  });

  it('Cancel records nothing and the card can no longer be submitted', async () => {
    booked.length = 0;
    const card = cardOf(await say('book big monday'));
    const cancel = card.actions.find((a) => a.actionId === 'confirm.cancel');
    expect(texts(await click('confirm.cancel', cancel?.value ?? ''))).toEqual([
      'Cancelled; nothing was recorded.',
    ]);
    expect(texts(await click('confirm.submit', cancel?.value ?? ''))).toEqual([
      'This was already handled or has expired. Please send it again.',
    ]);
    expect(booked).toEqual([]);
  });

  it('an expired confirmation is refused and pruned', async () => {
    const card = cardOf(await say('book big sunday'));
    const value = card.actions[0]?.value ?? '';
    await PendingAction.updateOne({ _id: value }, { $set: { expiresAt: new Date('2026-12-01T00:00:00Z') } });
    expect(texts(await click('confirm.submit', value))).toEqual([
      'This was already handled or has expired. Please send it again.',
    ]);
    expect(await pendingStore.prune(new Date('2026-12-02T02:00:00Z'), 100)).toBeGreaterThanOrEqual(1);
    expect(await PendingAction.countDocuments({ _id: value })).toBe(0);
  });
});
