import { describe, expect, it } from 'vitest';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { pendingStore } from '../../db/pending.js';
import { claimEvent, EVENT_STALE_MS } from '../../db/processed-events.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { bindByEmail, resolvePerson } from '../../flows/org/service.js';
import { defineCommand, type Flow } from '../../src/bot/flow.js';
import { createRouter, type RouterDeps } from '../../src/bot/router.js';
import type { Incoming, MessageRef } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { testNow } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';
import { recordingReminders } from '../helpers/reminders.js';

useTestDb();

/** What the store does to a call in flight when it dies. */
const storeGone = () => Object.assign(new Error('connection closed'), { name: 'MongoNetworkError' });

// `save <word>`: one write per word; `failNext` makes the next run die half-way, as a store outage does
const saved: string[] = [];
let failNext = false;
const saveFlow: Flow = {
  name: 'save',
  areas: [{ id: 'save', label: { 'zh-CN': '存', en: 'Save' }, order: 1 }],
  commands: [
    defineCommand<{ word: string }>({
      intent: 'save.word',
      area: 'save',
      keywords: { 'zh-CN': ['存'], en: ['save'] },
      summary: { 'zh-CN': '存一个词', en: 'Save a word' },
      usage: { 'zh-CN': '存 <词>', en: 'save <word>' },
      examples: { 'zh-CN': ['存 a'], en: ['save a'] },
      parse: (rest) => (rest ? { args: { word: rest } } : { problem: 'a word is needed' }),
      async handle(ctx, { word }) {
        if (failNext) {
          failNext = false;
          throw storeGone();
        }
        saved.push(word);
        ctx.reply(`saved ${word}`);
      },
    }),
  ],
  actions: [],
};

function routerWith(overrides: Partial<RouterDeps> = {}) {
  return createRouter({
    flows: [saveFlow],
    resolvePerson,
    bindByEmail,
    claimEvent,
    notify: async (): Promise<MessageRef[]> => [],
    update: async () => {},
    reminders: recordingReminders(),
    pending: pendingStore,
    currency: 'CNY',
    log: createLogger('silent'),
    now: testNow,
    ...overrides,
  });
}

const message = (text: string, messageId: string): Incoming => ({
  platform: 'web',
  tenant: 'local',
  platformUserId: 'alice.chen@demo.example',
  chat: { id: 'alice.chen@demo.example', kind: 'dm' },
  text,
  messageId,
  receivedAt: testNow(),
});
const busy = { kind: 'replies', replies: [{ text: 'The service is busy — please try again in a moment.' }] };

describe('an event is claimed, worked, then recorded as done', () => {
  it('runs the retry of a message whose handling died half-way, and then only once', async () => {
    await seedDemoCompany(testNow());
    const router = routerWith();
    failNext = true;
    expect(await router.dispatch(message('save a', 'm-a'))).toEqual(busy);
    expect(saved).toEqual([]);
    expect(await router.dispatch(message('save a', 'm-a'))).toEqual({
      kind: 'replies',
      replies: [{ text: 'saved a' }],
    });
    expect(await router.dispatch(message('save a', 'm-a'))).toEqual({ kind: 'duplicate' });
    expect(saved).toEqual(['a']);
    expect(await ProcessedEvent.findById('web:local:alice.chen@demo.example:m-a').lean()).toMatchObject({
      state: 'done',
      attempt: 2,
    });
  });

  it('leaves a running attempt alone, and runs the event again once that attempt has gone stale', async () => {
    const router = routerWith();
    // the process handling these died before it could record an end
    const running = (id: string, ageMs: number) => ({
      _id: `web:local:alice.chen@demo.example:${id}`,
      platform: 'web',
      eventId: `local:alice.chen@demo.example:${id}`,
      at: new Date(testNow().getTime() - ageMs),
      state: 'running',
    });
    await ProcessedEvent.insertMany([running('m-fresh', 5_000), running('m-stale', EVENT_STALE_MS + 1_000)]);
    expect(await router.dispatch(message('save fresh', 'm-fresh'))).toEqual({ kind: 'duplicate' });
    expect(await router.dispatch(message('save stale', 'm-stale'))).toMatchObject({
      replies: [{ text: 'saved stale' }],
    });
    expect(saved).toEqual(['a', 'stale']);
  });

  it('lets one of two racing retries take a stale attempt', async () => {
    const router = routerWith();
    failNext = true;
    await router.dispatch(message('save b', 'm-b'));
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => router.dispatch(message('save b', 'm-b'))),
    );
    expect(outcomes.filter((o) => o.kind === 'replies')).toHaveLength(1);
    expect(saved.filter((w) => w === 'b')).toEqual(['b']);
  });

  it('answers work that was done as done, even when its record cannot be written', async () => {
    const router = routerWith({
      claimEvent: async (platform, eventId, at) => {
        const claimed = await claimEvent(platform, eventId, at);
        return claimed && { settle: async () => false };
      },
    });
    expect(await router.dispatch(message('save c', 'm-c'))).toEqual({
      kind: 'replies',
      replies: [{ text: 'saved c' }],
    });
    expect(saved).toContain('c');
  });
});
