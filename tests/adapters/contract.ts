import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { until } from '../helpers/until.js';

// What every chat adapter must do, through the real app and real HTTP, whatever the platform.
// Each adapter's contract.test.ts runs it with a harness that knows how to talk that platform's
// language (payloads, signatures, where replies land); nothing here knows which platform it is.

/** A demo employee, by the local part of their e-mail; each harness maps them to an account. */
export type Person = 'bob.smith' | 'chen.jie' | 'zhang.min' | 'alice.chen';
export const PEOPLE: Person[] = ['bob.smith', 'chen.jie', 'zhang.min', 'alice.chen'];

/** A button read back from the platform's message; `handle` is what the harness needs to click it. */
export type SeenButton<H> = { actionId: string; value: string; label: string; handle: H };

/** One message as the person sees it now (later updates applied), read back from the platform's shape. */
export type Seen<H> = {
  /** Stable across updates of the same message. */
  id: string;
  /** A card's title without platform decoration; '' for plain text. */
  title: string;
  /** Everything readable on it: title, subtitle, fields, body, or the text. */
  text: string;
  buttons: SeenButton<H>[];
};

export type SeenForm<F> = { title: string; fields: string[]; handle: F };

export type AdapterHarness<H, F> = {
  /** `text` typed by `person` as one delivery; the same `deliveryId` again is the platform retrying it. */
  say(person: Person, text: string, deliveryId: string): Promise<void>;
  /** `person` clicks `button`, as one delivery. */
  click(person: Person, button: SeenButton<H>, deliveryId: string): Promise<void>;
  /** Every message the bot has shown `person` so far, in their current state. */
  messages(person: Person): Promise<Seen<H>[]>;
  /** `text` sent with a wrong signature or token; resolves to the HTTP status. */
  forge?(person: Person, text: string): Promise<number>;
  forms?: {
    /** The forms opened for `person` so far, oldest first. */
    opened(person: Person): Promise<SeenForm<F>[]>;
    /** Submits `form` with `values` over what it was opened with; the field errors shown, or null. */
    submit(
      person: Person,
      form: SeenForm<F>,
      values: Record<string, string>,
    ): Promise<Record<string, string> | null>;
  };
};

export type ContractCase = 'text' | 'signature' | 'button' | 'update' | 'form' | 'retry';

/**
 * The adapter contract: call it at the top of an adapter's test file. `makeHarness` runs inside
 * the suite (it may register hooks, such as starting the app); `skip` names a case the platform
 * cannot do, with the reason shown in the test's title.
 * @example runAdapterContract({ name: 'web', makeHarness: webHarness, skip: { signature: 'no signatures' } })
 */
