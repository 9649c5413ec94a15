import { nameKeyOf } from '../../db/models/customer.js';

// company-form words that do not tell two customers apart: 华为技术有限公司 = 华为技术 = 華為技術
const LEGAL_FORMS =
  /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司|股份|\bco\.?,?\s*ltd\.?|\bcompany\b|\bcorporation\b|\bcorp\.?|\binc\.?|\bltd\.?|\bllc\b|\bgmbh\b|\blimited\b|\bco\.)/giu;

/**
 * A customer name folded for the duplicate check: width, case, spacing and punctuation gone, and
 * the legal form stripped. "ＡＣＭＥ Co., Ltd." and "Acme" fold alike; '' when nothing is left.
 */
export function coreNameOf(name: string): string {
  return nameKeyOf(name)
    .replace(LEGAL_FORMS, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Phone digits, a leading +86 / 0086 dropped; '' when too short to mean anyone (under 7 digits). */
export function phoneKeyOf(phone: string | null | undefined): string {
  const digits = (phone ?? '')
    .normalize('NFKC')
    .replace(/\D/g, '')
    .replace(/^(?:00)?86(?=1\d{10}$)/, '');
  return digits.length >= 7 ? digits : '';
}

export const emailKeyOf = (email: string | null | undefined): string =>
  (email ?? '').normalize('NFKC').trim().toLowerCase();

/** What a new customer is compared by. */
export type DuplicateKeys = { core: string; phone: string; email: string };

export const duplicateKeysOf = (c: {
  name: string;
  phone?: string | null;
  email?: string | null;
}): DuplicateKeys => ({ core: coreNameOf(c.name), phone: phoneKeyOf(c.phone), email: emailKeyOf(c.email) });

/** Why an existing customer looks like the new one: the same name, or only the same phone or e-mail. */
export type Match = 'name' | 'phone' | 'email';

export function matchOf(a: DuplicateKeys, b: DuplicateKeys): Match | null {
  if (a.core && a.core === b.core) return 'name';
  if (a.phone && a.phone === b.phone) return 'phone';
  if (a.email && a.email === b.email) return 'email';
  return null;
}
