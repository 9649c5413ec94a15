import { defineCommand, type ParseContext, type ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { readDirectory } from '../org/api.js';
import { balanceCard, teamCard } from './cards.js';
import { readLeavePolicy } from './policy.js';
import { balancesFor, maySee } from './service.js';
import { t } from './text.js';

export type BalanceArgs = { who?: string; team?: boolean; year?: number };

const YEAR = /(?<![\d])(\d{4})\s*年?(?![\d])/u;
const TEAM = /团队|下属|手下|我们组|组里|组员|(?<![\p{L}])(?:my\s+)?(?:team|reports)(?![\p{L}])/iu;
const RELATIVE_YEAR: [RegExp, number][] = [
  [/去年|(?<![\p{L}])last\s+year(?![\p{L}])/iu, -1],
  [/明年|(?<![\p{L}])next\s+year(?![\p{L}])/iu, 1],
  [/今年|(?<![\p{L}])this\s+year(?![\p{L}])/iu, 0],
];

/** `假期余额 [姓名或邮箱|团队] [年份]`: whose, or the team's, and which year (this one by default). */
export function parseBalance(rest: string, ctx: ParseContext): ParseResult<BalanceArgs> {
  let text = rest;
  let year: number | undefined;
  const written = text.match(YEAR);
  if (written) {
    year = Number(written[1]);
    text = text.replace(written[0], ' ');
  }
  for (const [re, offset] of RELATIVE_YEAR) {
    if (!re.test(text)) continue;
    year ??= ctx.now.year + offset;
    text = text.replace(re, ' ');
  }
  const low = ctx.now.year - 10;
  const high = ctx.now.year + 1;
  if (year !== undefined && (year < low || year > high))
    return { problem: tr(ctx.locale, t.badYear, { year, from: low, to: high }) };
  const team = TEAM.test(text);
  // "for bob.smith@…", "王芳的": the person, without the little words around them
  const who = text
    .replace(TEAM, ' ')
    .replace(/^\s*(?:for|of)\s+|的\s*$/giu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { args: { ...(who ? { who } : {}), ...(team ? { team } : {}), ...(year ? { year } : {}) } };
}

export const balanceCommand = defineCommand<BalanceArgs>({
  intent: 'leave.balance',
  area: 'approvals',
  keywords: {
    'zh-CN': ['假期余额', '年假余额', '剩余假期', '余假'],
    en: ['leave balance', 'leave balances', 'time off balance', 'pto balance'],
  },
  summary: {
    'zh-CN': '还剩多少假：自己的；经理可查下属，人事和管理员可查任何人',
    en: 'How much leave is left: yours; managers their team’s, HR and admins anyone’s',
  },
  usage: { 'zh-CN': '假期余额 [姓名或邮箱|团队] [年份]', en: 'leave balance [name or e-mail|team] [year]' },
  examples: {
    'zh-CN': ['假期余额', '假期余额 团队', '假期余额 王芳 2026'],
    en: ['leave balance', 'leave balance team', 'leave balance bob.smith@demo.example last year'],
  },
  parse: parseBalance,
  async handle(ctx, args) {
    const today = ctx.now.toISODate() ?? '';
    const year = args.year ?? ctx.now.year;
    const org = await readDirectory();
    if (args.team && !args.who) {
      const policy = await readLeavePolicy();
      const rows = await Promise.all(
        org.reportsOf(ctx.person.id).map(async (e) => ({
          name: e.name,
          balances: (await balancesFor(String(e._id), year, today, policy)).balances,
        })),
      );
      ctx.reply({ card: teamCard(year, rows, policy, ctx.locale) });
      return;
    }
    const target = args.who
      ? args.who.includes('@')
        ? org.activeByEmail(args.who)
        : org.activeByName(args.who)
      : org.active(ctx.person.id);
    if (!target) {
      ctx.reply(tr(ctx.locale, t.notFound, { who: (args.who ?? '').slice(0, 40) }));
      return;
    }
    if (!(await maySee(ctx.person, String(target._id)))) {
      ctx.reply(tr(ctx.locale, t.notAllowed));
      return;
    }
    const { policy, balances } = await balancesFor(String(target._id), year, today);
    ctx.reply({ card: balanceCard(target.name, year, balances, policy, ctx.locale) });
  },
});

const EMAIL = /[^\s@，,]+@[^\s@，,]+\.[^\s@，,。？?]+/u;

/**
 * "我还有几天年假？", "how much PTO does bob.smith@demo.example have left this year": whose (an
 * e-mail; names need the grammar), the team's, and which year; every other word is the question.
 */
export function readBalance(text: string, ctx: ParseContext): ParseResult<BalanceArgs> {
  const email = text.match(EMAIL)?.[0];
  const parsed = parseBalance(
    [
      ...(text.match(YEAR) ?? []).slice(0, 1),
      ...RELATIVE_YEAR.flatMap(([re]) => text.match(re)?.[0] ?? []),
      TEAM.test(text) ? 'team' : '',
    ].join(' '),
    ctx,
  );
  if (!('args' in parsed)) return parsed;
  return { args: { ...parsed.args, ...(email ? { who: email } : {}) } };
}

export const balanceCommands = [balanceCommand];
