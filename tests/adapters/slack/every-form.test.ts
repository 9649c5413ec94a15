import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { Customer } from '../../../db/models/customer.js';
import { useTestApp } from '../../helpers/app.js';
import { click, interact, slackEnv, slash, until, useSlackStub } from '../../helpers/slack.js';
import { type Modal, viewSubmission } from '../../helpers/slack-modal.js';

// Every command form registered (each approval type, rejecting, a new CRM customer) opened on
// Slack from a bare slash command and submitted twice: with a bad value, answered in the modal
// with `response_action: errors` naming the field and nothing written; then with good values,
// the document written and its card posted to the person. Dates relative to the tests' clock
// (2026-12-02); date pickers and selects are submitted the way Slack sends them.
const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));

type Case = {
  /** Typed bare after the slash command; or the open-form button's value, for commands that need more. */
  keyword?: string;
  button?: string;
  user: string;
  /** Element types the modal must have, by field. */
  inputs: Record<string, string>;
  bad: Record<string, string>;
  badFields: string[];
  good?: Record<string, string>;
  /** The document the good submission writes, and the text its card must show. */
  written?: () => Promise<{ shows: string } | null>;
};

const request = (type: string, match: Record<string, unknown>) => async () => {
  const doc = await ApprovalRequest.findOne()
    .where({ type, ...match })
    .lean();
  return doc && { shows: doc.no };
};

const CASES: Record<string, Case> = {
  leave: {
    keyword: 'leave',
    user: 'U_BOB',
    inputs: { kind: 'static_select', from: 'datepicker', to: 'datepicker', reason: 'plain_text_input' },
    bad: { kind: 'personal', from: '2026-12-09', to: '2026-12-08', reason: 'moving house' },
    badFields: ['to'],
    good: { kind: 'personal', from: '2026-12-08', to: '2026-12-09', reason: 'moving house' },
    written: request('leave', { 'data.reason': 'moving house', 'data.from': '2026-12-08' }),
  },
  expense: {
    keyword: 'expense',
    user: 'U_BOB',
    inputs: { amount: 'number_input', category: 'static_select', receiptUrl: 'plain_text_input' },
    bad: { amount: '12', category: 'meals', reason: 'team lunch', receiptUrl: 'not a link' },
    badFields: ['receiptUrl'],
    good: { amount: '42.5', category: 'meals', reason: 'team lunch', receiptUrl: 'https://r.example/1' },
    written: request('expense', { 'data.reason': 'team lunch', 'data.amount': 42.5 }),
  },
  trip: {
    keyword: 'trip',
    user: 'U_ALICE',
    inputs: { from: 'datepicker', to: 'datepicker', estimatedCost: 'number_input' },
    bad: { destination: '', from: '2026-12-10', to: '2026-12-11', purpose: 'visit Acme' },
    badFields: ['destination'],
    good: {
      destination: 'Hangzhou',
      from: '2026-12-10',
      to: '2026-12-11',
      purpose: 'visit Acme',
      estimatedCost: '1800',
    },
    written: request('trip', { 'data.destination': 'Hangzhou' }),
  },
  general: {
    keyword: 'request approval',
    user: 'U_ZHANG',
    inputs: { title: 'plain_text_input', text: 'plain_text_input' },
    bad: { title: '', text: 'a new monitor' },
    badFields: ['title'],
    good: { title: 'Monitor', text: 'a new monitor' },
    written: request('general', { 'data.title': 'Monitor' }),
  },
  makeup: {
    keyword: 'makeup',
    user: 'U_BOB',
    inputs: { date: 'datepicker', direction: 'static_select' },
    bad: { date: '2026-12-01', time: '9 o’clock', direction: 'in', reason: 'forgot my badge' },
    badFields: ['time'],
    good: { date: '2026-12-01', time: '09:05', direction: 'in', reason: 'forgot my badge' },
    written: request('makeup', { 'data.reason': 'forgot my badge' }),
  },
  onboarding: {
    keyword: 'onboarding',
    user: 'U_LI',
    inputs: { startDate: 'datepicker', email: 'plain_text_input' },
    bad: {
      name: 'Dana Lee',
      email: 'dana.lee',
      department: 'Sales',
      managerEmail: 'chen.jie@demo.example',
      startDate: '2026-12-15',
    },
    badFields: ['email'],
    good: {
      name: 'Dana Lee',
      email: 'dana.lee@demo.example',
      department: 'Sales',
      managerEmail: 'chen.jie@demo.example',
      startDate: '2026-12-15',
    },
    written: request('onboarding', { 'data.email': 'dana.lee@demo.example' }),
  },
  transfer: {
    keyword: 'transfer',
    user: 'U_ALICE',
    inputs: { effectiveDate: 'datepicker' },
    bad: { department: 'Marketing', position: 'Lead', effectiveDate: '' },
    badFields: ['effectiveDate'],
    good: { department: 'Marketing', position: 'Lead', effectiveDate: '2027-01-04', reason: 'growth' },
    written: request('transfer', { 'data.position': 'Lead' }),
  },
  'CRM customer': {
    keyword: 'new customer',
    user: 'U_ALICE',
    inputs: { stage: 'static_select', age: 'number_input' },
    bad: { name: '', city: 'Suzhou' },
    badFields: ['name'],
    good: { name: 'Formtest Trading', city: 'Suzhou', stage: 'lead', tags: 'wholesale/east' },
    written: async () => {
      const doc = await Customer.findOne({ name: 'Formtest Trading' }).lean();
      return doc && { shows: 'Formtest Trading' };
    },
  },
  // its good path needs a request to reject: the adapter contract (tests/adapters/contract.ts) has it
  reject: {
    button: 'approvals.reject',
    user: 'U_CHEN',
    inputs: { no: 'plain_text_input', reason: 'plain_text_input' },
    bad: { no: 'AP-1', reason: '' },
    badFields: ['reason'],
  },
};

