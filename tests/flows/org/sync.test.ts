import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { larkDirectory } from '../../../adapters/lark/directory.js';
import { slackDirectory } from '../../../adapters/slack/directory.js';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { Customer } from '../../../db/models/customer.js';
import { Employee } from '../../../db/models/employee.js';
import { FollowUp } from '../../../db/models/follow-up.js';
import { Identity } from '../../../db/models/identity.js';
import { approvalsFlow } from '../../../flows/approvals/index.js';
import { submitRequest } from '../../../flows/approvals/service.js';
import { crmFlow } from '../../../flows/crm/index.js';
import { createCustomer } from '../../../flows/crm/service.js';
import { employeeInput } from '../../../flows/org/schemas.js';
import { bindIdentity, createEmployee, toPerson } from '../../../flows/org/service.js';
import { syncDirectory } from '../../../flows/org/sync.js';
import type { DirectorySync } from '../../../src/bot/directory-source.js';
import { createLogger } from '../../../src/logger.js';
import { useTestDb } from '../../helpers/db.js';
import { type DirectoryStandIn, startDirectoryStandIn } from '../../helpers/directory-stand-in.js';

useTestDb();

const NOW = new Date('2026-12-02T02:00:00Z');
const TEAM = 'T0DEMO';
const TENANT = 'tenant-demo';
let standIn: DirectoryStandIn;
let sync: DirectorySync;

beforeAll(async () => {
  standIn = await startDirectoryStandIn(TENANT);
  const log = createLogger('silent');
  sync = {
    // Lark first, as the app orders them
    sources: [
      larkDirectory(
        {
          appId: 'cli_dir',
          appSecret: 's',
          verificationToken: 'v',
          domain: standIn.larkDomain,
          connection: 'webhook',
        },
        log,
      ),
      slackDirectory('xoxb-directory', standIn.slackUrl),
    ],
    async employeeLeft(employeeId, managerId, now) {
      for (const flow of [approvalsFlow, crmFlow]) await flow.onEmployeeLeft?.(employeeId, managerId, now);
    },
  };
});
afterAll(() => standIn.close());

const emp = (email: string) => Employee.findOne({ email }).lean();
const slackMember = (id: string, email: string | undefined, name: string, extra = {}) => ({
  id,
  team_id: TEAM,
  real_name: name,
  profile: email ? { email, real_name: name } : {},
  ...extra,
});

