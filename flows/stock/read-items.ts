import { readNumber } from '../../src/bot/dates/numerals.js';
import { cut } from '../../src/bot/slots.js';

/**
 * Products and quantities named anywhere in a sentence: "80 根网线", "5 台路由器和 2 台交换机",
 * "12 routers", "5 x SKU-2002", "SKU-3003 300 根", "路由器 5台", "SKU-1001x5@12". Products stay
 * as written (a SKU, a Chinese or English name): the handlers look them up in the catalogue.
 */
export type Mention = { product: string; qty: number; price?: number };

const ZH_UNIT = '台|个|根|箱|盒|套|包|卷|张|瓶|袋|对|米|件|只|条|支|把|部|组|片|份|桶|捆';
const EN_UNIT = 'units?|pcs|pc|pieces?|boxes|box|cases?|sets?|rolls?|packs?|pairs?|cartons?';
const UNIT = `(?:${ZH_UNIT}|(?:${EN_UNIT})(?![\\p{L}]))`;
const SKU = '[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+';
/** Read text is blanked out with a private-use character, so that positions hold. */
const BLANK = '\uE000';
/**
 * Digits, or a number word before a unit. A decimal or a number that runs on ("1e17", "5.5.5")
 * is read whole so that it can be refused, never taken as its first digits.
 */
const RUN_ON = String.raw`(?:[.eE][+-]?\d[\w.]*)?`;
const DIGITS = String.raw`(?<![A-Za-z0-9.\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?${RUN_ON}(?![A-Za-z0-9]*\d)`;
const WORDS = String.raw`[一二两三四五六七八九十]{1,3}|(?<![\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)(?![\p{L}])`;
/** A Chinese product name ends where a particle or verb starts ("网线给装修队", "摄像头的单"). */
const HAN_NAME = String.raw`[\p{Script=Han}]+?(?=[的了到给去放用在从来回和与及还都也就要进出入走发送拿领过着是为吧呢吗啊呀]|[^\p{Script=Han}]|$)`;
/** An English product: up to three words, stopping at a word that cannot be part of a name. */
const LATIN_WORD = String.raw`(?!(?:${stopList()})(?![\w-]))[A-Za-z][\w-]*`;
/** Words of a name are one space apart: a wider gap is where something was read out. */
const LATIN_NAME = `${LATIN_WORD}(?: ${LATIN_WORD}){0,2}`;

function stopList(): string {
  return [
    'to|into|from|for|in|on|at|of|with|by|and|or|are|is|was|were|be|been|came|come|comes|go|going|went',
    'back|out|off|per|each|that|which|this|these|those|please|pls|today|tomorrow|next|ship|shipped|deliver',
    'delivered|delivery|by|before|after|until|left|remaining|units?|pcs|more|so|we|they|it|them|now',
  ].join('|');
}

/** Document numbers look like SKUs but are not products. */
const DOC_NO = /^(?:SO|PO|TK|AP)-\d+$/i;
/** A SKU as people type it in a sentence: letters, a dash and a digit somewhere ("Wi-Fi" is not one). */
export const isSkuWord = (w: string) =>
  new RegExp(`^${SKU}$`).test(w) && /\d/.test(w) && !DOC_NO.test(w) && !/^\d/.test(w);

const PATTERNS: { re: RegExp; read(m: RegExpExecArray): Mention | null }[] = [
  // SKU-1001x5, SKU-1001x5@12.5 (the grammar's own line)
  {
    re: new RegExp(String.raw`(${SKU})\s*[x×*]\s*(\d+(?:\.\d+)?${RUN_ON})(?:\s*@\s*(\d+(?:\.\d+)?))?`, 'giu'),
    read: (m) => line(m[1], m[2], m[3]),
  },
  // 5 x SKU-2002, 100 个 SKU-1001, 60 units of SKU-1001, 25 more SKU-5005
  {
    re: new RegExp(
      String.raw`(${DIGITS}|${WORDS})\s*(?:${UNIT}\s*)?(?:[x×*]\s*|(?:of|more|extra|new)\s+)?(${SKU})`,
      'giu',
    ),
    read: (m) => line(m[2], m[1]),
  },
  // SKU-3003 300 根, SKU-5005 共 40 个, SKU-1001 x 8
  {
    re: new RegExp(String.raw`(${SKU})\s*(?:共|:|：)?\s*(${DIGITS})(?:\s*${UNIT})?`, 'giu'),
    read: (m) => line(m[1], m[2]),
  },
  // 80 根网线, 6 台摄像头, 两台交换机, 10 根 network cable; a Chinese name follows its unit
  // unspaced, so "路由器 5台 交换机 2台" reads as names before their quantities
  {
    re: new RegExp(
      String.raw`(${DIGITS}|${WORDS})\s*${UNIT}(?:(${HAN_NAME})|\s*(?:of\s+)?(${LATIN_NAME}))`,
      'giu',
    ),
    read: (m) => line(m[2] ?? m[3], m[1]),
  },
  // 12 routers, 3 cameras (digits or an English number word, then the name)
  {
    re: new RegExp(String.raw`(${DIGITS}|${WORDS})\s+(?:more\s+|extra\s+|new\s+)?(${LATIN_NAME})`, 'giu'),
    read: (m) => line(m[2], m[1]),
  },
  // "4 routers and a switch": an article counts as one only inside a list
  {
    re: new RegExp(String.raw`(?<=\band\s+)(a|an)\s+(${LATIN_NAME})`, 'giu'),
    read: (m) => line(m[2], '1'),
  },
  // 路由器 5台, 网线 460 根, 交换机x2
  {
    re: new RegExp(String.raw`([\p{Script=Han}]{2,8})\s*(?:[x×*]\s*)?(${DIGITS}|${WORDS})\s*${UNIT}`, 'giu'),
    read: (m) => line(m[1], m[2]),
  },
];

