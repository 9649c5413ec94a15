import { beforeEach, describe, expect, it } from 'vitest';
import { Employee } from '../../../db/models/employee.js';
import { DEMO_EMPLOYEES, seedDemoCompany } from '../../../flows/org/demo-company.js';
import { employeesImport } from '../../../flows/org/import-employees.js';
import { importNow } from '../../../src/csv-import.js';

const importEmployeesCsv = (csv: string, now: Date) => importNow(employeesImport, csv, now);

import { useTestDb } from '../../helpers/db.js';

useTestDb();
beforeEach(async () => {
  await Employee.deleteMany({});
});

const HEADER = 'name,email,department,manager_email,roles,locale,timezone';
const joined = new Date('2026-11-02T01:00:00Z');
const later = new Date('2026-12-01T01:00:00Z');

describe('importEmployeesCsv', () => {
  it('imports a team with managers inside the file, then updates on re-import', async () => {
    const csv = [
      HEADER,
      'Boss,boss@x.example,Ops,,manager;admin,en,Europe/Berlin',
      'Worker,worker@x.example,Ops,boss@x.example,warehouse,,',
    ].join('\n');
    expect(await importEmployeesCsv(csv, joined)).toEqual({ ok: true, created: 2, updated: 0 });
    const worker = await Employee.findOne({ email: 'worker@x.example' }).lean();
    const boss = await Employee.findOne({ email: 'boss@x.example' }).lean();
    expect(worker?.managerId?.equals(boss?._id)).toBe(true);
    expect(worker).toMatchObject({
      roles: ['employee', 'warehouse'],
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    });
    expect(boss).toMatchObject({ roles: ['employee', 'manager', 'admin'], timezone: 'Europe/Berlin' });

    const again = await importEmployeesCsv(
      `${HEADER}\nWorker Two,worker@x.example,Ops,boss@x.example,sales,,`,
      later,
    );
    expect(again).toEqual({ ok: true, created: 0, updated: 1 });
    expect(await Employee.countDocuments({})).toBe(2);
    // the day they joined is the first import's, on the caller's clock
    expect(await Employee.findOne({ email: 'worker@x.example' }).lean()).toMatchObject({
      name: 'Worker Two',
      createdAt: joined,
      updatedAt: later,
    });
  });

  it('imports a department of 180 in one file, and again as updates', async () => {
    const rows = Array.from({ length: 180 }, (_, i) => `Clerk ${i},clerk${i}@x.example,Shop,,,,`);
    const csv = [HEADER, ...rows].join('\n');
    expect(await importEmployeesCsv(csv, joined)).toEqual({ ok: true, created: 180, updated: 0 });
    expect(await importEmployeesCsv(csv, later)).toEqual({ ok: true, created: 0, updated: 180 });
    expect(await Employee.countDocuments({ department: 'Shop' })).toBe(180);
  }, 30_000);

  it('writes nothing when one row is bad, and says which rows and why', async () => {
    const csv = [
      HEADER,
      'Ok,ok@x.example,Ops,,,,',
      'Bad mail,not-an-email,Ops,,,,',
      'Bad role,r@x.example,Ops,,wizard,,',
      'Bad zone,z@x.example,Ops,,,,Mars/Base',
      'No boss,nb@x.example,Ops,ghost@x.example,,,',
      'Twice,ok@x.example,Ops,,,,',
    ].join('\n');
    const report = await importEmployeesCsv(csv, joined);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(report.errors[0]?.message).toMatch(/email is not a valid e-mail/);
    expect(report.errors[1]?.message).toMatch(/roles.*must be among/);
    expect(report.errors[2]?.message).toMatch(/timezone is not an IANA timezone/);
    expect(await Employee.countDocuments({})).toBe(0);

    const second = await importEmployeesCsv(
      [
        HEADER,
        'Ok,ok@x.example,,,,,',
        'No boss,nb@x.example,,ghost@x.example,,,',
        'Twice,ok@x.example,,,,,',
      ].join('\n'),
      joined,
    );
    expect(second).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'manager_email ghost@x.example is not an employee nor in this file' },
        { line: 4, message: 'email ok@x.example already appears on line 2' },
      ],
    });
    expect(await Employee.countDocuments({})).toBe(0);
  });

  it('refuses reporting loops, including through existing staff', async () => {
    await importEmployeesCsv(
      `${HEADER}\nTop,top@x.example,,,,,\nMid,mid@x.example,,top@x.example,,,`,
      joined,
    );
    const report = await importEmployeesCsv(`${HEADER}\nTop,top@x.example,,mid@x.example,,,`, joined);
    expect(report).toEqual({
      ok: false,
      errors: [{ line: 2, message: 'manager_email mid@x.example makes a reporting loop' }],
    });
    expect((await Employee.findOne({ email: 'top@x.example' }).lean())?.managerId).toBeNull();
  });

  it('rejects a wrong header or an empty file', async () => {
    expect(await importEmployeesCsv('', joined)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(await importEmployeesCsv('nom,courriel\nA,a@x.example', joined)).toMatchObject({
      ok: false,
      errors: [{ line: 1, message: expect.stringContaining('header must use') }],
    });
    expect(await importEmployeesCsv(HEADER, joined)).toMatchObject({ ok: false });
  });
});

describe('seedDemoCompany', () => {
  it('seeds an empty store once, with the reporting lines of the demo', async () => {
    expect(await seedDemoCompany(joined)).toBe(true);
    expect(await seedDemoCompany(joined)).toBe(false);
    expect(await Employee.countDocuments({})).toBe(DEMO_EMPLOYEES.length);
    const bob = await Employee.findOne({ email: 'bob.smith@demo.example' }).lean();
    const chen = await Employee.findOne({ email: 'chen.jie@demo.example' }).lean();
    expect(bob).toMatchObject({ locale: 'en', timezone: 'America/Los_Angeles' });
    expect(bob?.managerId?.equals(chen?._id)).toBe(true);
  });
});