describe('directory sync against stand-in Slack and Lark', () => {
  it('dry-runs, then creates, updates, binds and deactivates with the hand-overs', async () => {
    // the company today: Li manages Bob, Bob manages Alice; Bob is on Slack and owns a customer
    const li = await createEmployee(
      employeeInput.parse({ name: 'Li Wei', email: 'li.wei@demo.example', roles: ['employee', 'admin'] }),
      NOW,
    );
    const bob = await createEmployee(
      employeeInput.parse({ name: 'Bob', email: 'bob@demo.example', managerEmail: li.email }),
      NOW,
    );
    const alice = await createEmployee(
      employeeInput.parse({ name: 'Alice', email: 'alice@demo.example', managerEmail: bob.email }),
      NOW,
    );
    const csvOnly = await createEmployee(
      employeeInput.parse({ name: 'Warehouse Wu', email: 'wu@demo.example' }),
      NOW,
    );
    await bindIdentity({ platform: 'slack', teamId: TEAM, userId: 'U_BOB', email: bob.email }, NOW);
    const request = await submitRequest({
      requester: toPerson(alice),
      type: 'general',
      data: { title: 'New laptop', text: 'old one broke' },
      today: '2026-12-01',
      now: NOW,
    });
    expect(request.waitingFor.map(String)).toEqual([String(bob._id)]);
    const customer = await createCustomer({ name: 'Blue Whale Ltd' }, toPerson(bob), NOW);
    if (!('customer' in customer)) throw new Error('customer not created');

    // Slack: Bob is gone; a newcomer on the second page; a guest without e-mail; a bot
    standIn.state.slack = [
      slackMember('U_LI', 'li.wei@demo.example', 'Li Wei'),
      slackMember('U_ALICE', 'ALICE@demo.example', 'Alice'),
      slackMember('U_BOT', undefined, 'Helper', { is_bot: true }),
      slackMember('U_GUEST', undefined, 'Guest'),
      slackMember('U_NEW', 'new.person@demo.example', 'New Person', { tz: 'Europe/Berlin' }),
    ];
    // Lark: Sales led by Li; Carol is new there, Alice moved there
    standIn.state.larkDepartments = [
      { open_department_id: 'od_sales', name: 'Sales', leader_user_id: 'ou_li' },
    ];
    standIn.state.larkUsers = new Map([
      ['0', [{ open_id: 'ou_li', name: '李伟', email: 'li.wei@demo.example', department_ids: ['0'] }]],
      [
        'od_sales',
        [
          { open_id: 'ou_carol', name: 'Carol', email: 'carol@demo.example', department_ids: ['od_sales'] },
          { open_id: 'ou_alice', name: 'Alice', email: 'alice@demo.example', department_ids: ['od_sales'] },
        ],
      ],
    ]);

    const dry = await syncDirectory(sync, { dryRun: true, force: false, now: NOW });
    expect(dry.applied).toBe(false);
    expect(dry.plan.create.map((c) => [c.email, c.department, c.managerEmail])).toEqual([
      ['carol@demo.example', 'Sales', 'li.wei@demo.example'],
      ['new.person@demo.example', '', null],
    ]);
    expect(dry.plan.update).toEqual([
      {
        email: 'li.wei@demo.example',
        changes: { name: '李伟' },
        reason: 'details changed',
      },
      {
        email: 'alice@demo.example',
        changes: { department: 'Sales', managerEmail: 'li.wei@demo.example' },
        reason: 'details changed',
      },
    ]);
    expect(dry.plan.deactivate).toEqual([
      { id: String(bob._id), email: bob.email, name: 'Bob', reason: 'no longer listed by slack' },
    ]);
    expect(dry.plan.skipped).toEqual([
      { platform: 'slack', userId: 'U_GUEST', name: 'Guest', reason: 'no e-mail' },
    ]);
    expect(dry.plan.bind).toHaveLength(6);
    // a dry run writes nothing
    expect(await Employee.countDocuments({})).toBe(4);
    expect((await emp(bob.email))?.active).toBe(true);
    // paging ran: 5 Slack members in pages of 2
    expect(standIn.state.hits.get('/api/users.list')).toBe(3);

    const done = await syncDirectory(sync, { dryRun: false, force: false, now: NOW });
    expect(done).toMatchObject({ applied: true, failed: [] });

    const carol = await emp('carol@demo.example');
    expect(carol).toMatchObject({ name: 'Carol', department: 'Sales', active: true });
    expect(String(carol?.managerId)).toBe(String(li._id));
    expect(await emp('new.person@demo.example')).toMatchObject({ timezone: 'Europe/Berlin' });
    const movedAlice = await emp(alice.email);
    expect(movedAlice?.department).toBe('Sales');
    expect(String(movedAlice?.managerId)).toBe(String(li._id));
    expect((await emp(csvOnly.email))?.active).toBe(true);
    const accounts = await Identity.find({}).lean();
    expect(accounts.map((a) => `${a.platform}:${a.teamId}:${a.userId}`).sort()).toEqual([
      `lark:${TENANT}:ou_alice`,
      `lark:${TENANT}:ou_carol`,
      `lark:${TENANT}:ou_li`,
      `slack:${TEAM}:U_ALICE`,
      `slack:${TEAM}:U_BOB`,
      `slack:${TEAM}:U_LI`,
      `slack:${TEAM}:U_NEW`,
    ]);

    // Bob left: his approval waits for his manager now, his customer is in the pool with a note
    expect((await emp(bob.email))?.active).toBe(false);
    const handed = await ApprovalRequest.findById(request._id).lean();
    expect(handed?.waitingFor.map(String)).toEqual([String(li._id)]);
    expect(handed?.history.at(-1)).toMatchObject({ action: 'transferred' });
    const pooled = await Customer.findById(customer.customer._id).lean();
    expect(pooled?.ownerId).toBeNull();
    const note = await FollowUp.findOne({ customerId: customer.customer._id, kind: 'returned' }).lean();
    expect(note?.note).toMatch(/owner left the company/);

    // a second run finds nothing to do
    const again = await syncDirectory(sync, { dryRun: false, force: false, now: NOW });
    expect(again.plan).toMatchObject({ create: [], update: [], bind: [], deactivate: [] });
  });

  it('refuses to deactivate more than a fifth of the company unless forced', async () => {
    // Lark answers with nobody resigned, Slack now lists only Li: everyone else bound to Slack looks gone
    standIn.state.larkUsers = new Map();
    standIn.state.larkDepartments = [];
    standIn.state.slack = [slackMember('U_LI', 'li.wei@demo.example', '李伟')];
    const before = await Employee.countDocuments({ active: true });

    const refused = await syncDirectory(sync, { dryRun: false, force: false, now: NOW });
    expect(refused.applied).toBe(false);
    expect(refused.refused).toEqual({ leaving: 2, active: before });
    expect(await Employee.countDocuments({ active: true })).toBe(before);

    const forced = await syncDirectory(sync, { dryRun: false, force: true, now: NOW });
    expect(forced.applied).toBe(true);
    expect(await Employee.countDocuments({ active: true })).toBe(before - 2);
  });

  it('stops without writing when a platform refuses the listing', async () => {
    standIn.state.slackError = 'invalid_auth';
    const before = await Employee.find({}).lean();
    await expect(syncDirectory(sync, { dryRun: false, force: true, now: NOW })).rejects.toThrow(
      /invalid_auth/,
    );
    expect(await Employee.find({}).lean()).toEqual(before);
    standIn.state.slackError = null;
  });
});
