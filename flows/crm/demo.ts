import mongoose from 'mongoose';
import { Customer, STAGES } from '../../db/models/customer.js';
import { Employee } from '../../db/models/employee.js';
import { CHANNELS, FollowUp } from '../../db/models/follow-up.js';
import { recordAdded } from './bulk-added.js';
import { RECENT_LINES } from './history.js';
import { type CustomerInput, newCustomer } from './service.js';

const DAY = 86_400_000;
const CITIES = ['深圳', '上海', '北京', '广州', '杭州', '成都', '武汉', 'Singapore'];
const INDUSTRIES = ['通信', '制造', '零售', '金融', '医疗', '教育', '物流'];
const COMPANY = ['华信', '远航', '天合', '博雅', '金桥', '瑞丰', '恒通', '东岳', '卓越', '嘉禾'];
const KIND = ['科技', '制造', '商贸', '医疗'];
const PEOPLE = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵敏',
  '黄磊',
  '周婷',
  '吴刚',
  '徐丽',
  '孙浩',
];
const ENGLISH = [
  'Northwind Traders',
  'Contoso Ltd',
  'Fabrikam Inc',
  'Tailspin Toys',
  'Wide World Importers',
  'Litware',
  'Adventure Works',
  'Proseware',
];
const NOTES = [
  '介绍了产品方案',
  '确认了预算',
  '发送了报价单',
  '客户要求演示',
  '讨论合同条款',
  'sent the price list',
  'demo went well',
];
const SOURCES = ['展会', '转介绍', '官网', 'cold call'];
const OWNERS = ['zhang.min', 'alice.chen', 'wang.fang', null];

/**
 * About 60 customers spread over cities, industries, ages and stages, owned by the sales team or
 * in the pool, each owned one with a few follow-ups and a next date (some due, some overdue), so
 * analytics, "my customers" and digests look real. Deterministic: the same every seed.
 */
export async function seedDemoCustomers(now: Date): Promise<void> {
  const emails = OWNERS.flatMap((o) => (o ? [`${o}@demo.example`] : []));
  const staff = await Employee.find({ email: { $in: emails } }, { email: 1 }).lean();
  const idOf = (user: string | null) =>
    user ? (staff.find((s) => s.email === `${user}@demo.example`)?._id ?? null) : null;
  const inputs: CustomerInput[] = [
    ...COMPANY.flatMap((c, i) => KIND.map((k, j) => ({ name: `${c}${k}`, i: i * 4 + j }))).map(
      ({ name, i }) => ({
        name,
        city: CITIES[i % CITIES.length],
        industry: INDUSTRIES[(i * 3) % INDUSTRIES.length],
        contact: PEOPLE[i % PEOPLE.length],
        source: SOURCES[i % SOURCES.length],
      }),
    ),
    ...PEOPLE.map((name, i) => ({
      name,
      city: CITIES[(i * 5) % CITIES.length],
      age: 22 + ((i * 7) % 45),
      source: '转介绍',
    })),
    ...ENGLISH.map((name, i) => ({
      name,
      city: ['Singapore', '上海', '深圳'][i % 3],
      industry: INDUSTRIES[i % 7],
    })),
  ];
  const customers = inputs.map((input, i) => {
    const owner = idOf(OWNERS[i % OWNERS.length] ?? null);
    const doc = newCustomer(
      { ...input, stage: STAGES[(i * 5) % STAGES.length] },
      owner,
      owner,
      new Date(now.getTime() - (i % 20) * DAY),
    );
    return { _id: new mongoose.Types.ObjectId(), ...doc };
  });
  const followUps = customers.flatMap((c, i) =>
    c.ownerId
      ? [3, 2, 1].slice(0, 1 + (i % 3)).map((back, k) => ({
          customerId: c._id,
          by: c.ownerId,
          at: new Date(now.getTime() - (back * 7 + (i % 5)) * DAY),
          channel: CHANNELS[(i + k) % 5],
          note: NOTES[(i + k) % NOTES.length],
        }))
      : [],
  );
  for (const c of customers) {
    const mine = followUps.filter((f) => f.customerId === c._id);
    const last = mine.at(-1)?.at ?? null;
    Object.assign(c, {
      recent: mine
        .map((f) => ({ at: f.at, by: f.by, kind: 'note', channel: f.channel, note: f.note }))
        .reverse()
        .slice(0, RECENT_LINES),
      contactTimes: mine.map((f) => f.at).reverse(),
      lastFollowUpAt: last,
      activeAt: last ?? c.activeAt,
      // next follow-ups from two days overdue to a week ahead
      nextFollowUpAt: c.ownerId ? new Date(now.getTime() + ((customers.indexOf(c) % 10) - 2) * DAY) : null,
    });
  }
  const inserted = await Customer.insertMany(customers);
  await FollowUp.insertMany(followUps);
  await recordAdded(
    inserted.map((d) => d.toObject()),
    now,
  );
}
