import { describe, expect, it } from 'vitest';
import { Contract } from '../../db/models/contract.js';
import { Employee } from '../../db/models/employee.js';
import { Installation } from '../../db/models/installation.js';
import { remindContracts } from '../../flows/contracts/reminders.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { recordingReminders } from '../helpers/reminders.js';

const app = useTestApp();
const { say, click } = chatAs(app);
const idOf = async (user: string) =>
  String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);

// The journey of issue #17 in one run: each step through the chat, as the people who do it.
describe('from a new customer to the cash for an installed order', () => {
  it('customer → priced order → production → delivery → installation → contract from the order → payment → one reminder for the rest', async () => {
    await say(
      'alice.chen',
      'new customer Northwind Pumps, Seattle, manufacturing, contact Ann Lee ann@northwind.example',
    );
    const order = cardOf(await say('alice.chen', 'order Northwind Pumps SKU-2002x2@450'));
    const so = /SO-\d+/.exec(order.title)?.[0] ?? '';
    expect(order.fields).toContainEqual(['SKU-2002 Switch S2', '× 2 @ CN¥450.00 = CN¥900.00']);

    await click('wu.jun', 'orders.advance', `${so} produce`);
    await say('wu.jun', `order ${so} ship SF 123`);
    await say('wu.jun', `order ${so} transit`);
    expect(textOf(await say('alice.chen', `order ${so} deliver`))).toBe(`${so} → delivered.`);
    expect(textOf(await say('zhou.qiang', `派工 ${so} 吴军`))).toMatch(`${so} 已派给 吴军`);
    expect(textOf(await say('wu.jun', `installation done ${so} running fine`))).toBe(
      `${so} installed; the owner has been told.`,
    );
    expect((await Installation.findById(`${so}:install`).lean())?.status).toBe('done');

    // the contract takes the order's customer, total and currency; the plan must add up to it
    const short = await say(
      'alice.chen',
      `new contract ${so} 2026-12-01 to 2027-11-30 instalments 500 2026-12-15, 300 2027-01-20`,
    );
    expect(textOf(short)).toMatch(/900/);
    expect(await Contract.countDocuments({ orderNo: so })).toBe(0);
    const created = textOf(
      await say(
        'alice.chen',
        `new contract ${so} 2026-12-01 to 2027-11-30 instalments 500 2026-12-15, 400 2027-01-20`,
      ),
    );
    const no = /HT-\d{4}-\d{4}/.exec(created)?.[0] ?? '';
    expect(created).toMatch(`Contract ${no} (Northwind Pumps, `);
    expect(await Contract.findById(no).lean()).toMatchObject({
      orderNo: so,
      customerName: 'Northwind Pumps',
      amount: 900,
      currency: 'CNY',
      status: 'active',
    });

    expect(textOf(await say('alice.chen', `payment received ${no} 500`))).toMatch(no);
    const reminders = recordingReminders();
    const about = () => reminders.sent.filter((s) => 'text' in s.reply && s.reply.text.includes(no));
    // two days before the second instalment, twice: one reminder, to the customer's owner
    const before = new Date('2027-01-18T03:00:00Z');
    await remindContracts(before, reminders);
    await remindContracts(before, reminders);
    expect(about()).toHaveLength(1);
    expect(about()[0]?.employeeId).toBe(await idOf('alice.chen'));
    const reply = about()[0]?.reply;
    expect(reply && 'text' in reply ? reply.text : '').toMatch(/2027-01-20/);
  });

  it('an order that cannot make a contract is named, and nothing is written', async () => {
    const before = await Contract.countDocuments();
    expect(textOf(await say('alice.chen', 'new contract SO-999999 2026-12-01 to 2027-11-30'))).toBe(
      'There is no order SO-999999.',
    );
    expect(await Contract.countDocuments()).toBe(before);
  });
});
