import { takeTimes } from '../../src/bot/dates/index.js';
import type { SentenceReader } from '../../src/bot/flow.js';
import type { MuteWhat } from './settings.js';

/**
 * Which switch a sentence is about: the digest, the reminders, or (naming neither, or both, or
 * "all notifications") everything.
 */
function whatOf(text: string): MuteWhat {
  const digests = /摘要|简报|日报|digest|summary|briefing/iu.test(text);
  const reminders = /提醒|催|reminder|nudge|ping/iu.test(text);
  return digests === reminders ? 'all' : digests ? 'digests' : 'reminders';
}

/** Free sentences read into the reminders flow's arguments. */
export const readers: Record<string, SentenceReader> = {
  'digests.mute': (text) => ({ args: { what: whatOf(text) } }),
  'digests.unmute': (text) => ({ args: { what: whatOf(text) } }),
  'digests.quiet'(text, ctx) {
    if (/默认|default|reset/iu.test(text)) return { args: { quiet: 'default' } };
    if (/关掉|关闭|取消|不要|不用|turn off|switch off|disable|no quiet|off/iu.test(text))
      return { args: { quiet: { start: '00:00', end: '00:00' } } };
    const times = takeTimes(text, { now: ctx.now });
    const [start, end] = times;
    if (start && end) return { args: { quiet: { start, end } } };
    return { args: { quiet: 'show' } };
  },
};