function line(written = '', qty = '', price?: string): Mention | null {
  const n = readQty(qty);
  // "要路由器 5台": a verb before or after a Chinese name is not part of it
  const product = written.replace(/^[要订买进拿领给和共]+|[要的了是有共]+$/gu, '');
  if (n === null || !product || DOC_NO.test(product) || isUnitWord(product)) return null;
  if (new RegExp(`^${SKU}$`).test(product) && !isSkuWord(product)) return null;
  return {
    product: isSkuWord(product) ? product.toUpperCase() : product,
    qty: n,
    ...(price ? { price: Number(price) } : {}),
  };
}

const isUnitWord = (w: string) => new RegExp(`^${UNIT}$`, 'iu').test(w);

/** NaN for digits that are no number ("1e17"): every caller refuses a quantity that is not whole. */
function readQty(token: string): number | null {
  const t = token.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d/.test(t)) return Number.NaN;
  return readNumber(t);
}

/**
 * Every product with its quantity, in the order written, and the text without them. A lone
 * SKU and a lone number elsewhere go together ("correct SKU-5005 to 19"); a quantity with no
 * product is returned with `product: ''` for the caller to fill from the sentence or ask.
 */
export function takeItems(text: string): { items: Mention[]; rest: string; span?: [number, number] } {
  let rest = text;
  const found: { at: number; item: Mention }[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    let m = re.exec(rest);
    while (m) {
      const item = read(m);
      if (item) {
        found.push({ at: m.index, item });
        rest = `${rest.slice(0, m.index)}${BLANK.repeat(m[0].length)}${rest.slice(m.index + m[0].length)}`;
      }
      re.lastIndex = m.index + Math.max(1, m[0].length);
      m = re.exec(rest);
    }
  }
  const items = found.sort((a, b) => a.at - b.at).map((f) => f.item);
  const span = spanOf(rest);
  let left = rest.replaceAll(BLANK, ' ').replace(/\s+/g, ' ').trim();
  const lone = takeLone(left);
  if (lone) {
    items.push(lone.item);
    left = lone.rest;
  }
  return { items, rest: left, ...(span && !lone ? { span } : {}) };
}

/** From the first to the end of the last product read: what precedes and follows is someone's name, a note. */
function spanOf(blanked: string): [number, number] | undefined {
  const first = blanked.indexOf(BLANK);
  return first < 0 ? undefined : [first, blanked.lastIndexOf(BLANK) + 1];
}

/** A SKU written apart from its quantity, or a quantity with a unit and no product. */
function takeLone(text: string): { item: Mention; rest: string } | null {
  const skus = [...text.matchAll(new RegExp(`(?<![\\w-])${SKU}(?![\\w-])`, 'gu'))].filter((m) =>
    isSkuWord(m[0]),
  );
  const numbers = [...text.matchAll(new RegExp(`(${DIGITS}|${WORDS})(\\s*${UNIT})?`, 'giu'))].filter(
    (m) => readQty(m[1] ?? '') !== null && (/\d/.test(m[1] ?? '') || m[2]),
  );
  const [sku] = skus;
  const [number] = numbers;
  if (skus.length > 1 || numbers.length !== 1 || !number) return null;
  const qty = readQty(number[1] ?? '') as number;
  let rest = cut(text, number.index ?? 0, number[0].length);
  if (sku) rest = rest.replace(sku[0], ' ').replace(/\s+/g, ' ').trim();
  else if (!number[2]) return null;
  return { item: { product: sku ? sku[0].toUpperCase() : '', qty }, rest };
}
