/**
 * Where a sentence names a company, read without the customer list (a sentence reader is pure and
 * fast; the handlers then look the name up, fuzzily, with a pick card when several match):
 * - Chinese: a name ending in a company word (华信科技, 远航制造, 天合商贸), starting after the
 *   verb or particle before it ("给远航制造打了电话", "拜访了金桥科技", "我要认领远航制造");
 * - Latin script: a run of capitalised words that are not ordinary sentence words (Contoso,
 *   Northwind Traders, Fabrikam Inc), anywhere, also inside Chinese ("和 Fabrikam 打了个 call").
 */
export type NameSpan = { name: string; index: number; length: number };

const COMPANY_WORDS =
  '有限公司|公司|集团|股份|控股|科技|制造|商贸|贸易|实业|医疗|医药|药业|地产|置业|传媒|文化|教育|水务|能源|电子|电器|' +
  '电气|光电|通信|通讯|软件|网络|智能|物流|航运|银行|保险|证券|投资|酒店|餐饮|食品|服饰|纺织|建设|建筑|建材|工程|' +
  '机械|汽车|化工|材料|环保|农业|生物|仪器|精密|工业|医院|诊所|学校|大学|研究院|事务所|工作室|咨询|广告|超市|百货';
const COMPANY = new RegExp(`(?:${COMPANY_WORDS})`, 'gu');

/** What cannot be part of a Chinese name: it ends the words before it ("给远航…", "我要认领…"). */
const BEFORE_NAME = /[给跟和与同帮替为向找把对是叫了的在到去见约从让被将请里说要我你他她们这那个]/u;
const LEAD_VERBS =
  /^(?:认领|领取|拜访|联系|看看|看下|查下|查查|查看|下单|放弃|退回|释放|新建|新增|录入|帮忙)+/u;

function hanCompany(text: string): NameSpan | null {
  COMPANY.lastIndex = 0;
  for (let m = COMPANY.exec(text); m; m = COMPANY.exec(text)) {
    let start = m.index;
    while (start > 0 && start > m.index - 6) {
      const ch = text.charAt(start - 1);
      if (!/\p{Script=Han}/u.test(ch) || BEFORE_NAME.test(ch)) break;
      start--;
    }
    const core = text.slice(start, m.index).replace(LEAD_VERBS, '');
    if (core.length < 2) continue;
    const index = m.index - core.length;
    const length = core.length + m[0].length;
    return { name: text.slice(index, index + length), index, length };
  }
  return null;
}

/** Capitalised words that begin sentences or name things other than companies. */
const NOT_NAMES = new Set(
  (
    "i i'm i've i'd we we're we've they they're he she it you please pls hi hey ok okay thanks " +
    "the a an our my their this that can could would will should shall may let let's what " +
    "what's which who how when where why is are was did do does had have has just also then so " +
    'and but tell show open pull find look log record note visited visit called call met meet ' +
    'sent send emailed email wechat drop put take claim release give giving create add new set ' +
    'raise file place book order cancel follow mark move ticket customer client account resolve ' +
    'close fix fixed yes no today tomorrow yesterday next last monday tuesday wednesday ' +
    'thursday friday saturday sunday mon tue wed thu fri sat sun january february march april ' +
    'june july august september october november december jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec sku po so ai crm erp vip'
  ).split(' '),
);

/** A word that may continue a Latin name once it has started ("Fabrikam Inc", "Acme Co."). */
const NAME_TAIL = /^(?:Inc\.?|Ltd\.?|Co\.?|LLC|Corp\.?|Group|GmbH|plc)$/;

function latinName(text: string): NameSpan | null {
  const words = [...text.matchAll(/[A-Za-z][\w&.'-]*/g)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as RegExpMatchArray;
    if (!isNameWord(w[0])) continue;
    let j = i;
    while (j + 1 < words.length) {
      const next = words[j + 1] as RegExpMatchArray;
      const between = text.slice((words[j]?.index ?? 0) + (words[j]?.[0].length ?? 0), next.index);
      if (!/^ $/.test(between) || !(isNameWord(next[0]) || NAME_TAIL.test(next[0]))) break;
      j++;
    }
    const last = words[j] as RegExpMatchArray;
    const index = w.index ?? 0;
    const written = text.slice(index, (last.index ?? 0) + last[0].length);
    // "Northwind's router": the name without its possessive, which goes with it
    const name = written.replace(/'s$/, '').replace(/[.']+$/, '');
    return { name, index, length: written.endsWith("'s") ? written.length : name.length };
  }
  return null;
}

/** Capitalised, not an ordinary word, not a document number or SKU (SO-1001, SKU-2002). */
function isNameWord(word: string): boolean {
  const bare = word.replace(/[.']+$/, '');
  return (
    /^[A-Z]/.test(bare) && !NOT_NAMES.has(bare.toLowerCase()) && !/\d/.test(bare) && !/^[A-Z]{2,}-/.test(bare)
  );
}

/**
 * The first company name in the text, Chinese or Latin, whichever comes first; failing that, a
 * short name where the sentence marks one ("跟华信聊了报价", "follow up with acme").
 */
export function findCustomerName(text: string): NameSpan | null {
  const found = [hanCompany(text), latinName(text)].filter((x): x is NameSpan => x !== null);
  return found.sort((a, b) => a.index - b.index)[0] ?? markedName(text);
}

const MARKER =
  /(?:给|跟|和|与|同|帮|替|为|拜访了?|认领|领取|放弃|(?<![A-Za-z])(?:with|visited|called|emailed|claim|release|drop|for|about)\s+)\s*/giu;
/** A short Chinese name ends where a verb or particle starts ("华信打了电话", "华信聊了报价"). */
const SHORT_HAN = /^[\p{Script=Han}]{2,6}?(?=[打聊谈沟开发回说见约签要下的那这了吧呢,，\s]|$)/u;

function markedName(text: string): NameSpan | null {
  for (const m of text.matchAll(MARKER)) {
    const index = (m.index ?? 0) + m[0].length;
    const after = text.slice(index);
    const han = SHORT_HAN.exec(after)?.[0];
    if (han && !BEFORE_NAME.test(han.charAt(0))) return { name: han, index, length: han.length };
    const latin = /^[A-Za-z][\w&.-]*/.exec(after)?.[0];
    if (latin && !NOT_NAMES.has(latin.toLowerCase())) return { name: latin, index, length: latin.length };
  }
  return null;
}
