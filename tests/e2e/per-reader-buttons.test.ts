import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Customer } from '../../db/models/customer.js';
import { Employee } from '../../db/models/employee.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { Ticket } from '../../db/models/ticket.js';
import type { Card } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, demo, noOf, textOf } from '../helpers/chat.js';

// One card goes to several people; each copy shows the buttons its reader may press, and a click
// someone crafts anyway is still refused by the flow.
const app = useTestApp();
const { say, click, cards } = chatAs(app);
const soOf = (card: Card) => /SO-\d+/.exec(card.title)?.[0] ?? '';
const labels = (card: Card | undefined) => card?.actions.map((a) => a.label) ?? [];
const latest = async (user: string, no: string) =>
  (await cards(user)).filter((c) => c.title.includes(no)).at(-1);

describe('order cards per reader', () => {
  it('the salesperson’s card has no 开始生产; the warehouse manager’s has it and no 取消订单', async () => {
    const mine = cardOf(await say('zhang.min', '下单 华信科技 SKU-1001x1'));
    const no = soOf(mine);
    expect(labels(mine)).toEqual(['取消订单']);
    expect(labels(await latest('zhou.qiang', no))).toEqual(['开始生产']);
    // the same order shown to someone else who may do nothing with it: status and lines only
    const finance = cardOf(await say('zhao.lei', `订单 ${no}`));
    expect(finance.actions).toEqual([]);
    expect(finance.subtitle).toBe('已下单');
  });

  it('after each step the copies still differ: owner, warehouse and installer-senders see their own', async () => {
    const no = soOf(cardOf(await say('alice.chen', 'order Fabrikam SKU-2002x1')));
    await click('wu.jun', 'orders.advance', `${no} produce`);
    // in production: the owner may still cancel; shipping is the warehouse's
    expect(labels(await latest('alice.chen', no))).toEqual(['Cancel']);
    expect(labels(cardOf(await say('wu.jun', `订单 ${no}`)))).toEqual(['发货']);
    await say('wu.jun', `order ${no} ship UPS 1Z1`);
    expect(labels(await latest('alice.chen', no))).toEqual([]); // shipped: handing to the carrier is the warehouse's
    await say('wu.jun', `订单 ${no} 物流`);
    expect(labels(await latest('alice.chen', no))).toEqual(['Delivered']);
    expect(labels(cardOf(await say('wu.jun', `订单 ${no}`)))).toEqual([]);
    expect(textOf(await say('alice.chen', `order ${no} deliver`))).toBe(`${no} → delivered.`);
    // delivered: the warehouse manager sends an installer; only the owner confirms installation
    expect(labels(await latest('zhou.qiang', no))).toEqual(['派工']);
    expect(labels(cardOf(await say('alice.chen', `order ${no}`)))).toEqual(['Installed']);
    expect(labels(cardOf(await say('li.wei', `订单 ${no}`)))).toEqual(['派工', '确认安装']); // admin
  });

  it('a crafted click by the wrong person is still refused and changes nothing', async () => {
    const no = soOf(cardOf(await say('zhang.min', '下单 华信科技 SKU-1001x1')));
    expect(textOf(await click('zhang.min', 'orders.advance', `${no} produce`))).toBe(
      '“开始生产”应由仓库人员操作。',
    );
    expect(textOf(await click('wu.jun', 'orders.advance', `${no} cancel`))).toBe(
      '“取消订单”应由订单负责人操作。',
    );
    expect((await SalesOrder.findOne({ no }).lean())?.status).toBe('placed');
  });
});

describe('ticket cards per reader', () => {
  it('the one who opened it and has it gets 解决 and no 接单; a crafted resolve by another is refused', async () => {
    const zhang = await Employee.findOne({ email: demo('zhang.min') }).lean();
    const customer = await Customer.findOne({ ownerId: zhang?._id }).lean();
    const opened = cardOf(await say('zhang.min', `工单 ${customer?.name} 打印机卡纸`));
    const no = /TK-\d+/.exec(opened.title)?.[0] ?? '';
    expect(String((await Ticket.findOne({ no }).lean())?.assigneeId)).toBe(String(zhang?._id));
    expect(labels(opened)).toEqual(['解决']);
    expect(textOf(await click('alice.chen', 'crm.ticket.resolve', no))).not.toMatch(/resolved|已解决/);
    expect(textOf(await say('alice.chen', `resolve ticket ${no} fixed`))).toBe(
      `${no} is not assigned to you.`,
    );
    expect((await Ticket.findOne({ no }).lean())?.status).toBe('open');
  });
});

describe('approval cards per reader', () => {
  it('the approver sees 同意/拒绝, the requester 撤回 and no decision; after it nobody has live buttons', async () => {
    const own = cardOf(await say('zhang.min', '请假 下周二 事假 搬家'));
    const no = noOf(own);
    expect(own.actions.map((a) => a.actionId)).toEqual(['approvals.urge', 'approvals.withdraw']);
    const approver = await latest('wang.fang', no);
    expect(labels(approver).slice(0, 2)).toEqual(['同意', '拒绝']);
    expect(approver?.actions.map((a) => a.actionId)).not.toContain('approvals.withdraw');

    // the requester crafts an approve click on her own request: refused, still pending
    expect(textOf(await click('zhang.min', 'approvals.approve', no))).not.toMatch(/已同意/);
    expect((await ApprovalRequest.findOne({ no }).lean())?.status).toBe('pending');
    // someone else crafts a withdraw: refused too
    await click('wang.fang', 'approvals.withdraw', no);
    expect((await ApprovalRequest.findOne({ no }).lean())?.status).toBe('pending');

    await click('wang.fang', 'approvals.approve', no);
    expect((await ApprovalRequest.findOne({ no }).lean())?.status).toBe('approved');
    for (const user of ['wang.fang', 'zhang.min', 'sun.li'])
      expect((await latest(user, no))?.actions, user).toEqual([]);
  });
});
