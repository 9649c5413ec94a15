import type { Text } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';

/**
 * Carriers people name in one language and read in the other. International carriers (UPS,
 * DHL, FedEx) are written the same in both, so they are not listed; an unlisted carrier is shown
 * as typed.
 */
const CARRIERS: (Text & { also: string[] })[] = [
  { 'zh-CN': '顺丰', en: 'SF Express', also: ['顺丰速运', 'sf'] },
  { 'zh-CN': '京东物流', en: 'JD Logistics', also: ['京东', 'jd'] },
  { 'zh-CN': '中通', en: 'ZTO Express', also: ['中通快递', 'zto'] },
  { 'zh-CN': '圆通', en: 'YTO Express', also: ['圆通速递', 'yto'] },
  { 'zh-CN': '申通', en: 'STO Express', also: ['申通快递', 'sto'] },
  { 'zh-CN': '韵达', en: 'Yunda Express', also: ['韵达快递', 'yunda'] },
  { 'zh-CN': '德邦', en: 'Deppon', also: ['德邦物流', 'deppon'] },
  { 'zh-CN': '中国邮政', en: 'China Post', also: ['邮政'] },
];

const BY_NAME = new Map(
  CARRIERS.flatMap((c) => [c['zh-CN'], c.en, ...c.also].map((n) => [n.toLowerCase(), c] as const)),
);

/** "顺丰" → "SF Express" for English readers. */
export function carrierLabel(carrier: string, locale: Locale): string {
  const known = BY_NAME.get(carrier.trim().toLowerCase());
  return known ? known[locale] : carrier;
}

/** Written the same in both languages, so not in the table above, but still carriers. */
const INTERNATIONAL = ['DHL', 'UPS', 'FedEx', 'EMS', 'TNT', 'USPS'];
const ALL_NAMES = [...BY_NAME.keys(), ...INTERNATIONAL.map((n) => n.toLowerCase())].sort(
  (a, b) => b.length - a.length,
);

/** The first carrier a sentence names, as written ("中通", "DHL", "SF Express"), or null. */
export function findCarrier(text: string): { name: string; index: number } | null {
  const lower = text.toLowerCase();
  let best: { name: string; index: number } | null = null;
  for (const name of ALL_NAMES) {
    const index = /^[a-z ]+$/.test(name)
      ? (new RegExp(`(?<![a-z0-9])${name}(?![a-z0-9])`).exec(lower)?.index ?? -1)
      : lower.indexOf(name);
    // names are longest first, so at the same place the longer one stays
    if (index >= 0 && (!best || index < best.index))
      best = { name: text.slice(index, index + name.length), index };
  }
  return best;
}