let opened = 0;
/** A bare `/assistant <keyword>`, or a click on an open-form button: the modal views.open got, and its id. */
async function openForm(user: string, c: Case) {
  const trigger = `trigger-form-${++opened}`;
  const base = app.current.url;
  const res = c.button
    ? await interact(
        base,
        click(
          user,
          'form.open#0:en',
          c.button,
          { channel: `D${user.slice(1)}`, ts: '1700000009.000100' },
          {
            triggerId: trigger,
          },
        ),
      )
    : await slash(base, user, c.keyword ?? '', { trigger_id: trigger });
  expect(res.status).toBe(200);
  const open = await until(() => stub.current.of('views.open').find((c) => c.args.trigger_id === trigger));
  return { view: open.args.view as Modal, viewId: String(open.result?.view.id) };
}

const documents = async () =>
  (await ApprovalRequest.countDocuments({})) + (await Customer.countDocuments({}));

describe('every Slack form, with bad and good values', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: errors named in the modal, then the document written and its card sent`, async () => {
      const { view, viewId } = await openForm(c.user, c);
      const elements = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element?.type]));
      expect(elements).toMatchObject(c.inputs);

      const before = await documents();
      const bad = await interact(app.current.url, viewSubmission(c.user, viewId, view, c.bad));
      expect(bad.json).toMatchObject({ response_action: 'errors' });
      const errors = (bad.json as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors).sort()).toEqual(c.badFields);
      for (const message of Object.values(errors)) expect(message).toMatch(/\S/);
      expect(await documents()).toBe(before);
      if (!c.good || !c.written) return;

      const good = await interact(app.current.url, viewSubmission(c.user, viewId, view, c.good));
      expect(good).toMatchObject({ status: 200, text: '' });
      const written = await until(c.written);
      expect(await documents()).toBe(before + 1);
      await until(() =>
        stub.current
          .of('chat.postMessage')
          .some((p) => p.args.channel === c.user && JSON.stringify(p.args).includes(written.shows)),
      );
    });
  }
});
