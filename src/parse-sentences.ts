import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { flows } from '../flows/index.js';
import { DEFAULT_CURRENCY, isCurrency } from './bot/currency.js';
import { detectLocale } from './bot/i18n.js';
import { interpret, verdictOf } from './bot/nlu/interpret.js';
import { createUnderstander } from './bot/nlu/understand.js';
import { loadConfig } from './config.js';

type Io = {
  /** Opened only when `argv` carries no text (an open stdin would keep the process waiting): one sentence a line. */
  lines(): AsyncIterable<string>;
  out(line: string): void;
  err(line: string): void;
};

/**
 * `npm run parse` without its process (src/parse-cli.ts), so tests can run it in theirs: the
 * exit code is returned, every line printed goes through `io`.
 */
export async function parseSentences(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      now: { type: 'string' },
      tz: { type: 'string', default: 'Asia/Shanghai' },
      currency: { type: 'string', default: DEFAULT_CURRENCY },
    },
    allowPositionals: true,
  });
  const fail = (message: string) => {
    io.err(message);
    return 2;
  };
  const tz = values.tz ?? 'Asia/Shanghai';
  if (!IANAZone.isValidZone(tz)) return fail(`--tz ${tz} is not an IANA timezone`);
  const now = values.now ? DateTime.fromISO(values.now, { zone: tz }) : DateTime.now().setZone(tz);
  if (!now.isValid) return fail(`--now ${values.now} is not an ISO date-time`);
  const currency = (values.currency ?? DEFAULT_CURRENCY).toUpperCase();
  if (!isCurrency(currency)) return fail(`--currency ${values.currency} is not an ISO 4217 code`);
  const commands = flows.flatMap((f) => f.commands);
  const understander = await createUnderstander(flows, loadConfig().storeCacheDir);

  const parseLine = async (text: string) => {
    const locale = detectLocale(text, 'zh-CN');
    return JSON.stringify(
      verdictOf(await interpret(text, commands, understander, { locale, now, tz, currency }), locale),
    );
  };
  if (positionals.length > 0) {
    io.out(await parseLine(positionals.join(' ')));
    return 0;
  }
  for await (const line of io.lines()) if (line.trim() !== '') io.out(await parseLine(line));
  return 0;
}
