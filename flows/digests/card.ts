import { DateTime } from 'luxon';
import type { DigestSection, Reader } from '../../src/bot/digest.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card } from '../../src/bot/types.js';
import { t } from './text.js';

/** Lines per section and buttons per card: a digest is read on a phone, the rest is a command away. */
const LINES = 8;
const BUTTONS = 10;

/** One card with the sections that apply, in a fixed order; null when there is nothing to say. */
export function digestCard(reader: Reader, sections: DigestSection[]): Card | null {
  if (sections.length === 0) return null;
  const { locale } = reader;
  const day = DateTime.fromISO(reader.date, { locale: locale === 'en' ? 'en' : 'zh-CN' });
  return {
    title: tr(locale, t.title, { name: reader.name }),
    subtitle: day.toFormat(locale === 'en' ? 'cccc, d LLLL' : 'M月d日 cccc'),
    fields: sections.map((s) => {
      const shown = s.lines.slice(0, LINES);
      if (s.lines.length > LINES) shown.push(tr(locale, t.more, { n: s.lines.length - LINES }));
      return [s.title, shown.join('\n')];
    }),
    status: 'info',
    actions: sections.flatMap((s) => s.buttons ?? []).slice(0, BUTTONS),
  };
}
