import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { cut } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import { onboarding } from '../requests/onboarding.js';
import type { RequestType } from '../requests/request-type.js';
import { clauses, squash, tidyClause } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';

/** Where the new hire's e-mail was: the name is said before it, the department often right after. */
const HIRE = '\uE001';
const EMAIL = /[^\s@,，:：;；()（）]+@[^\s@,，:：;；()（）]+\.[A-Za-z]{2,}/gu;
/** Said just before the manager's e-mail: "上级 …", "manager 是 …", "reporting to …". */
const MANAGER_LABEL =
  /(?:上级|直属上级|主管|经理|领导|汇报给|汇报对象|leader|manager|boss|supervisor|reports?\s+to|reporting\s+to|report\s+to)\s*(?:是|为|:|：|is)?\s*$/iu;
/** The manager named rather than e-mailed ("向王芳汇报", "reporting to Wang Fang"): asked for as an e-mail. */
const MANAGER_NAMED = [
  /向\s*\S{1,12}?\s*汇报|汇报给\s*\S{1,12}|(?:上级|直属上级|主管|领导)\s*(?:是|为)?\s*\p{Script=Han}{2,4}/u,
  /(?:reports?|reporting)\s+to\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?:manager|boss|supervisor)\s+(?:is\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/u,
  /(?:manager|boss|supervisor)\s*(?:是|为|is)?\s*\p{Script=Han}{2,4}/iu,
];
/** The department: "入职财务部", "department 是 Sales", "joins Support", "市场部". */
const UNIT = String.raw`\p{Script=Han}{1,8}?(?:事业部|部门|部|中心|团队|组)`;
const DEPARTMENT = [
  /(?:部门|department|dept)\s*(?:是|为|:|：|is)?\s*([^\s,，。;；]+)/iu,
  new RegExp(String.raw`(?:入职到?|加入|去|到|进)\s*(${UNIT})`, 'u'),
  /(?<![\p{L}])(?:joins?|joining|into|in\s+the|to\s+the)\s+([A-Z][\w&-]*)(?:\s+(?:team|department|dept))?/u,
  new RegExp(`(${UNIT})`, 'u'),
];
/** A clause that is only a department: "…, Engineering, manager …". */
const DEPARTMENT_ONLY = /^[A-Z][\w&-]*$/u;

/** Asking for onboarding, not who: "新员工", "帮我给…办一下入职", "please onboard", "start date". */
const NOISE = [
  /新招的?|招了个?|新来的|新员工|新同事|新人|新入职的?|实习生|同事|员工|帮我给|帮我|给|提交|一个|办理|办一下|办|入职流程|入职手续|入职|报到|到岗|来上班|上班|走|流程|邮箱|名叫|叫/gu,
  /\b(?:please|set\s+up|onboard(?:ing)?|new\s+hire|hire|kick\s+off|start(?:s|ing)?(?:\s+date)?(?:\s+on)?|joins?|joining|will|on|is|e-?mail|named|called)\b/giu,
];
const NAME = /^(?:\p{Script=Han}{2,4}|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})$/u;

/**
 * "新员工钱多多 qian.duoduo@demo.example 下周一入职财务部，上级 zhang.min@demo.example";
 * "Grace Liu joins Support next Monday, grace.liu@demo.example, reporting to wang.fang@demo.example".
 */
export function readOnboarding(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = onboarding as unknown as RequestType;
  const emails = [...text.matchAll(EMAIL)];
  const managerAt = emails.findIndex((m) =>
    MANAGER_LABEL.test(text.slice(Math.max(0, m.index - 20), m.index)),
  );
  const manager = emails[managerAt >= 0 ? managerAt : 1];
  const hire = emails.find((m) => m !== manager);
  // the name is said before the new hire's e-mail; the rest of the sentence holds the others
  let said = text;
  for (const m of [...emails].reverse())
    said = `${said.slice(0, m.index)}${m === hire ? ` ${HIRE} ` : ' '}${said.slice(m.index + m[0].length)}`;
  said = said.replace(new RegExp(MANAGER_LABEL.source.replace(/\$$/, ''), 'giu'), ' ');
  for (const re of MANAGER_NAMED) said = said.replace(re, ' ');
  const date = takeDate(said, ctx);
  if (date && isDateProblem(date)) return finishRequest(rt, dateRefused(date, ctx.locale), ctx, layout);
  if (date) said = date.rest;
  const department = readDepartment(said);
  if (department) said = department.rest;
  const beforeHire = said.split(HIRE)[0] ?? '';
  const name = clauses(beforeHire)
    .map((c) => nameIn(tidyClause(c, NOISE)))
    .filter(Boolean)
    .at(-1);
  return finishRequest(
    rt,
    {
      fields: {
        name,
        email: hire?.[0],
        department: department?.value,
        managerEmail: manager?.[0],
        startDate: date?.date,
      },
    },
    ctx,
    layout,
  );
}

/** A name as written: the whole clause once tidied, or a run of capitalised words in it. */
function nameIn(clause: string): string | undefined {
  if (NAME.test(clause)) return clause;
  return /(?<![\p{L}])[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,3}(?![\p{L}])/u.exec(clause)?.[0];
}

function readDepartment(text: string): { value: string; rest: string } | undefined {
  for (const re of DEPARTMENT) {
    const m = re.exec(text);
    if (m?.[1]) return { value: m[1], rest: cut(text, m.index, m[0].length) };
  }
  // as the grammar writes it: the one word right after the new hire's e-mail
  const next = new RegExp(`${HIRE}\\s*([^\\s,，。;；]+)\\s*(?=$|[,，。;；])`, 'u').exec(text);
  if (next?.[1]) return { value: next[1], rest: text.replace(next[1], ' ') };
  const only = clauses(text)
    .map((c) => squash(c.replace(HIRE, '')))
    .find((c) => DEPARTMENT_ONLY.test(c) && !NAME_WORDS.test(c));
  return only ? { value: only, rest: text.replace(only, ' ') } : undefined;
}

/** A lone capitalised word that is a greeting or request word, not a department. */
const NAME_WORDS = /^(?:Please|Onboard|Hi|Hey|Thanks)$/u;

/**
 * `入职 <name> <email> <department> <manager email> <date>`: an answer is appended where the
 * grammar expects it, so what would come after the asked field is left to be asked again — except
 * the date, which the grammar also reads between the e-mails.
 */
const ORDER = ['name', 'email', 'department', 'managerEmail'];
const layout: Layout = {
  pieces(f, missing) {
    const at = ORDER.indexOf(missing);
    const before = at < 0 ? ORDER : ORDER.slice(0, at);
    const dateStays = at < 0 || at >= ORDER.indexOf('department');
    return [
      ...before.map((field) => ({ field, text: String(f[field] ?? '') })),
      { field: 'startDate', text: dateStays ? String(f.startDate ?? '') : '' },
    ];
  },
  answers: (ctx) => ({
    name: ctx.locale === 'en' ? 'Dana Lee' : '刘洋',
    email: 'new.hire@example.com',
    department: 'Sales',
    managerEmail: 'manager@example.com',
    startDate: ctx.now.toISODate() ?? '',
  }),
};
