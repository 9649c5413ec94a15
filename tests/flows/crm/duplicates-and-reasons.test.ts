import { describe, expect, it } from 'vitest';
import {
  coreNameOf,
  duplicateKeysOf,
  emailKeyOf,
  matchOf,
  phoneKeyOf,
} from '../../../flows/crm/duplicates.js';
import { followUpDetails } from '../../../flows/crm/follow-up-details.js';
import { parseLostReason } from '../../../flows/crm/lost-reasons.js';
import { cadenceOf } from '../../../flows/crm/profile.js';

describe('duplicate keys', () => {
  it('fold legal forms, width, case, spaces and punctuation out of names', () => {
    expect(coreNameOf('华为技术有限公司')).toBe('华为技术');
    expect(coreNameOf('華為技術 股份有限公司')).toBe(coreNameOf('華為技術'));
    expect(coreNameOf('ＡＣＭＥ Co., Ltd.')).toBe('acme');
    expect(coreNameOf('Acme, Inc.')).toBe('acme');
    expect(coreNameOf('Acme Corporation')).toBe('acme');
    expect(coreNameOf('Acme Widgets')).not.toBe(coreNameOf('Acme'));
    // a company called only by its form has nothing left: no key, no false match
    expect(coreNameOf('有限公司')).toBe('');
  });

  it('phones by digits (+86 dropped), e-mails by case; short numbers are no key', () => {
    expect(phoneKeyOf('+86 138-0000-1234')).toBe('13800001234');
    expect(phoneKeyOf('0086 13800001234')).toBe('13800001234');
    expect(phoneKeyOf('（０２１）6888 1234')).toBe('02168881234');
    expect(phoneKeyOf('123')).toBe('');
    expect(emailKeyOf(' Jane@Acme.Example ')).toBe('jane@acme.example');
  });

  it('a match says why: the name before the phone before the e-mail; empty keys never match', () => {
    const a = duplicateKeysOf({ name: 'Acme Ltd', phone: '13800001234', email: 'a@x.example' });
    expect(matchOf(a, duplicateKeysOf({ name: 'ACME', phone: '1', email: 'a@x.example' }))).toBe('name');
    expect(matchOf(a, duplicateKeysOf({ name: 'Other', phone: '138 0000 1234' }))).toBe('phone');
    expect(matchOf(a, duplicateKeysOf({ name: 'Other', email: 'A@X.example' }))).toBe('email');
    expect(matchOf(duplicateKeysOf({ name: '有限公司' }), duplicateKeysOf({ name: '公司' }))).toBeNull();
  });
});

describe('lost reasons', () => {
  it('a reason from the list, labelled or not, glued or spaced, both languages', () => {
    expect(parseLostReason('原因 价格 对方嫌贵')).toEqual({ reason: 'price', note: '对方嫌贵' });
    expect(parseLostReason('预算取消')).toEqual({ reason: 'no_budget', note: '取消' });
    expect(parseLostReason('reason no budget this year')).toEqual({ reason: 'no_budget', note: 'this year' });
    expect(parseLostReason('Competitor, went with Globex')).toEqual({
      reason: 'competitor',
      note: 'went with Globex',
    });
    expect(parseLostReason('reason: not a fit')).toEqual({ reason: 'not_fit', note: '' });
    expect(parseLostReason('原因是价格太高')).toEqual({ reason: 'price', note: '太高' });
  });

  it('other text is the note of "other"; a word merely starting like a reason is not one', () => {
    expect(parseLostReason('客户搬走了')).toEqual({ reason: 'other', note: '客户搬走了' });
    expect(parseLostReason('pricey stuff')).toEqual({ reason: 'other', note: 'pricey stuff' });
    expect(parseLostReason('  ')).toBeNull();
    expect(parseLostReason('原因')).toBeNull();
  });
});

describe('follow-up details and cadence', () => {
  it('a visit keeps its place, a negotiation its price and next step; other channels neither', () => {
    expect(followUpDetails('演示 地点 南山园区', 'visit')).toEqual({ place: '南山园区' });
    expect(followUpDetails('annual deal price 120k next step send the contract', 'negotiation')).toEqual({
      price: '120k',
      nextStep: 'send the contract',
    });
    expect(followUpDetails('谈了年框 价格 12万，下一步下周发合同', 'negotiation')).toEqual({
      price: '12万',
      nextStep: '下周发合同',
    });
    expect(followUpDetails('价格 12万 地点 南山', 'call')).toEqual({});
  });

  it('average days between kept contacts, newest first, and days since the newest', () => {
    const d = (iso: string) => new Date(iso);
    const now = d('2026-12-10T00:00:00Z');
    expect(cadenceOf([], now)).toBeNull();
    expect(cadenceOf([d('2026-12-01T00:00:00Z')], now)).toEqual({ n: 1, avgDays: null, sinceDays: 9 });
    expect(
      cadenceOf([d('2026-12-07T00:00:00Z'), d('2026-12-03T00:00:00Z'), d('2026-11-25T00:00:00Z')], now),
    ).toEqual({ n: 3, avgDays: 6, sinceDays: 3 });
  });
});
