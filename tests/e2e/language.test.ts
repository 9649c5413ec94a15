import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import type { Button, Card, Reply } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';

// Demo people: li.wei, zhang.min, chen.jie, zhou.qiang write Chinese (locale zh-CN); bob.smith
// (Los Angeles, USD) and alice.chen write English.
const app = useTestApp();
const { say, click, press, cards } = chatAs(app);

const soOf = (card: Card) => /SO-\d+/.exec(card.title)?.[0] ?? '';
const button = (card: Card, label: string | RegExp): Button => {
  const found = card.actions.find((b) =>
    typeof label === 'string' ? b.label === label : label.test(b.label),
  );
  if (!found) throw new Error(`no button ${label} on ${JSON.stringify(card.actions)}`);
  return found;
};

describe('replies follow the language typed', () => {
  it('digests: English asked by a Chinese reader is answered in English, and the other way round', async () => {
    for (const text of ['send my digest now', 'digest']) {
      const card = cardOf(await say('li.wei', text));
      expect(card.title).toBe('Good morning, 李伟 · your day');
      expect(card.fields.map(([label]) => label)).toContain('Waiting for your approval (oldest first)');
      expect(card.actions.every((b) => b.locale === 'en' && /^(Approve|Reject) AP-/.test(b.label))).toBe(
        true,
      );
    }
    const zh = cardOf(await say('bob.smith', '摘要'));
    expect(zh.title).toBe('早安，Bob Smith · 今日摘要');
    expect(zh.subtitle).toMatch(/^\d+月\d+日 星期/);
  });

  it('the profile card: roles, accounts and currency in the language typed', async () => {
    const en = cardOf(await say('li.wei', 'whoami'));
    expect(en.fields).toContainEqual(['Roles', 'employee, admin, manager']);
    expect(en.fields).toContainEqual(['Default currency', 'CNY (company default)']);
    const zh = cardOf(await say('bob.smith', '我是谁'));
    expect(zh.fields).toContainEqual(['角色', '员工']);
    expect(zh.fields).toContainEqual(['默认币种', 'USD']);
  });

  it('an expense from the Los Angeles employee defaults to his USD, others to the company CNY', async () => {
    const bob = cardOf(await say('bob.smith', 'expense 2000 travel flight to the Boston office'));
    expect(bob.fields).toContainEqual(['Amount', '2000.00 USD']);
    const zhang = cardOf(await say('zhang.min', 'expense 60 taxi to the airport'));
    expect(zhang.fields).toContainEqual(['Amount', '60.00 CNY']);
    expect(zhang.fields).toContainEqual(['Step', '1/1 manager']);
    const stored = await ApprovalRequest.findOne({ no: noOf(bob) }).lean();
    expect(stored?.data).toMatchObject({ amount: 2000, currency: 'USD' });
  });
});

describe('a click is answered in the language of the card it is on', () => {
  it('the "Complete" button of an English card, clicked by a Chinese-speaking owner, answers in English', async () => {
    const placed = cardOf(await say('zhang.min', 'order Contoso SKU-1001x1 deliver by Friday'));
    const no = soOf(placed);
    // the owner's copy: only Cancel (production is the warehouse's), in English
    expect(placed.actions.map((b) => b.locale)).toEqual(['en']);
    for (const [who, text] of [
      ['zhou.qiang', `order ${no} produce`],
      ['zhou.qiang', `order ${no} ship 顺丰 SF7788`],
      ['zhou.qiang', `order ${no} transit`],
      ['zhang.min', `order ${no} deliver`],
      ['zhang.min', `order ${no} install`],
    ] as const)
      expect(textOf(await say(who, text))).toMatch(new RegExp(`^${no} → `));

    const en = cardOf(await say('zhang.min', `order ${no}`));
    expect(en.fields).toContainEqual(['Shipping', 'SF Express SF7788']);
    expect(en.body).toMatch(/Ship · 周强 · SF Express SF7788/);
    const done = await press('zhang.min', button(en, 'Complete'));
    expect(textOf(done)).toBe(`${no} → completed.`);

    const zh = cardOf(await say('zhang.min', `订单 ${no}`));
    expect(zh.subtitle).toBe('已完成');
    expect(zh.fields).toContainEqual(['物流', '顺丰 SF7788']);
  });

  it('a Chinese card clicked by an English speaker answers in Chinese; an English one by a Chinese speaker in English', async () => {
    const zh = cardOf(await say('bob.smith', '帮助'));
    expect(cardOf(await press('bob.smith', button(zh, '个人'))).title).toBe('个人');
    const en = cardOf(await say('li.wei', 'help'));
    expect(cardOf(await press('li.wei', button(en, 'Me'))).title).toBe('Me');
  });

  it('buttons sent before they carried a language still answer, in the person’s own', async () => {
    expect(cardOf(await click('li.wei', 'help.topic', 'org')).title).toBe('个人');
    expect(cardOf(await click('bob.smith', 'help.topic', 'org')).title).toBe('Me');
  });

  it('notifications are written and marked in the recipient’s language, whatever the sender typed', async () => {
    const filed = cardOf(await say('bob.smith', 'expense 30 taxi airport run'));
    const no = noOf(filed);
    const copy = (await cards('chen.jie')).find((c) => c.title.includes(no)) as Card;
    expect(copy.title).toBe(`报销 ${no} · Bob Smith`);
    expect(copy.actions.slice(0, 2).map((b) => [b.label, b.locale])).toEqual([
      ['同意', 'zh-CN'],
      ['拒绝', 'zh-CN'],
    ]);
    expect(copy.actions.every((b) => b.locale === 'zh-CN' && !/[A-Za-z]/.test(b.label))).toBe(true);
    expect(textOf(await press('chen.jie', button(copy, '同意')))).toBe(`已同意 ${no}，审批完成。`);
  });
});

