import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { CacheChange } from '../../../db/models/cache-change.js';
import { Employee } from '../../../db/models/employee.js';
import { REFRESH_EVERY_MS } from '../../../db/synced-cache.js';
import { applyApproval } from '../../../flows/approvals/effects.js';
import { createDirectory, readDirectory } from '../../../flows/org/directory.js';
import { employeesImport } from '../../../flows/org/import-employees.js';
import { importNow } from '../../../src/csv-import.js';

const importEmployeesCsv = (csv: string, now: Date) => importNow(employeesImport, csv, now);

import { employeeInput } from '../../../flows/org/schemas.js';
import {
  bindByEmail,
  bindIdentity,
  createEmployee,
  resolvePerson,
  unbindIdentity,
  updateEmployee,
} from '../../../flows/org/service.js';
import { createLogger } from '../../../src/logger.js';
import { useTestDb } from '../../helpers/db.js';
import { until } from '../../helpers/slack.js';

useTestDb();

const AT = new Date('2026-11-02T01:00:00Z');
const HEADER = 'name,email,department,manager_email,roles,locale,timezone';
const input = (email: string, extra: Record<string, unknown> = {}) =>
  employeeInput.parse({ name: email.split('@')[0], email, ...extra });
const slack = (userId: string) => ({ platform: 'slack' as const, teamId: 'T1', userId });

/** What every instance must answer within the bound: a refresh tick plus a reload's worth. */
const BOUND_MS = REFRESH_EVERY_MS * 3;

describe('the directory, write-through on this instance', () => {
  beforeAll(async () => {
    await createEmployee(input('boss@dir.example', { roles: ['employee', 'manager'] }), AT);
    await readDirectory(); // loaded: every write below must change what is in memory, at once
  });

  it('create, update and deactivate are seen at once', async () => {
    const doc = await createEmployee(input('new@dir.example', { managerEmail: 'boss@dir.example' }), AT);
    expect((await resolvePerson('web', 'local', 'new@dir.example'))?.id).toBe(String(doc._id));
    expect((await readDirectory()).reportsOf(String(doc.managerId)).map((e) => e.email)).toContain(
      'new@dir.example',
    );

    await updateEmployee('new@dir.example', { department: 'Ops', roles: ['employee', 'finance'] }, AT);
    const org = await readDirectory();
    expect(org.inDepartment('Ops').map((e) => e.email)).toEqual(['new@dir.example']);
    expect(org.withRole('finance').map((e) => e.email)).toEqual(['new@dir.example']);

    await updateEmployee('new@dir.example', { active: false }, AT);
    expect(await resolvePerson('web', 'local', 'new@dir.example')).toBeNull();
    expect((await readDirectory()).withRole('finance')).toEqual([]);
    // a name on an old request outlives the person
    expect((await readDirectory()).byId(doc._id)?.name).toBe('new');
  });

  it('an import, small or large, is seen at once', async () => {
    expect(
      await importEmployeesCsv(`${HEADER}\nImported,imp@dir.example,Sales,boss@dir.example,sales,,`, AT),
    ).toEqual({ ok: true, created: 1, updated: 0 });
    expect((await readDirectory()).activeByEmail('imp@dir.example')?.department).toBe('Sales');

    // past 100 rows the import makes everyone reload instead of announcing row by row
    const rows = Array.from({ length: 120 }, (_, i) => `Bulk ${i},bulk${i}@dir.example,Bulk,,,,`);
    expect(await importEmployeesCsv([HEADER, ...rows].join('\n'), AT)).toMatchObject({
      ok: true,
      created: 120,
    });
    expect((await readDirectory()).inDepartment('Bulk')).toHaveLength(120);
  });

  it('an approved onboarding creates someone the directory knows at once', async () => {
    const doc = {
      no: 'AP-9001',
      type: 'onboarding',
      requesterId: (await readDirectory()).activeByEmail('boss@dir.example')?._id,
      data: {
        name: 'Hire',
        email: 'hire@dir.example',
        department: 'Ops',
        managerEmail: 'boss@dir.example',
        startDate: '2026-11-01',
      },
      updatedAt: AT,
    } as unknown as ApprovalRequestDoc;
    await applyApproval(doc, '2026-11-02');
    expect((await resolvePerson('web', 'local', 'hire@dir.example'))?.name).toBe('Hire');
  });

  it('binding and unbinding accounts are seen at once', async () => {
    await createEmployee(input('acc@dir.example'), AT);
    expect(await resolvePerson('slack', 'T1', 'U-ACC')).toBeNull();
    await bindIdentity({ ...slack('U-ACC'), email: 'acc@dir.example' }, AT);
    expect((await resolvePerson('slack', 'T1', 'U-ACC'))?.email).toBe('acc@dir.example');
    expect(
      (await readDirectory()).accountsOf((await readDirectory()).activeByEmail('acc@dir.example')?._id ?? ''),
    ).toEqual([slack('U-ACC')]);

    expect(await unbindIdentity(slack('U-ACC'), AT)).toBe(true);
    expect(await resolvePerson('slack', 'T1', 'U-ACC')).toBeNull();

    // a first message binds by e-mail; the next one resolves from memory
    expect((await bindByEmail('slack', 'T1', 'U-ACC2', 'acc@dir.example', AT))?.email).toBe(
      'acc@dir.example',
    );
    expect((await resolvePerson('slack', 'T1', 'U-ACC2'))?.email).toBe('acc@dir.example');
  });
});

