import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, cut, joinClauses } from '../../src/bot/slots.js';
import type { MoveArgs } from './handlers.js';
import { fail, problems, quantity } from './parse.js';
import { isSkuWord, takeItems } from './read-items.js';
import type { ManualKind } from './service.js';

const asks = {
  product: { 'zh-CN': '哪个商品？请写 SKU 或商品名。', en: 'Which product? Give a SKU or its name.' },
  qty: { 'zh-CN': '数量是多少？', en: 'How many?' },
  oneProduct: {
    'zh-CN': '一次登记一个商品，请分开发送。',
    en: 'One product at a time, please: send them separately.',
  },
} satisfies Record<string, Text>;

/**
 * A warehouse as people name it: "主仓", "从南仓", "in Main", "to the Main warehouse", "the south
 * warehouse". "各仓" and "仓库" alone are not one.
 */
const WAREHOUSE = [
  /(?:从|在|放到?|进|入|到)?\s*((?![各每全入出一在回进到])\p{Script=Han}仓)(?:库)?(?:里|中)?/u,
  /(?:从|在|放到?|进|入|到)\s*([A-Z][\w-]*)(?![\w-])/u,
  /(?<![A-Za-z])(?:in|into|to|from|out of|at)\s+(?:the\s+)?([A-Z][\w-]*)(?:\s+warehouse)?(?![\w-])/u,
  /(?<![A-Za-z])(?:in|into|to|from|out of|at)?\s*(?:the\s+)?([A-Za-z][\w-]*)\s+warehouse(?![\w-])/iu,
];

export function takeWarehouse(text: string): { name: string; rest: string } | null {
  for (const re of WAREHOUSE) {
    const m = re.exec(text);
    if (m?.[1] && !isSkuWord(m[1])) return { name: m[1], rest: cut(text, m.index, m[0].length) };
  }
  return null;
}

/** Words that ask about stock rather than name the product ("还剩几台", "how many … left"). */
const ASKING =
  /(?:还)?有货|(?:各个?|每个|所有)仓库?都?|(?:现在|目前|当前)|(?:库存|存货)(?:量|情况)?(?:还有|有)?(?:多少)?|还(?:剩|有)(?:多少|几)?[台个根箱件套只条]?|剩(?:多少|几)[台个根箱件套只条]?|有(?:没有|多少|几)[台个根箱件套只条]?(?:货|库存)?|还?够不够用?|还?够用|多少|还有|查(?:一)?下|一下|查查|查一查|看(?:一)?下|看看|(?<![A-Za-z])(?:how (?:many|much)|do we (?:still )?have(?: left)?|are there(?: any)?|is there(?: any)?|(?:are|is) we out of|out of stock|in stock|(?:the )?stock(?: levels?)?(?: of| for)?|(?:the )?inventory(?: levels?)?(?: of| for)?|left|remaining|available|on hand|check|what'?s|any|still|we|have|got)(?![A-Za-z])/giu;

/** "还有多少路由器", "how many routers left?", "交换机还剩几台": the product as written. */
export function readQuery(text: string, ctx: ParseContext): ParseResult<{ query: string }> {
  const t = withoutCourtesy(text);
  const sku = t.split(/[\s,，?？]+/).find(isSkuWord);
  if (sku) return { args: { query: sku.toUpperCase() } };
  const place = takeWarehouse(t);
  const query = leftover((place?.rest ?? t).replace(ASKING, ' ')).replace(/的$/u, '');
  if (!query) return { problem: tr(ctx.locale, asks.product), ask: 'query', rest: '' };
  return { args: { query: query.slice(0, 100) } };
}

/** Words that only say which movement it is, by kind. */
const MOVE_WORDS: Record<ManualKind, RegExp> = {
  in: /入库|到货了?|到了|新进了?|进了|进货|收到了?|放进|放到|放入|放|登记(?:一下)?|记一下(?:库存)?|补货|上架|(?<![A-Za-z])(?:stock in|received|receive|add(?:ed)?|book(?:ed)?|put (?:them|it) (?:into|in)(?: stock)?|into stock|in stock|came in|arrived|in(?=\s*了))(?![A-Za-z])|了/giu,
  out: /出库|发(?:了|走|出)?|领(?:了|走)?|拿(?:了|走)?|取(?:了|走)?|借(?:了|走)?|用掉|出(?:了)?|(?<![A-Za-z])(?:stock out|take out|took|pulled|pull|deduct(?:ed)?|remove[ds]?|(?:are |is )?going(?: out)?(?: of)?|out of|from stock|ship(?:ped)? out|we)(?![A-Za-z])|了/giu,
  count:
    /盘点(?:结果)?|清点了?(?:一下)?|实盘(?:数)?|实际(?:有|是)?|盘下来(?:只有|有|是)?|只有|调整(?:一下)?|改成|改为|盘完|刚\s*count\s*完|(?<![A-Za-z])(?:stock count|cycle count(?: for)?|count(?:ed)?(?: for)?|after the|we (?:actually )?have|actually|came out at|is at|correct(?:ed)?|set(?: it)? to|adjust(?:ed)?|(?:that'?s )?what'?s on the shelf|on the shelf|stock ?take|has|have)(?![A-Za-z])|了/giu,
};

/**
 * "主仓新进 80 根网线", "从南仓领 4 台交换机去机房", "correct SKU-5005 to 19": the product as
 * written, the quantity, then the grammar's words: the warehouse (as `@name`, so the handler
 * never reads it as a note) and the note, if something is left to say.
 */
export function readMove(kind: ManualKind) {
  return (text: string, ctx: ParseContext): ParseResult<MoveArgs> => {
    let t = withoutCourtesy(text);
    const place = takeWarehouse(t);
    if (place) t = place.rest;
    const { items, rest } = takeItems(t.replace(MOVE_WORDS[kind], ' '));
    if (items.length > 1) return { problem: tr(ctx.locale, asks.oneProduct) };
    const at = place ? [`@${place.name}`] : [];
    const clauses = clausesOf(rest)
      .map((c) => leftover(c))
      .filter(hasContent);
    const [item] = items;
    // "路由器到了, 30 台": a quantity on its own and the product named elsewhere
    const product =
      item?.product || (clauses.length === 1 && isName(clauses[0]) ? clauses.shift()?.replace(SOME, '') : '');
    if (!product)
      return {
        problem: tr(ctx.locale, asks.product),
        ask: 'sku',
        rest: [...at, item?.qty ?? ''].join(' ').trim(),
      };
    if (!item) return { problem: tr(ctx.locale, asks.qty), ask: 'qty', rest: [product, ...at].join(' ') };
    const qty = quantity(String(item.qty), kind === 'count');
    if (qty === null) return fail(ctx.locale, kind === 'count' ? problems.count : problems.qty);
    const note = joinClauses(clauses).slice(0, 500);
    return { args: { sku: product, qty, words: [...at, ...(note ? note.split(' ') : [])] } };
  };
}

/** "一批网线", "some cables": how much is not said. */
const SOME = /^(?:一批|一些|一堆|(?:some|a batch of|a few|a couple of)\s+)/iu;

/** Short enough to be a product's name rather than a note ("路由器", "network cable"). */
const isName = (text: string | undefined) => !!text && text.length <= 12 && text.split(' ').length <= 3;
