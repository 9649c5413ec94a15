import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { seedDemoCompany } from '../../flows/org/demo-company.js';
import { addressOf } from '../../flows/org/service.js';
import { forReader } from '../../src/bot/audience.js';
import { createNotifier } from '../../src/bot/notifier.js';
import type { Button, Card, MessageRef, Messenger, Reply } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

const button = (actionId: string, extra: Partial<Button> = {}): Button => ({
  actionId,
  label: actionId,
  style: 'default',
  value: '1',
  ...extra,
});

// one card for everyone: a step for the warehouse, one for its owner, one for anybody but the owner
const shared = (ownerId: string): Reply => ({
  card: {
    title: 'SO-1',
    status: 'pending',
    fields: [['Status', 'placed']],
    actions: [
      button('produce', { for: { roles: ['warehouse', 'admin'] } }),
      button('cancel', { for: { ids: [ownerId], roles: ['admin'] } }),
      button('take', { for: { not: [ownerId] } }),
      button('show'),
    ],
  },
});

const idsOf = (reply: Reply | undefined) =>
  (reply && 'card' in reply ? reply.card.actions : []).map((b) => b.actionId);

/** A web chat that keeps what it is sent and how each copy was last updated, by message id. */
function webNotifier() {
  const sent = new Map<string, Reply>();
  const updated = new Map<string, Reply>();
  const refs: MessageRef[] = [];
  const web: Messenger = {
    platform: 'web',
    send: async (target, reply) => {
      const messageId = `${target.employeeId}:${sent.size}`;
      sent.set(messageId, reply);
      return { platform: 'web', channelId: target.employeeId, messageId };
    },
    update: async (ref, reply) => {
      refs.push(ref);
      updated.set(ref.messageId, reply);
    },
  };
  return {
    sent,
    updated,
    refs,
    ...createNotifier({ messengers: [web], addressOf, log: createLogger('silent') }),
  };
}

const idOf = async (user: string) =>
  String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);

describe('a card sent to several people shows each only the buttons they may press', () => {
  it('the warehouse manager, the owner and an admin each get their own copy; the card keeps its fields', async () => {
    await seedDemoCompany(TEST_START);
    const [zhou, zhang, li] = [await idOf('zhou.qiang'), await idOf('zhang.min'), await idOf('li.wei')];
    const { notify, sent } = webNotifier();
    const [toZhou] = await notify(zhou, shared(zhang));
    const [toZhang] = await notify(zhang, shared(zhang));
    const [toLi] = await notify(li, shared(zhang));
    expect(idsOf(sent.get(String(toZhou?.messageId)))).toEqual(['produce', 'take', 'show']);
    expect(idsOf(sent.get(String(toZhang?.messageId)))).toEqual(['cancel', 'show']);
    expect(idsOf(sent.get(String(toLi?.messageId)))).toEqual(['produce', 'cancel', 'take', 'show']);
    const owners = sent.get(String(toZhang?.messageId));
    expect(owners && 'card' in owners && owners.card.fields).toEqual([['Status', 'placed']]);
    // what the platform gets carries no audience: adapters never see who may press what
    expect(JSON.stringify([...sent.values()])).not.toContain('"for"');
  });

  it('an update of a recorded copy keeps to its reader; a copy whose reader is unknown keeps only buttons for all', async () => {
    await seedDemoCompany(TEST_START);
    const [zhou, zhang] = [await idOf('zhou.qiang'), await idOf('zhang.min')];
    const { notify, update, updated, refs } = webNotifier();
    const [toZhou] = await notify(zhou, shared(zhang));
    const [toZhang] = await notify(zhang, shared(zhang));
    expect(toZhou?.reader).toBe(zhou);
    if (!toZhou || !toZhang) throw new Error('not sent');
    await update(toZhou, shared(zhang));
    await update(toZhang, shared(zhang));
    await update({ platform: 'web', channelId: 'x', messageId: 'old' }, shared(zhang));
    expect(idsOf(updated.get(toZhou.messageId))).toEqual(['produce', 'take', 'show']);
    expect(idsOf(updated.get(toZhang.messageId))).toEqual(['cancel', 'show']);
    expect(idsOf(updated.get('old'))).toEqual(['show']);
    // the adapter is handed the platform's address only
    expect(refs.map((r) => Object.keys(r).sort())).toEqual(
      Array(3).fill(['channelId', 'messageId', 'platform']),
    );
  });

  it('a card that loses every button for its reader still shows its status and fields', () => {
    const card: Card = {
      title: 'AP-1',
      status: 'approved',
      fields: [['Days', '1']],
      actions: [button('approve', { for: { ids: ['a'] } })],
    };
    expect(forReader({ card }, { id: 'b', roles: ['admin'] })).toEqual({
      card: { title: 'AP-1', status: 'approved', fields: [['Days', '1']], actions: [] },
    });
    expect(forReader({ text: 'hi' }, undefined)).toEqual({ text: 'hi' });
  });
});
