import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, demo } from '../helpers/chat.js';

const app = useTestApp();
/** The page's calls: it says it draws forms. */
const say = (user: string, text: string) =>
  app.current.post('/web/api/messages', { employee: demo(user), text, forms: true });
const click = (user: string, actionId: string, value: string) =>
  app.current.post('/web/api/actions', { employee: demo(user), actionId, value, forms: true });
const submit = (user: string, intent: string, values: Record<string, string>, eventId: string) =>
  app.current.post('/web/api/forms', { employee: demo(user), intent, values, eventId });

describe('web chat forms (the JSON API the page draws them from)', () => {
  it('a bare command opens its form; errors come back per field, the fix files it once', async () => {
    const opened = await say('zhang.min', '请假');
    expect(opened.status).toBe(200);
    expect(opened.json.form).toMatchObject({ intent: 'approvals.leave', locale: 'zh-CN', title: '请假' });
    const names = opened.json.form.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['kind', 'from', 'to', 'reason']));
    const kind = opened.json.form.fields.find((f: { name: string }) => f.name === 'kind');
    expect(kind).toMatchObject({ kind: 'select', optional: false });
    expect(kind.options).toContainEqual({ value: 'annual', label: '年假' });

    const before = await ApprovalRequest.countDocuments({ type: 'leave' });
    const bad = await submit(
      'zhang.min',
      'approvals.leave',
      { kind: 'annual', from: '2026-12-10', to: '2026-12-08', reason: '' },
      'leave-1',
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.fields).length).toBeGreaterThan(0);
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before);

    const values = { kind: 'annual', from: '2026-12-08', to: '2026-12-10', reason: '家里有事' };
    const good = await submit('zhang.min', 'approvals.leave', values, 'leave-2');
    expect(good.status).toBe(200);
    expect(cardOf(good.json.replies).title).toMatch(/^请假 AP-\d+/);
    expect(good.json.entries.map((e: { from: string }) => e.from)).toEqual(['bot']);
    // the same submission again (a retried POST) is answered once
    expect((await submit('zhang.min', 'approvals.leave', values, 'leave-2')).json.duplicate).toBe(true);
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before + 1);
  });

  it('without forms: true the API answers in text, as before', async () => {
    const res = await app.current.post('/web/api/messages', { employee: demo('zhang.min'), text: '请假' });
    expect(res.json.form).toBeUndefined();
    expect(res.json.replies.length).toBeGreaterThan(0);
  });

  it('Ship opens the step form with the step chosen; carrier and tracking are required', async () => {
    const placed = await say('alice.chen', 'order Fabrikam SKU-2002x1');
    const no = /SO-\d+/.exec(cardOf(placed.json.replies).title)?.[0] ?? '';
    expect((await click('wu.jun', 'orders.advance', `${no} produce`)).json.replies.length).toBe(1);
    const opened = await click('wu.jun', 'orders.advance', `${no} ship`);
    expect(opened.json.form).toMatchObject({ intent: 'orders.advance', locale: 'zh-CN' });
    const initial = Object.fromEntries(
      opened.json.form.fields.map((f: { name: string; initial?: string }) => [f.name, f.initial]),
    );
    expect(initial).toMatchObject({ no, action: 'ship' });

    const bad = await submit('wu.jun', 'orders.advance', { no, action: 'ship', carrier: '顺丰' }, 'ship-1');
    expect(bad.status).toBe(422);
    expect(bad.json.fields).toEqual({ tracking: '发货要写运单号。' });
    expect((await SalesOrder.findOne({ no }).lean())?.status).toBe('production');

    const values = { no, action: 'ship', carrier: '顺丰', tracking: 'SF 1001', note: '' };
    const good = await submit('wu.jun', 'orders.advance', values, 'ship-2');
    expect(good.status).toBe(200);
    expect((await SalesOrder.findOne({ no }).lean())?.status).toBe('shipped');
  });

  it('Resolve and Reject open their forms with the number filled in', async () => {
    const resolve = await click('wang.fang', 'crm.ticket.resolve', 'TK-9999');
    expect(resolve.json.form.intent).toBe('crm.ticket.resolve');
    expect(resolve.json.form.fields[0]).toMatchObject({ name: 'no', initial: 'TK-9999' });
    const noNote = await submit('wang.fang', 'crm.ticket.resolve', { no: 'TK-9999', note: ' ' }, 'r-1');
    expect(noNote.json.fields).toEqual({ note: '请写上处理说明。' });

    const reject = await click('wang.fang', 'approvals.reject', 'AP-1001');
    expect(reject.json.form).toMatchObject({ intent: 'approvals.reject' });
    const customer = await say('alice.chen', 'new customer');
    expect(customer.json.form).toMatchObject({ intent: 'crm.customer.create', title: 'New customer' });
  });
});
