import type { Text } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';

/**
 * Units of measure a catalogue is written with, in both languages, with the other spellings
 * people import (`pcs`, `piece`…). A product keeps the unit as imported; cards show it in the
 * reader's language.
 */
const UNITS: (Text & { also?: string[] })[] = [
  { 'zh-CN': '台', en: 'units', also: ['unit'] },
  { 'zh-CN': '个', en: 'pcs', also: ['pc', 'piece', 'pieces', '件', '只'] },
  { 'zh-CN': '箱', en: 'cases', also: ['case', 'carton', 'cartons', 'ctn'] },
  { 'zh-CN': '盒', en: 'boxes', also: ['box'] },
  { 'zh-CN': '套', en: 'sets', also: ['set'] },
  { 'zh-CN': '包', en: 'packs', also: ['pack', 'pkg'] },
  { 'zh-CN': '卷', en: 'rolls', also: ['roll'] },
  { 'zh-CN': '张', en: 'sheets', also: ['sheet'] },
  { 'zh-CN': '瓶', en: 'bottles', also: ['bottle'] },
  { 'zh-CN': '袋', en: 'bags', also: ['bag'] },
  { 'zh-CN': '对', en: 'pairs', also: ['pair'] },
  { 'zh-CN': '米', en: 'm', also: ['meter', 'meters', 'metre', 'metres'] },
  { 'zh-CN': '千克', en: 'kg', also: ['公斤', 'kilogram', 'kilograms'] },
  { 'zh-CN': '升', en: 'L', also: ['l', 'litre', 'liter', 'litres', 'liters'] },
];

const BY_WORD = new Map(
  UNITS.flatMap((u) => [u['zh-CN'], u.en, ...(u.also ?? [])].map((w) => [w.toLowerCase(), u] as const)),
);

/** "台" → "units" for English readers; a unit not in the table is shown as imported. */
export function unitLabel(unit: string, locale: Locale): string {
  const known = BY_WORD.get(unit.trim().toLowerCase());
  return known ? known[locale] : unit;
}