describe('the directory across instances', () => {
  // a second app instance on the same database, refreshing on its own timer
  const other = createDirectory();
  beforeAll(async () => {
    await other.lifecycle.start(createLogger('silent'));
  });
  afterAll(async () => {
    await other.lifecycle.stop();
  });

  const seenByOther = (probe: (org: Awaited<ReturnType<typeof other.read>>) => boolean) =>
    until(async () => probe(await other.read()), BOUND_MS);

  it('sees a new employee, a change and a deactivation within the bound', async () => {
    await createEmployee(input('far@dir.example'), AT);
    await seenByOther((org) => org.activeByEmail('far@dir.example') !== undefined);

    await updateEmployee('far@dir.example', { department: 'Far' }, AT);
    await seenByOther((org) => org.inDepartment('Far').length === 1);

    await updateEmployee('far@dir.example', { active: false }, AT);
    await seenByOther((org) => org.activeByEmail('far@dir.example') === undefined);
  });

  it('sees accounts bound and unbound, and a large import, within the bound', async () => {
    await createEmployee(input('far2@dir.example'), AT);
    await bindIdentity({ ...slack('U-FAR'), email: 'far2@dir.example' }, AT);
    await seenByOther((org) => org.byAccount(slack('U-FAR'))?.email === 'far2@dir.example');
    await unbindIdentity(slack('U-FAR'), AT);
    await seenByOther((org) => org.byAccount(slack('U-FAR')) === undefined);

    const rows = Array.from({ length: 110 }, (_, i) => `Far ${i},far-bulk${i}@dir.example,FarBulk,,,,`);
    await importEmployeesCsv([HEADER, ...rows].join('\n'), AT);
    await seenByOther((org) => org.inDepartment('FarBulk').length === 110);
  });

  it('reloads when the changes it had not read yet were pruned', async () => {
    await other.lifecycle.stop(); // asleep: it reads nothing meanwhile
    await other.read();
    await createEmployee(input('pruned@dir.example'), AT);
    await CacheChange.deleteMany({});
    await other.refresh();
    expect((await other.read()).activeByEmail('pruned@dir.example')).toMatchObject({
      email: 'pruned@dir.example',
    });
    await other.lifecycle.start(createLogger('silent'));
  });

  it('leaves the collection alone while nothing is announced', async () => {
    // a write straight to the collection, announced nowhere, stays unseen until the hourly
    // full reload: catching up reads the feed, never the employees
    await Employee.create({ name: 'Ghost', email: 'ghost@dir.example' });
    await other.refresh();
    expect((await other.read()).activeByEmail('ghost@dir.example')).toBeUndefined();
  });
});
