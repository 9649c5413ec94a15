import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { claimEvent } from '../../db/processed-events.js';
import { employeeInput } from '../../flows/org/schemas.js';
import { bindIdentity, createEmployee, resolvePerson, updateEmployee } from '../../flows/org/service.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

const input = (email: string, extra: Record<string, unknown> = {}) =>
  employeeInput.parse({ name: email.split('@')[0], email, ...extra });

describe('models on the embedded store', () => {
  it('creates, reads, updates and deletes', async () => {
    const doc = await Employee.create({ name: 'Ann', email: 'ANN@x.example', roles: ['employee', 'sales'] });
    expect(doc.email).toBe('ann@x.example');
    expect(await Employee.findOne({ email: 'ann@x.example' }).lean()).toMatchObject({
      name: 'Ann',
      locale: 'zh-CN',
    });
    await Employee.updateOne({ _id: doc._id }, { $set: { department: 'Sales' } });
    expect((await Employee.findById(doc._id).lean())?.department).toBe('Sales');
    await Employee.deleteOne({ _id: doc._id });
    expect(await Employee.countDocuments({ email: 'ann@x.example' })).toBe(0);
  });

  it('surfaces a duplicate e-mail as a friendly error and writes nothing', async () => {
    await createEmployee(input('dup@x.example'), TEST_START);
    await expect(createEmployee(input('DUP@x.example', { name: 'Other' }), TEST_START)).rejects.toMatchObject(
      {
        code: 'org.duplicate',
        userMessage: 'An employee with e-mail dup@x.example already exists.',
      },
    );
    expect(await Employee.countDocuments({ email: 'dup@x.example' })).toBe(1);
  });

  it('applies a guarded findOneAndUpdate only while the guard holds', async () => {
    const doc = await Employee.create({ name: 'G', email: 'guard@x.example' });
    const first = await Employee.findOneAndUpdate(
      { _id: doc._id, active: true },
      { $set: { active: false } },
      { returnDocument: 'after' },
    );
    const second = await Employee.findOneAndUpdate(
      { _id: doc._id, active: true },
      { $set: { active: false } },
    );
    expect(first?.active).toBe(false);
    expect(second).toBeNull();
  });

  it('binds one platform account to exactly one employee', async () => {
    await createEmployee(input('a@x.example'), TEST_START);
    await createEmployee(input('b@x.example'), TEST_START);
    const key = { platform: 'slack' as const, teamId: 'T1', userId: 'U1' };
    await bindIdentity({ ...key, email: 'a@x.example' }, TEST_START);
    await bindIdentity({ ...key, email: 'a@x.example' }, TEST_START); // idempotent
    await expect(bindIdentity({ ...key, email: 'b@x.example' }, TEST_START)).rejects.toMatchObject({
      code: 'org.identity_taken',
    });
    expect(await Identity.countDocuments(key)).toBe(1);
    expect((await resolvePerson('slack', 'T1', 'U1'))?.email).toBe('a@x.example');
    expect(await resolvePerson('slack', 'T1', 'U2')).toBeNull();
  });

  it('refuses a manager change that would make a reporting loop', async () => {
    await createEmployee(input('top@x.example'), TEST_START);
    await createEmployee(input('mid@x.example', { managerEmail: 'top@x.example' }), TEST_START);
    await expect(
      updateEmployee('top@x.example', { managerEmail: 'mid@x.example' }, TEST_START),
    ).rejects.toMatchObject({
      code: 'org.cycle',
    });
    expect((await Employee.findOne({ email: 'top@x.example' }).lean())?.managerId).toBeNull();
  });

  it('does not resolve a deactivated employee', async () => {
    await createEmployee(input('gone@x.example'), TEST_START);
    await updateEmployee('gone@x.example', { active: false }, TEST_START);
    expect(await resolvePerson('web', 'local', 'gone@x.example')).toBeNull();
  });

  // pruning old ids is the housekeeping job's (tests/flows/housekeeping/prune.test.ts), not a turn's
  it('claims a platform event once per platform', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    expect(await claimEvent('slack', 'Ev1', now)).not.toBeNull();
    expect(await claimEvent('slack', 'Ev1', now)).toBeNull();
    expect(await claimEvent('lark', 'Ev1', now)).not.toBeNull();
    expect(await ProcessedEvent.countDocuments({ eventId: 'Ev1' })).toBe(2);
  });
});
