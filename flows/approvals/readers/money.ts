import { cut, takeAmount } from '../../../src/bot/slots.js';
import { squash } from './clean.js';

/** A number not glued to a request number, SKU or decimal ("AP-1003", "SKU-2002"). */
const NUMBER = /(?<![A-Za-z\d.,-])(?:[¥$€£]\s*)?\d/gu;
/** What follows a number that is a count or a date, not money: "2 nights", "3号", "8点", "5人". */
const NOT_MONEY =
  /^(?:号|日|月|点|时|人|位|晚|个|年|天|次|张|台|%|x(?![\p{L}])|[:：.]\d|(?:nights?|people|persons?|pax|days?|hours?|pm|am|st|nd|rd|th|times?|tickets?)(?![\p{L}]))/iu;
/** A currency said apart from its amount: "USD 45", "一共 300，美元". */
const CURRENCY_WORD =
  /(?<![\p{L}])(USD|CNY|RMB|EUR|GBP|HKD|JPY|SGD)(?![\p{L}])|(美元|美金|欧元|英镑|港币|港元|日元|人民币)/iu;
const CURRENCY_OF: Record<string, string> = {
  rmb: 'CNY',
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  港币: 'HKD',
  港元: 'HKD',
  日元: 'JPY',
  人民币: 'CNY',
};

export type Money = { amount: number; currency?: string; rest: string };

/**
 * The sum of money in a sentence: one written with a currency first ("住了两晚 1,800 元"), else
 * the first number that is not a count or a date ("2 nights", "3号").
 */
export function takeMoney(text: string): Money | null {
  let plain: Money | null = null;
  for (const m of text.matchAll(NUMBER)) {
    const found = takeAmount(text.slice(m.index));
    if (found?.index !== 0) continue;
    const money = {
      amount: found.amount,
      currency: found.currency,
      rest: squash(`${text.slice(0, m.index)} ${found.rest}`),
    };
    if (found.currency) return money;
    const after = text.slice(m.index).replace(/^[¥$€£]?\s*\d[\d,]*(?:\.\d+)?\s*/u, '');
    if (!plain && !NOT_MONEY.test(after)) plain = money;
  }
  if (!plain) return null;
  const said = CURRENCY_WORD.exec(plain.rest);
  if (!said) return plain;
  const word = (said[1] ?? said[2] ?? '').toLowerCase();
  return {
    ...plain,
    currency: CURRENCY_OF[word] ?? word.toUpperCase(),
    rest: cut(plain.rest, said.index, said[0].length),
  };
}