/**
 * Words of the product's own vocabulary (roles, steps, units, statuses, stages, carriers, half
 * days, hours…) that must not show on a card in the other language. Data people typed or
 * imported (names, departments, reasons) is not vocabulary and is left out of the lists.
 */
const ENGLISH_WORDS =
  /\b(manager|hiring manager|department head|target department head|employee|admin|HR|finance|units|pcs|SF Express|pending|approved|placed|in production|shipped|in transit|completed|lead|contacted|qualified|proposal|won|lost|pool|annual|travel|taxi|Step|Roles|Reorder level|company default|web chat)\b/;
const CHINESE_WORDS =
  /直属上级|部门负责人|调入部门负责人|用人经理|人事|财务|员工|经理|管理员|\d+ 台|顺丰|审批中|已通过|已下单|生产中|已发货|运输中|已完成|线索|已联系|有意向|方案|赢单|输单|公海|年假|差旅|交通|步骤|角色|安全库存|公司默认|小时/;

const texts = (card: Card) => [
  card.title,
  card.subtitle ?? '',
  ...card.fields.flat(),
  card.body ?? '',
  ...card.actions.map((b) => b.label),
];
const allCards = (replies: Reply[]) => replies.flatMap((r) => ('card' in r ? [r.card] : []));

describe('every word on a card is in the reader’s language', () => {
  it('cards asked for in Chinese carry no English vocabulary, by Chinese and English speakers alike', async () => {
    const asked: [string, string][] = [
      ['li.wei', '我是谁'],
      ['bob.smith', '我是谁'],
      ['zhang.min', '库存 SKU-1001'],
      ['bob.smith', '库存 SKU-1001'],
      ['zhang.min', '请假 下周一 年假 回老家'],
      ['bob.smith', '报销 2000 差旅 机票'],
      ['zhang.min', '入职 刘洋 liu.yang@demo.example Sales wang.fang@demo.example 下周一'],
      ['bob.smith', '调岗 Sales 客户经理 下周一'],
      ['li.wei', '客户分析 负责人'],
      ['zhang.min', '我的客户'],
      ['zhang.min', '我的订单'],
      ['li.wei', '待我审批'],
      ['bob.smith', '我的申请'],
    ];
    const shown: Card[] = [];
    for (const [who, text] of asked) shown.push(...allCards(await say(who, text)));
    shown.push(...(await cards('wang.fang')), ...(await cards('chen.jie')));
    const zhCards = shown.filter((c) => !c.actions.some((b) => b.locale === 'en'));
    expect(zhCards.length).toBeGreaterThan(asked.length);
    for (const card of zhCards) for (const text of texts(card)) expect(text).not.toMatch(ENGLISH_WORDS);

    const steps = shown.flatMap((c) => c.fields.filter(([label]) => label === '步骤').map(([, v]) => v));
    expect(steps).toEqual(
      expect.arrayContaining(['1/1 直属上级', '1/2 直属上级', '1/2 用人经理', '1/3 直属上级']),
    );
  });

  it('cards asked for in English carry no Chinese vocabulary, by English and Chinese speakers alike', async () => {
    const asked: [string, string][] = [
      ['li.wei', 'whoami'],
      ['bob.smith', 'whoami'],
      ['zhang.min', 'stock SKU-1001'],
      ['alice.chen', 'stock SKU-2002'],
      ['zhang.min', 'leave next monday annual family visit'],
      ['zhang.min', 'expense 2000 travel flights'],
      ['li.wei', 'onboarding Dana Lee dana.lee@demo.example Sales wang.fang@demo.example next monday'],
      ['zhang.min', 'transfer Engineering developer next monday'],
      ['li.wei', 'customer analytics by owner'],
      ['zhang.min', 'my customers'],
      ['zhang.min', 'my orders'],
      ['li.wei', 'pending'],
      ['zhang.min', 'my requests'],
    ];
    const shown: Card[] = [];
    for (const [who, text] of asked) shown.push(...allCards(await say(who, text)));
    shown.push(...(await cards('bob.smith')));
    const enCards = shown.filter((c) => !c.actions.some((b) => b.locale === 'zh-CN'));
    expect(enCards.length).toBeGreaterThan(asked.length);
    for (const card of enCards) for (const text of texts(card)) expect(text).not.toMatch(CHINESE_WORDS);

    const fields = shown.flatMap((c) => c.fields);
    expect(fields).toContainEqual(['Reorder level', '20 units']);
    expect(fields).toContainEqual(['Step', '1/2 hiring manager']);
    expect(fields).toContainEqual(['Step', '1/3 manager']);
  });
});
