import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { customerForm } from '../../../flows/crm/customer-form.js';
import { parseCustomer } from '../../../flows/crm/parse-customer.js';
import { parseFollowUp } from '../../../flows/crm/parse-follow-up.js';

const now = DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Asia/Shanghai' });
const zh = { locale: 'zh-CN' as const, now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en = { locale: 'en' as const, now, tz: 'Asia/Shanghai', currency: 'CNY' };

describe('customer grammar', () => {
  it('reads the Chinese example word by word', () => {
    expect(parseCustomer('华为 深圳 通信 联系人 张三 13800138000', zh)).toEqual({
      args: { name: '华为', city: '深圳', industry: '通信', contact: '张三', phone: '13800138000' },
    });
  });
  it('reads glued labels, ages, sources, tags and stages', () => {
    expect(parseCustomer('王建国 成都 35岁 来源 转介绍 标签 vip/老客户 阶段 意向', zh)).toEqual({
      args: {
        name: '王建国',
        city: '成都',
        age: 35,
        source: '转介绍',
        tags: ['vip', '老客户'],
        stage: 'qualified',
      },
    });
    expect(parseCustomer('李四 联系人李四 年龄 25-34', zh)).toMatchObject({
      args: { contact: '李四', ageBand: '25-34' },
    });
  });
  it('reads comma segments with spaces', () => {
    expect(parseCustomer('Acme Corp, New York, retail, contact Jane Doe jane@acme.example', en)).toEqual({
      args: {
        name: 'Acme Corp',
        city: 'New York',
        industry: 'retail',
        contact: 'Jane Doe',
        email: 'jane@acme.example',
      },
    });
  });
  it('says what is wrong', () => {
    expect(parseCustomer('', en)).toEqual({ problem: 'Give the customer name.' });
    expect(parseCustomer('Acme Boston retail extra', en)).toMatchObject({
      problem: expect.stringContaining('"extra"'),
    });
    expect(parseCustomer('Acme age old', en)).toMatchObject({
      problem: expect.stringContaining('Age is a number'),
    });
    expect(parseCustomer('Acme stage sleeping', en)).toMatchObject({
      problem: expect.stringContaining('Stages:'),
    });
  });
  it('the form checks the same fields', () => {
    expect(customerForm.parse({ name: 'Acme', age: '40', tags: 'a / b', email: '' }, en)).toEqual({
      args: { name: 'Acme', age: 40, ageBand: '35-44', tags: ['a', 'b'] },
    });
    expect(customerForm.parse({ name: '', email: 'nope' }, en)).toMatchObject({
      errors: { name: expect.any(String), email: expect.any(String) },
    });
  });
});

describe('follow-up grammar', () => {
  it('cuts the next date and stage out; the rest is customer + note', () => {
    expect(parseFollowUp('华为 电话 聊了报价 下次 周五 阶段 方案', zh)).toEqual({
      args: { body: '华为 电话 聊了报价', next: '2026-12-04', stage: 'proposal' },
    });
    expect(parseFollowUp('Acme Corp visit demo next tomorrow', en)).toEqual({
      args: { body: 'Acme Corp visit demo', next: '2026-12-02' },
    });
    expect(parseFollowUp('华为 微信 发资料 下次 今天', zh)).toMatchObject({ args: { next: '2026-12-01' } });
  });
  it('refuses an empty note, a past or unreadable date and an unknown stage', () => {
    expect(parseFollowUp('华为', zh)).toEqual({ problem: '请写上跟进内容。' });
    expect(parseFollowUp('', zh)).toMatchObject({ problem: expect.stringContaining('请写上客户') });
    expect(parseFollowUp('Acme call x next Nov 3 2026', en)).toEqual({
      problem: 'The next follow-up date 2026-11-03 is in the past.',
    });
    expect(parseFollowUp('Acme call x next blah', en)).toMatchObject({
      problem: expect.stringContaining('could not read'),
    });
    expect(parseFollowUp('Acme call x stage asleep', en)).toMatchObject({
      problem: expect.stringContaining('Stages:'),
    });
  });
});
