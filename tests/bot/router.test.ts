import { describe, expect, it } from 'vitest';
import { Identity } from '../../db/models/identity.js';
import { pendingStore } from '../../db/pending.js';
import { claimEvent } from '../../db/processed-events.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { bindByEmail, resolvePerson } from '../../flows/org/service.js';
import { createRouter } from '../../src/bot/router.js';
import type { Card, Incoming, Locale, MessageRef, Reply } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { testNow } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';
import { handled, noteFlow } from '../helpers/note-flow.js';
import { recordingReminders } from '../helpers/reminders.js';

useTestDb();

const router = createRouter({
  flows: [noteFlow],
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
});

let n = 0;
const incoming = (text: string, extra: Partial<Incoming> = {}): Incoming => ({
  platform: 'slack',
  tenant: 'T1',
  platformUserId: 'U-alice',
  chat: { id: 'D1', kind: 'dm' },
  text,
  messageId: `m${++n}`,
  receivedAt: testNow(),
  ...extra,
});

describe('router', () => {
  it('binds a first-seen account by e-mail, once', async () => {
    await seedDemoCompany(testNow());
    let lookups = 0;
    const lookupEmail = async () => {
      lookups++;
      return 'alice.chen@demo.example';
    };
    const first = await router.dispatch(incoming('note 1 a', { lookupEmail }));
    const second = await router.dispatch(incoming('note 1 b', { lookupEmail }));
    expect(first).toEqual({ kind: 'replies', replies: [{ text: 'noted a' }] });
    expect(second).toEqual({ kind: 'replies', replies: [{ text: 'noted b' }] });
    expect(lookups).toBe(1);
    expect(await Identity.countDocuments({ platform: 'slack', teamId: 'T1', userId: 'U-alice' })).toBe(1);
  });

  it('tells an account with no matching employee how to get access, and binds nothing', async () => {
    const outcome = await router.dispatch(
      incoming('note 1 x', {
        platformUserId: 'U-stranger',
        lookupEmail: async () => 'stranger@else.example',
      }),
    );
    expect(outcome).toMatchObject({
      kind: 'unknown-user',
      replies: [{ text: expect.stringMatching(/^I don't know you yet/) }],
    });
    expect(await Identity.countDocuments({ userId: 'U-stranger' })).toBe(0);
  });

  it('opens the form for a bare command where the platform can, else offers a button', async () => {
    expect(await router.dispatch(incoming('note', { forms: 'now' }))).toEqual({
      kind: 'form',
      form: {
        intent: 'note.add',
        locale: 'en',
        title: 'Note',
        fields: [
          { name: 'days', label: 'Days', kind: 'number', optional: false, options: undefined },
          { name: 'title', label: 'Title', kind: 'text', optional: false, options: undefined },
        ],
      },
    });
    const viaButton = await router.dispatch(incoming('note x', { forms: 'via-button' }));
    expect(viaButton).toMatchObject({
      kind: 'replies',
      replies: [
        {
          card: {
            title: 'days and title are needed',
            actions: [{ actionId: 'form.open', value: 'note.add' }],
          },
        },
      ],
    });
    const plain = await router.dispatch(incoming('note x'));
    expect(plain).toEqual({
      kind: 'replies',
      replies: [{ text: 'days and title are needed\nUsage: note <days> <title>' }],
    });
    const click = await router.act({
      platform: 'slack',
      tenant: 'T1',
      platformUserId: 'U-alice',
      actionId: 'form.open',
      value: 'note.add',
      eventId: 'click-1',
      canOpenForm: true,
    });
    expect(click).toMatchObject({ kind: 'form', form: { intent: 'note.add' } });
  });

  it('checks a submitted form field by field and handles it once', async () => {
    handled.length = 0;
    const base = { platform: 'slack' as const, tenant: 'T1', platformUserId: 'U-alice', intent: 'note.add' };
    const bad = await router.submit({ ...base, values: { days: '-1', title: '' }, eventId: 'v1' });
    expect(bad).toMatchObject({
      kind: 'invalid',
      errors: { days: expect.any(String), title: expect.any(String) },
    });
    const good = await router.submit({ ...base, values: { days: '2', title: 'trip' }, eventId: 'v2' });
    const again = await router.submit({ ...base, values: { days: '2', title: 'trip' }, eventId: 'v2' });
    expect(good).toEqual({ kind: 'replies', replies: [{ text: 'noted trip' }] as Reply[] });
    expect(again).toEqual({ kind: 'duplicate' });
    expect(handled).toEqual([{ days: 2, title: 'trip' }]);
  });

  it("marks replies with the language typed; answers a click in its button's language", async () => {
    // alice.chen's own locale is en
    const en = await router.dispatch(incoming('note x', { forms: 'via-button' }));
    const zh = await router.dispatch(incoming('备注 x', { forms: 'via-button' }));
    const buttonOf = (o: typeof en) =>
      o.kind === 'replies' && 'card' in (o.replies[0] as Reply)
        ? (o.replies[0] as { card: Card }).card.actions[0]
        : null;
    expect(buttonOf(en)).toMatchObject({ actionId: 'form.open', locale: 'en' });
    expect(buttonOf(zh)).toMatchObject({ actionId: 'form.open', locale: 'zh-CN' });

    const base = { platform: 'slack' as const, tenant: 'T1', platformUserId: 'U-alice', value: '' };
    const gone = (eventId: string, locale?: Locale) =>
      router.act({ ...base, actionId: 'gone.away', eventId, ...(locale ? { locale } : {}) });
    expect(await gone('c-zh', 'zh-CN')).toEqual({ kind: 'replies', replies: [{ text: '这个按钮已失效。' }] });
    expect(await gone('c-own')).toEqual({
      kind: 'replies',
      replies: [{ text: 'This button is no longer valid.' }],
    });

    const form = await router.act({
      ...base,
      actionId: 'form.open',
      value: 'note.add',
      eventId: 'c-form',
      canOpenForm: true,
      locale: 'zh-CN',
    });
    expect(form).toMatchObject({ kind: 'form', form: { locale: 'zh-CN', title: '备注' } });
    const submitted = await router.submit({
      ...base,
      intent: 'gone.away',
      values: {},
      eventId: 'v-zh',
      locale: 'zh-CN',
    });
    expect(submitted).toEqual({ kind: 'replies', replies: [{ text: '这个按钮已失效。' }] });
  });
});
