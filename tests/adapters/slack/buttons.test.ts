import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { Customer } from '../../../db/models/customer.js';
import { Employee } from '../../../db/models/employee.js';
import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, type StubCall, slackEnv, until, useSlackStub } from '../../helpers/slack.js';

// Buttons and commands that were only ever driven through the web chat, clicked here on Slack
// from the message the bot posted: urge on one's own request, a comment, claiming a pooled
// customer from its card, opening an order from "my orders".
const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));

type Button = { action_id: string; value: string };
const buttonsOf = (post: StubCall): Button[] =>
  (post.args.blocks ?? [])
    .filter((b: { type: string }) => b.type === 'actions')
    .flatMap((b: { elements: Button[] }) => b.elements);
const textOf = (post: StubCall) => JSON.stringify(post.args.blocks ?? post.args.text);
const postsTo = (user: string) =>
  stub.current
    .of('chat.postMessage')
    .filter((c) => c.args.channel === user || c.args.channel === `D${user.slice(1)}`);

let seq = 0;
/** `user` DMs `text`; resolves to the first post to them after it that passes `match`. */
async function say(user: string, text: string, match: (p: StubCall) => boolean = () => true) {
  const before = postsTo(user).length;
  await dm(app.current.url, user, text, `Ev-buttons-${++seq}`);
  return until(() =>
    postsTo(user)
      .slice(before)
      .find((p) => p.result && match(p)),
  );
}
/** `user` clicks the button of `post` whose action id starts with `actionId`; resolves to the next post to them. */
async function press(user: string, post: StubCall, actionId: string, value?: string) {
  const button = buttonsOf(post).find(
    (b) => b.action_id.startsWith(`${actionId}#`) && (value === undefined || b.value === value),
  );
  if (!button) throw new Error(`no ${actionId} on ${textOf(post)}`);
  const before = postsTo(user).length;
  const message = { channel: String(post.result?.channel), ts: String(post.result?.ts) };
  const res = await interact(
    app.current.url,
    click(user, button.action_id, button.value, message, { actionTs: `click-${++seq}` }),
  );
  expect(res.status).toBe(200);
  return until(() =>
    postsTo(user)
      .slice(before)
      .find((p) => p.result),
  );
}

describe('buttons and commands on Slack', () => {
  it('urge from the requester’s own card re-notifies the approver, once an hour', async () => {
    // Chen has talked to the bot before, so his Slack account is bound and gets the cards
    await say('U_CHEN', 'whoami');
    const filed = await say('U_BOB', 'expense 33 taxi to the station', (p) => /AP-\d+/.test(textOf(p)));
    const no = /AP-\d+/.exec(textOf(filed))?.[0] ?? '';
    const toChen = () => postsTo('U_CHEN').filter((p) => textOf(p).includes(no)).length;
    await until(() => toChen() === 1);

    const urged = await press('U_BOB', filed, 'approvals.urge', no);
    expect(textOf(urged)).toContain(`Reminded the approvers of ${no}`);
    await until(() => toChen() === 2);
    const again = await press('U_BOB', filed, 'approvals.urge', no);
    expect(textOf(again)).toMatch(/once an hour/);
    expect(toChen()).toBe(2);
  });

  it('a comment is recorded on the request and the requester is told', async () => {
    const filed = await say('U_BOB', 'expense 21 taxi comment test', (p) => /AP-\d+/.test(textOf(p)));
    const no = /AP-\d+/.exec(textOf(filed))?.[0] ?? '';
    const toBob = () => postsTo('U_BOB').filter((p) => textOf(p).includes(no)).length;
    const told = toBob();
    await say('U_CHEN', `comment ${no} please attach the receipt`);
    const doc = await until(async () => {
      const found = await ApprovalRequest.findOne({ no }).lean();
      return found?.history.some((h) => h.action === 'commented') && found;
    });
    expect(doc.history.at(-1)).toMatchObject({ action: 'commented', comment: 'please attach the receipt' });
    await until(() => toBob() > told);
  });

  it('claim on a pooled customer’s card takes the customer', async () => {
    const alice = await Employee.findOne({ email: 'alice.chen@demo.example' }).lean();
    const list = await say('U_ALICE', 'customer Proseware', (p) =>
      buttonsOf(p).some((b) => b.action_id.startsWith('crm.pool.claim#')),
    );
    const button = buttonsOf(list).find((b) => b.action_id.startsWith('crm.pool.claim#')) as Button;
    expect((await Customer.findById(button.value).lean())?.ownerId).toBeNull();
    const claimed = await press('U_ALICE', list, 'crm.pool.claim', button.value);
    expect(textOf(claimed)).toMatch(/Claimed/);
    expect(String((await Customer.findById(button.value).lean())?.ownerId)).toBe(String(alice?._id));
  });

  it('an order button in "my orders" shows that order', async () => {
    const mine = await say('U_ALICE', 'my orders', (p) =>
      buttonsOf(p).some((b) => b.action_id.startsWith('orders.show#')),
    );
    const button = buttonsOf(mine).find((b) => b.action_id.startsWith('orders.show#')) as Button;
    const shown = await press('U_ALICE', mine, 'orders.show', button.value);
    expect(textOf(shown)).toContain(button.value);
    expect(textOf(shown)).toContain('Contoso Ltd');
  });
});
