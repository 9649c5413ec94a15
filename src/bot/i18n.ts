import type { Locale } from './types.js';

/** A piece of bot copy in every supported language. */
export type Text = Record<Locale, string>;

/**
 * Picks the language and fills `{name}` placeholders.
 * @example tr('en', { 'zh-CN': '你好 {name}', en: 'Hi {name}' }, { name: 'Li' }) // 'Hi Li'
 */
export function tr(locale: Locale, text: Text, vars: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in vars ? String(vars[key]) : whole,
  );
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * The reply language follows what the person wrote: Chinese characters → Chinese, Latin letters
 * → English; text with neither (numbers, emoji) falls back to the person's own locale.
 */
export function detectLocale(text: string, fallback: Locale): Locale {
  if (HAN.test(text)) return 'zh-CN';
  if (LATIN.test(text)) return 'en';
  return fallback;
}

/** Core copy shared by every flow. */
export const coreText = {
  didntUnderstand: { 'zh-CN': '没看懂“{text}”。', en: 'I didn\'t understand "{text}".' },
  closest: { 'zh-CN': '你是不是想：', en: 'Did you mean:' },
  seeHelp: { 'zh-CN': '发送“帮助”查看全部命令。', en: 'Send "help" to see everything I can do.' },
  usage: { 'zh-CN': '用法：', en: 'Usage: ' },
  unknownUser: {
    'zh-CN': '还不认识你。请让管理员用你的工作邮箱把你加入通讯录（或导入员工名单）后再试。',
    en: "I don't know you yet. Ask an admin to add you with your work e-mail (or import the staff list), then try again.",
  },
  retryLater: {
    'zh-CN': '系统正忙，请稍后再试。',
    en: 'The service is busy — please try again in a moment.',
  },
  failed: {
    'zh-CN': '出错了，已记录（编号 {ref}）。请稍后再试。',
    en: 'Something went wrong; it has been logged (ref {ref}). Please try again later.',
  },
  unknownAction: { 'zh-CN': '这个按钮已失效。', en: 'This button is no longer valid.' },
  filesHeld: {
    'zh-CN': '收到 {n} 个文件。15 分钟内发送申请（如“报销 120 打车”）或“附件 AP-1001”即可附上。',
    en: 'Got {n} file(s). Within 15 minutes, send a request (e.g. "expense 120 taxi") or "attach AP-1001" to attach them.',
  },
  tooLong: {
    'zh-CN': '消息太长了（最多 {max} 字），没有处理。请分开发送，或只发命令。',
    en: 'That message is too long (at most {max} characters); nothing was done. Send the command on its own.',
  },
  openForm: { 'zh-CN': '填写表单', en: 'Open the form' },
  greeting: {
    'zh-CN': '你好，{name}！直接说要做什么就行，比如：',
    en: 'Hi {name}! Just tell me what you need, for example:',
  },
  suggestTitle: {
    'zh-CN': '没看懂“{text}”，是想做这些吗？',
    en: 'I didn\'t get "{text}". Did you mean one of these?',
  },
  examples: { 'zh-CN': '例如', en: 'e.g.' },
} satisfies Record<string, Text>;

/** Whole hours or days since `from`, as people say it: "just now" / "3h" / "2d" ("刚刚" / "3 小时" / "2 天"). */
export function ageText(from: Date, now: Date, locale: Locale): string {
  const hours = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 3_600_000));
  if (hours < 1) return locale === 'en' ? 'just now' : '刚刚';
  if (hours < 48) return locale === 'en' ? `${hours}h` : `${hours} 小时`;
  const days = Math.floor(hours / 24);
  return locale === 'en' ? `${days}d` : `${days} 天`;
}
