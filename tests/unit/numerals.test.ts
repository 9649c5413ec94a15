import { describe, expect, it } from 'vitest';
import { readHanNumber, readNumber } from '../../src/bot/dates/numerals.js';
import { takeAmount } from '../../src/bot/slots.js';

describe('numbers as people write them', () => {
  it.each([
    ['三百', 300],
    ['三百五', 350],
    ['两千五', 2500],
    ['一千二百五十', 1250],
    ['一万二', 12000],
    ['三万', 30000],
    ['十五', 15],
    ['一百零八', 108],
  ])('%s = %d', (text, n) => expect(readHanNumber(text)).toBe(n));

  it('reads date numerals too', () => {
    expect(readNumber('二十三')).toBe(23);
    expect(readNumber('twelve')).toBe(12);
    expect(readHanNumber('abc')).toBeNull();
  });

  it('amounts with their currency, in figures or in Chinese', () => {
    expect(takeAmount('打车 58 元 回公司')).toMatchObject({
      amount: 58,
      currency: 'CNY',
      rest: '打车 回公司',
    });
    expect(takeAmount('¥1,200 酒店')).toMatchObject({ amount: 1200, currency: 'CNY' });
    // a number that runs on is no amount (it was read as 1 and 1500.5)
    expect(takeAmount('1e3 USD meals')).toMatchObject({ amount: Number.NaN, written: '1e3' });
    expect(takeAmount('1500.5.5 meals')).toMatchObject({ amount: Number.NaN, written: '1500.5.5' });
    expect(takeAmount('lunch 320. ok')).toMatchObject({ amount: 320, written: '320' });
    expect(takeAmount('120 dollars for a cab')).toMatchObject({ amount: 120, currency: 'USD' });
    expect(takeAmount('三百块打车')).toMatchObject({ amount: 300, currency: 'CNY', rest: '打车' });
    // "一下" and "两个" are words, not amounts
    expect(takeAmount('帮我看一下')).toBeNull();
    expect(takeAmount('两个人吃饭')).toBeNull();
  });
});
