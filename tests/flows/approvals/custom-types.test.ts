import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { CacheChange } from '../../../db/models/cache-change.js';
import { buildType } from '../../../flows/approvals/custom-types/build-type.js';
import { checkDefinition, type Definition } from '../../../flows/approvals/custom-types/definition.js';
import { EXAMPLE_FILES } from '../../../flows/approvals/custom-types/examples.js';
import { customType, saveDefinition } from '../../../flows/approvals/custom-types/store.js';
import { requestType } from '../../../flows/approvals/requests/index.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const at = new Date('2026-12-02T02:00:00Z');
const now = DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' });
const zh = { locale: 'zh-CN' as const, now };
const en = { locale: 'en' as const, now };
const raw = (i: number) => JSON.parse(readFileSync(EXAMPLE_FILES[i] as URL, 'utf8'));
const anyone = { keywords: new Set<string>(), hasEmail: () => true };
const parse = (i: number) => {
  const checked = checkDefinition(raw(i), anyone);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.definition;
};

beforeAll(async () => {
  await seedDemoCompany(at);
});

describe('a definition checked', () => {
  it('accepts the examples and fills defaults (required, any-mode, no CC)', () => {
    const seal = parse(0);
    expect(seal.fields.map((f) => [f.name, f.required])).toEqual([
      ['seal', true],
      ['document', true],
      ['copies', true],
      ['purpose', false],
    ]);
    expect(seal.route.map((s) => s.mode)).toEqual(['any', 'any']);
  });

  it('names an unknown person, a taken keyword, and a condition on a text field, by path', () => {
    const def = raw(1);
    def.route[2].when.field = 'item';
    const checked = checkDefinition(def, {
      keywords: new Set(['purchase request']),
      hasEmail: (email) => email !== 'li.wei@demo.example',
    });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { path: 'route[3].approvers[0]', message: 'no active employee li.wei@demo.example' },
        { path: 'route[2].when.field', message: '"item" is not a number or amount field of this form' },
        { path: 'keywords.en[0]', message: '"purchase request" is already a command' },
      ],
    });
  });
});

describe('a definition as a request type', () => {
  const purchase = buildType(parse(1), 1);
  const seal = buildType(parse(0), 1);

  it('reads fields by name or label in either language, dates in the person’s zone', () => {
    expect(purchase.fromText('物品=显示器 quantity=2 Budget=3,000元 用途=新人 需要日期=下周一', zh)).toEqual({
      fields: { item: '显示器', quantity: '2', amount: 3000, reason: '新人', neededBy: '2026-12-07' },
    });
    expect(purchase.fromText('desks 4 1200 new office vendor=IKEA', en).fields).toEqual({
      item: 'desks',
      quantity: '4',
      amount: 1200,
      reason: 'new office',
      vendor: 'IKEA',
    });
  });

  it('refuses words it has no field for and dates it cannot read, rather than dropping them', () => {
    expect(seal.fromText('公章 合同 2 用于投标 documents', zh).fields.purpose).toBe('用于投标 documents');
    const noSpare = buildType({ ...parse(0), fields: parse(0).fields.slice(0, 3) }, 1);
    expect(noSpare.fromText('公章 合同 2 多余', zh)).toEqual({
      fields: {},
      problem: '不知道“多余”该填哪一项，请写成 字段=值。',
    });
    expect(purchase.fromText('椅子 1 100 会议室 需要日期=到明年', zh).problem).toBe(
      '“明年”不是具体的一天，请写日期，如 12月3日、下周一。',
    );
    expect(purchase.fromText('chairs 1 100 room neededBy=someday', en).problem).toMatch(/"someday"/);
  });

  it('routes by thresholds: finance over 5000, the general manager over 50000', () => {
    const steps = (amount: number) => purchase.route?.({ amount }).steps.map((s) => s.name);
    expect(steps(5000)).toEqual(['manager', 'department head']);
    expect(steps(5000.01)).toEqual(['manager', 'department head', 'finance']);
    expect(steps(60000)).toEqual(['manager', 'department head', 'finance', 'general manager']);
    expect(purchase.route?.({ amount: 1 }).cc).toEqual(['role:warehouse']);
  });

  it('checks with the same schema as built-ins, and describes in the reader’s language', () => {
    const schema = seal.schema(now, { currency: 'CNY' });
    expect(schema.safeParse({ seal: 'company', document: 'x', copies: '51' }).success).toBe(false);
    const data = schema.parse({ seal: 'legal-rep', document: 'NDA', copies: '3' });
    expect(data).toEqual({ seal: 'legal-rep', document: 'NDA', copies: 3, purpose: '' });
    expect(seal.describe(data, 'en')).toEqual([
      ['Seal', 'legal rep seal'],
      ['Document', 'NDA'],
      ['Copies', '3'],
    ]);
  });
});

describe('definitions stored', () => {
  const carUse = (label: string): Definition => ({
    ...parse(0),
    type: 'car-use',
    label: { 'zh-CN': label, en: 'Car use' },
    keywords: { 'zh-CN': ['用车'], en: ['car'] },
    route: [
      { name: 'manager', label: { 'zh-CN': '上级', en: 'manager' }, approvers: ['manager'], mode: 'any' },
    ],
    cc: [],
  });

  it('numbers versions, keeps the old ones readable, and announces each on the feed', async () => {
    expect(await saveDefinition(carUse('用车'), [], at)).toMatchObject({ ok: true, version: 1 });
    expect(await saveDefinition(carUse('用车'), [], at)).toMatchObject({ version: 1, unchanged: true });
    expect(await saveDefinition(carUse('公务用车'), [], at)).toMatchObject({ version: 2, unchanged: false });
    expect(requestType('car-use').label['zh-CN']).toBe('公务用车');
    expect(requestType('car-use', 1).label['zh-CN']).toBe('用车');
    const announced = await CacheChange.find({ _id: /^approval-types:/ }).lean();
    expect(announced.map((c) => c.key).sort()).toEqual(['car-use:1', 'car-use:2']);
  });

  it('two different uploads at once get two versions, not one overwriting the other', async () => {
    const results = await Promise.all([
      saveDefinition(carUse('甲'), [], at),
      saveDefinition(carUse('乙'), [], at),
    ]);
    expect(results.map((r) => (r.ok ? r.version : 0)).sort()).toEqual([3, 4]);
    expect(
      [customType('car-use', 3)?.label['zh-CN'], customType('car-use', 4)?.label['zh-CN']].sort(),
    ).toEqual(['乙', '甲']);
  });
});
