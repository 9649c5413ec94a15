import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { keywordPrefix, normalizeText } from '../../src/bot/normalize.js';
import { parseText } from '../../src/bot/parser.js';
import type { Locale } from '../../src/bot/types.js';

const commands = flows.flatMap((f) => f.commands);
const ctx = (locale: Locale) => ({
  locale,
  now: DateTime.fromISO('2026-11-28T10:00:00+08:00'),
  tz: 'Asia/Shanghai',
  currency: 'CNY',
});
const parse = (text: string, locale: Locale = 'en') => {
  const p = parseText(text, commands, ctx(locale));
  return p.ok ? { intent: p.command.intent, args: p.args } : { error: p.error, usage: p.usage };
};

describe('parseText', () => {
  it('recognises help in both languages, with and without a topic', () => {
    expect(parse('help')).toEqual({ intent: 'help', args: {} });
    expect(parse('帮助', 'zh-CN')).toEqual({ intent: 'help', args: {} });
    expect(parse('帮助 请假', 'zh-CN')).toEqual({ intent: 'help', args: { topic: '请假' } });
    expect(parse('help leave')).toEqual({ intent: 'help', args: { topic: 'leave' } });
    expect(parse('帮助请假', 'zh-CN')).toEqual({ intent: 'help', args: { topic: '请假' } });
  });

  it('is forgiving about case, full-width letters and spacing', () => {
    expect(parse('  HELP  ')).toEqual({ intent: 'help', args: {} });
    expect(parse('ｈｅｌｐ')).toEqual({ intent: 'help', args: {} });
    expect(parse('Who  am   I')).toEqual({ intent: 'org.whoami', args: {} });
  });

  it('needs a word boundary after an English keyword', () => {
    expect(keywordPrefix('helpful tips', 'help')).toBe(0);
    expect(keywordPrefix('help me', 'help')).toBe(4);
    expect(keywordPrefix('帮助我', '帮助')).toBe(2);
    expect(parse('helpful tips')).toMatchObject({ error: expect.stringContaining("didn't understand") });
  });

  it('answers unknown text with the closest commands as usage', () => {
    expect(parse('hlep')).toEqual({ error: 'I didn\'t understand "hlep".', usage: 'help [command]' });
    expect(parse('今天天气怎么样', 'zh-CN')).toEqual({
      error: '没看懂“今天天气怎么样”。',
      usage: '帮助 [命令]',
    });
  });

  it('reports a usage error for bad arguments in the person’s language', () => {
    expect(parse('whoami now')).toEqual({ error: 'This command takes no arguments.', usage: 'whoami' });
    expect(parse(`help ${'x'.repeat(50)}`)).toEqual({
      error: 'That command name is too long.',
      usage: 'help [command]',
    });
  });

  it('normalises ideographic spaces', () => {
    expect(normalizeText('帮助\u3000 请假')).toBe('帮助 请假');
  });
});
