import type { ImportJobDoc } from '../../db/models/import-job.js';
import { tr } from '../bot/i18n.js';
import type { Locale } from '../bot/types.js';

/** Problems listed in the chat message; the rest are in `GET /api/imports/<id>`. */
const LISTED = 10;

const text = {
  done: { 'zh-CN': '导入完成（{kind}）：{rows} 行', en: 'Import finished ({kind}): {rows} rows' },
  doneWithErrors: {
    'zh-CN': '导入完成（{kind}）：{rows} 行，{errors} 行有误',
    en: 'Import finished ({kind}): {rows} rows, {errors} with problems',
  },
  failed: {
    'zh-CN': '导入未完成（{kind}）：{errors} 处有误，已写入 {done} 行',
    en: 'Import not done ({kind}): {errors} problems, {done} rows written',
  },
  line: { 'zh-CN': '第 {line} 行：{message}', en: 'line {line}: {message}' },
  more: { 'zh-CN': '全部见 {href}', en: 'All of them: {href}' },
};

/** "导入完成（customers）：20,000 行，3 行有误" and the first problems, in the starter's language. */
export function importEnded(job: ImportJobDoc, locale: Locale): string {
  const number = (n: number) => n.toLocaleString('en-US');
  const vars = {
    kind: job.kind,
    rows: number(job.done),
    errors: number(job.errorCount),
    done: number(job.done),
  };
  const head = tr(
    locale,
    job.state === 'failed' ? text.failed : job.errorCount > 0 ? text.doneWithErrors : text.done,
    vars,
  );
  const lines = job.errors
    .slice(0, LISTED)
    .map((e) => tr(locale, text.line, { line: e.line, message: e.message }));
  if (job.errorCount > LISTED) lines.push(tr(locale, text.more, { href: `/api/imports/${job._id}` }));
  return [head, ...lines].join('\n');
}
