import { z } from 'zod';
import { ageBandOf } from '../../db/models/customer.js';
import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { plainName } from '../../src/plain-text.js';
import type { CustomerInput } from './service.js';
import { isAgeBand, STAGE_WORDS } from './words.js';

/**
 * Grammar of "新客户 …" / "new customer …":
 *   <name> [<city>] [<industry>] [联系人|contact <person>] [<phone>] [<e-mail>]
 *   [年龄|age <n>|<band>] [来源|source <src>] [标签|tags <a/b>] [阶段|stage <stage>]
 * With commas (, ， 、) each part is a segment, so names and contacts may hold spaces
 * ("new customer Acme Corp, Boston, retail, contact Jane Doe jane@acme.example"); without
 * commas every word is a part. Unlabelled parts are the city, then the industry.
 */
const KEYS: Record<string, 'contact' | 'age' | 'source' | 'tags' | 'stage'> = {
  联系人: 'contact',
  contact: 'contact',
  年龄: 'age',
  age: 'age',
  来源: 'source',
  source: 'source',
  标签: 'tags',
  tags: 'tags',
  tag: 'tags',
  阶段: 'stage',
  stage: 'stage',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d[\d-]{6,}$/;

export const customerSchema = z.object({
  name: plainName(80),
  city: z.string().max(40).optional(),
  industry: z.string().max(40).optional(),
  contact: z.string().max(40).optional(),
  phone: z.string().optional(),
  email: z.string().email().optional(),
  age: z.number().int().min(0).max(120).optional(),
  ageBand: z.string().optional(),
  source: z.string().max(40).optional(),
  stage: z.enum(['lead', 'contacted', 'qualified', 'proposal', 'won', 'lost']).optional(),
  tags: z.array(z.string().max(30)).max(10).optional(),
});

const problems = {
  name: { 'zh-CN': '请写上客户名称。', en: 'Give the customer name.' },
  extra: {
    'zh-CN': '看不懂“{word}”：城市和行业之后的内容请加上标签（联系人/来源/标签/阶段）。',
    en: 'Not sure what "{word}" is: after city and industry, label parts (contact/source/tags/stage), or separate parts with commas.',
  },
  age: { 'zh-CN': '年龄写数字或年龄段（如 35 或 25-34）。', en: 'Age is a number or a band (35, 25-34).' },
  stage: {
    'zh-CN': '阶段是：线索、已联系、有意向、方案、赢单、输单。',
    en: 'Stages: lead, contacted, qualified, proposal, won, lost.',
  },
  invalid: { 'zh-CN': '“{field}”不对：{message}', en: '"{field}" is not right: {message}' },
};

export function parseCustomer(rest: string, ctx: ParseContext): ParseResult<CustomerInput> {
  const segmented = /[,，、;；]/.test(rest);
  const segments = segmented
    ? rest
        .split(/[,，、;；]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : rest.split(/\s+/).filter(Boolean);
  const [name, ...parts] = segments;
  if (!name) return { problem: tr(ctx.locale, problems.name) };
  const out: Record<string, unknown> = { name };
  const free: string[] = [];
  const words = parts.flatMap((p, i) => p.split(/\s+/).map((w) => ({ w, seg: segmented ? i : 0 })));
  for (let i = 0; i < words.length; i++) {
    const { w, seg } = words[i] as { w: string; seg: number };
    const key = KEYS[w.toLowerCase()] ?? glued(w)?.key;
    if (EMAIL.test(w)) out.email = w;
    else if (PHONE.test(w)) out.phone = w;
    else if (/^\d{1,3}岁$/.test(w)) out.age = Number(w.slice(0, -1));
    else if (key) {
      // a label takes the rest of its segment (comma mode) or the next word
      const value: string[] = glued(w) ? [glued(w)?.value ?? ''] : [];
      while (words[i + 1] && (segmented ? words[i + 1]?.seg === seg : value.length === 0)) {
        const next = words[i + 1]?.w ?? '';
        if (EMAIL.test(next) || PHONE.test(next)) break;
        value.push(next);
        i++;
      }
      const problem = setLabelled(out, key, value.join(' '));
      if (problem) return { problem: tr(ctx.locale, problems[problem]) };
    } else free.push(segmented ? (parts[seg] ?? w) : w);
  }
  const unlabelled = [...new Set(free)];
  if (unlabelled.length > 2)
    return { problem: tr(ctx.locale, problems.extra, { word: unlabelled[2] ?? '' }) };
  [out.city, out.industry] = unlabelled;
  const parsed = customerSchema.safeParse(out);
  if (parsed.success) return { args: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    problem: tr(ctx.locale, problems.invalid, {
      field: String(issue?.path[0] ?? ''),
      message: issue?.message ?? '',
    }),
  };
}

/** "联系人张三": Chinese labels are often written without a space. */
function glued(word: string): { key: (typeof KEYS)[string]; value: string } | null {
  for (const [label, key] of Object.entries(KEYS))
    if (/\p{Script=Han}/u.test(label) && word.startsWith(label) && word.length > label.length)
      return { key, value: word.slice(label.length) };
  return null;
}

function setLabelled(out: Record<string, unknown>, key: string, value: string): 'age' | 'stage' | null {
  if (key === 'age') {
    if (/^\d{1,3}$/.test(value)) {
      out.age = Number(value);
      out.ageBand = ageBandOf(Number(value));
    } else if (isAgeBand(value)) out.ageBand = value;
    else return 'age';
  } else if (key === 'stage') {
    const stage = STAGE_WORDS[value.toLowerCase()];
    if (!stage) return 'stage';
    out.stage = stage;
  } else if (key === 'tags')
    out.tags = value
      .split(/[/|]/)
      .map((t) => t.trim())
      .filter(Boolean);
  else out[key] = value;
  return null;
}
