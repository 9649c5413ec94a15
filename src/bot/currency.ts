/** ISO 4217 codes the runtime knows (ICU's list): a default currency must be one of them. */
const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string): boolean => KNOWN.has(code);

/** Where nothing else is configured (`CURRENCY` in src/config.ts). */
export const DEFAULT_CURRENCY = 'CNY';
