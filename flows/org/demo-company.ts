import { Employee, type Role } from '../../db/models/employee.js';
import { importRows } from '../../src/csv-import.js';
import { employeesImport } from './import-employees.js';
import type { EmployeeInput } from './schemas.js';

const at = (user: string) => `${user}@demo.example`;

type Demo = Partial<EmployeeInput> & Pick<EmployeeInput, 'name' | 'email' | 'department' | 'roles'>;

/** The demo company the docs and tests use. Managers come before their reports. */
export const DEMO_EMPLOYEES: Demo[] = [
  { name: '李伟', email: at('li.wei'), department: '总经办', roles: ['admin', 'manager'] },
  {
    name: '王芳',
    email: at('wang.fang'),
    department: 'Sales',
    roles: ['sales', 'manager'],
    managerEmail: at('li.wei'),
  },
  {
    name: '张敏',
    email: at('zhang.min'),
    department: 'Sales',
    roles: ['sales'],
    managerEmail: at('wang.fang'),
  },
  {
    name: 'Alice Chen',
    email: at('alice.chen'),
    department: 'Sales',
    roles: ['sales'],
    managerEmail: at('wang.fang'),
    locale: 'en',
  },
  {
    name: '陈杰',
    email: at('chen.jie'),
    department: 'Engineering',
    roles: ['manager'],
    managerEmail: at('li.wei'),
  },
  {
    name: 'Bob Smith',
    email: at('bob.smith'),
    department: 'Engineering',
    roles: ['employee'],
    managerEmail: at('chen.jie'),
    locale: 'en',
    timezone: 'America/Los_Angeles',
    currency: 'USD',
  },
  {
    name: '赵磊',
    email: at('zhao.lei'),
    department: 'Finance',
    roles: ['finance'],
    managerEmail: at('li.wei'),
  },
  { name: '孙丽', email: at('sun.li'), department: 'HR', roles: ['hr'], managerEmail: at('li.wei') },
  {
    name: '周强',
    email: at('zhou.qiang'),
    department: 'Warehouse',
    roles: ['warehouse', 'manager'],
    managerEmail: at('li.wei'),
  },
  {
    name: '吴军',
    email: at('wu.jun'),
    department: 'Warehouse',
    roles: ['warehouse'],
    managerEmail: at('zhou.qiang'),
  },
];

/** Seeds the demo company into an empty store; a store with anyone in it is left alone. */
export async function seedDemoCompany(now: Date): Promise<boolean> {
  if (await Employee.exists({})) return false;
  const report = await importRows(
    employeesImport,
    DEMO_EMPLOYEES.map((e, i) => ({
      line: i + 1,
      value: {
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        managerEmail: null,
        ...e,
        roles: [...new Set<Role>(['employee', ...e.roles])],
      },
    })),
    now,
  );
  if (!report.ok) throw new Error(`demo seed is inconsistent: ${JSON.stringify(report.errors)}`);
  return true;
}