export function runAdapterContract<H, F>(options: {
  name: string;
  makeHarness(): AdapterHarness<H, F>;
  skip?: Partial<Record<ContractCase, string>>;
}): void {
  describe(`adapter contract: ${options.name}`, () => {
    const h = options.makeHarness();
    const run = (key: ContractCase, title: string, body: () => Promise<void>) => {
      const reason = options.skip?.[key];
      if (reason) it.skip(`${title} — skipped: ${reason}`, body);
      else it(title, body);
    };
    const waitFor = (person: Person, match: (m: Seen<H>) => boolean) =>
      until(async () => (await h.messages(person)).find(match));
    /** Says `text` and resolves to what came back, once something has. */
    const ask = async (person: Person, text: string, deliveryId: string) => {
      const before = (await h.messages(person)).length;
      await h.say(person, text, deliveryId);
      return until(async () => {
        const all = await h.messages(person);
        return all.length > before && all.slice(before);
      });
    };
    /**
     * Work runs after the platform's ack, so "nothing else came" is only known once something sent
     * later has been answered: `person` asks 我是谁, and this resolves to the messages they were
     * shown since `shown` other than that answer.
     */
    const beforeSentinel = async (person: Person, shown: number, deliveryId: string) => {
      await ask(person, '我是谁', deliveryId);
      const since = (await h.messages(person)).slice(shown);
      expect(since.at(-1)?.text).toContain(`${person}@demo.example`);
      return since.slice(0, -1);
    };
    const statusOf = async (no: string) => (await ApprovalRequest.findOne({ no }).lean())?.status;

    /** Bob files an expense; Chen, his manager, has talked to the bot before, so he gets the card. */
    async function expenseForChen(tag: string) {
      await ask('chen.jie', '我是谁', `contract-${tag}-hello`);
      const filed = await ask('bob.smith', 'expense 30 taxi airport', `contract-${tag}-file`);
      const no = /AP-\d+/.exec(filed.map((m) => m.title).join(' '))?.[0] ?? '';
      expect(no).not.toBe('');
      const card = await waitFor(
        'chen.jie',
        (m) => m.title.includes(no) && m.buttons.some((b) => b.actionId === 'approvals.approve'),
      );
      const button = (actionId: string) => {
        const found = card.buttons.find((b) => b.actionId === actionId);
        if (!found) throw new Error(`no ${actionId} on ${card.title}`);
        return found;
      };
      return { no, card, button };
    }

    run('text', 'text in → the reply out, in the language typed', async () => {
      await h.say('zhang.min', '帮助', 'contract-text-zh');
      const zh = await waitFor('zhang.min', (m) => m.title === '我能帮你做这些');
      expect(zh.buttons).toContainEqual(
        expect.objectContaining({ actionId: 'help.topic', value: 'org', label: '个人' }),
      );
      await h.say('zhang.min', 'help', 'contract-text-en');
      await waitFor('zhang.min', (m) => m.title === 'What I can do');
    });

    run('signature', 'a request with a bad signature or token is refused, doing nothing', async () => {
      if (!h.forge) throw new Error('the harness has no forge(): implement it or skip with a reason');
      const shown = (await h.messages('zhang.min')).length;
      const events = await ProcessedEvent.countDocuments({});
      expect(await h.forge('zhang.min', 'help')).toBe(401);
      expect(await beforeSentinel('zhang.min', shown, 'contract-signature-sentinel')).toEqual([]);
      expect(await ProcessedEvent.countDocuments({})).toBe(events + 1); // the sentinel's
    });

    run('button', "a button → the action's reply", async () => {
      await h.say('alice.chen', '帮助', 'contract-button-help');
      const help = await waitFor('alice.chen', (m) => m.title === '我能帮你做这些');
      const org = help.buttons.find((b) => b.actionId === 'help.topic' && b.value === 'org');
      if (!org) throw new Error('no help.topic org button');
      await h.click('alice.chen', org, 'contract-button-click');
      const topic = await waitFor('alice.chen', (m) => m.title === '个人');
      expect(topic.text).toContain('我是谁');
    });

    run('update', "a card update: approving updates the approver's copy", async () => {
      const { no, card, button } = await expenseForChen('update');
      await h.click('chen.jie', button('approvals.approve'), 'contract-update-approve');
      const decided = await waitFor('chen.jie', (m) => m.id === card.id && m.buttons.length === 0);
      expect(decided.title).toContain(no);
      expect(decided.text).toContain('已通过');
      expect(await statusOf(no)).toBe('approved');
    });

    run('form', 'a form: a button opens it, field errors show in it, a good one is done', async () => {
      const forms = h.forms;
      if (!forms) throw new Error('the harness has no forms: implement them or skip with a reason');
      const { no, card, button } = await expenseForChen('form');
      const opened = (await forms.opened('chen.jie')).length;
      await h.click('chen.jie', button('approvals.reject'), 'contract-form-reject');
      const form = await until(async () => (await forms.opened('chen.jie'))[opened]);
      expect(form.fields).toEqual(expect.arrayContaining(['no', 'reason']));
      expect(await forms.submit('chen.jie', form, { reason: '' })).toEqual({ reason: expect.any(String) });
      expect(await statusOf(no)).toBe('pending');
      expect(await forms.submit('chen.jie', form, { reason: 'use the shuttle' })).toBeNull();
      await until(async () => (await statusOf(no)) === 'rejected');
      await waitFor('chen.jie', (m) => m.id === card.id && m.buttons.length === 0);
    });

    run('retry', 'a retried delivery is handled once: one write, one reply', async () => {
      const alice = await Employee.findOne({ email: 'alice.chen@demo.example' }).lean();
      const requests = () => ApprovalRequest.countDocuments({ requesterId: alice?._id });
      const before = await requests();
      const text = 'expense 45 taxi client visit';
      const shown = (await h.messages('alice.chen')).length;
      // a retry while the first is still being handled, and one after it was answered
      await h.say('alice.chen', text, 'contract-retry');
      await h.say('alice.chen', text, 'contract-retry');
      await until(async () => (await h.messages('alice.chen')).length > shown);
      await h.say('alice.chen', text, 'contract-retry');
      const replies = await beforeSentinel('alice.chen', shown, 'contract-retry-sentinel');
      expect(replies.map((m) => m.title)).toEqual([expect.stringMatching(/AP-\d+/)]);
      expect(await requests()).toBe(before + 1);
    });
  });
}
