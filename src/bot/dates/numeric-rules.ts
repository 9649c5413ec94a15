import { clock, date, month, type Rule } from './rule-parts.js';

/** Written the same in both languages: 2026-12-03, 2026/12/3, 12/3, 09:05, 2026-11. */
export const SHARED_RULES: Rule[] = [
  { re: /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.])/g, read: (m) => date(m[3], m[2], m[1]) },
  { re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/g, read: (m) => date(m[2], m[1]) },
  { re: /(?<![\d/.-])(\d{4})[-/.](\d{1,2})(?![\d/.-])/g, read: (m) => month(m[2], m[1]) },
  { re: /(?<![\d:])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:])/g, read: (m) => clock(m[1], Number(m[2])) },
  { re: /(?<=\S\s?)[-–—](?=\s?\S)/g, read: () => ({ kind: 'to' }) },
];
