// `npm run parse -- [--now <ISO>] [--tz <zone>] [--currency <ISO 4217>] "<text>"`: prints what
// the bot would do with a
// message, as JSON — `{intent, args, confirm}`, `{intent, ask, question}`, `{error, usage}`,
// `{greeting}` or `{unknown, suggestions}`; with no text, each line of stdin. No database is
// touched: it is the parse, not the turn. A debugging aid and a stable contract. `--currency` is
// the asker's default for amounts written without one.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { flows } from '../flows/index.js';
import { DEFAULT_CURRENCY, isCurrency } from './bot/currency.js';
import { detectLocale } from './bot/i18n.js';
import { interpret, verdictOf } from './bot/nlu/interpret.js';
import { createUnderstander } from './bot/nlu/understand.js';
import { loadConfig } from './config.js';

const { values, positionals } = parseArgs({
  options: {
    now: { type: 'string' },
    tz: { type: 'string', default: 'Asia/Shanghai' },
    currency: { type: 'string', default: DEFAULT_CURRENCY },
  },
  allowPositionals: true,
});
const tz = values.tz ?? 'Asia/Shanghai';
if (!IANAZone.isValidZone(tz)) fail(`--tz ${tz} is not an IANA timezone`);
const now = values.now ? DateTime.fromISO(values.now, { zone: tz }) : DateTime.now().setZone(tz);
if (!now.isValid) fail(`--now ${values.now} is not an ISO date-time`);
const currency = (values.currency ?? DEFAULT_CURRENCY).toUpperCase();
if (!isCurrency(currency)) fail(`--currency ${values.currency} is not an ISO 4217 code`);
const commands = flows.flatMap((f) => f.commands);
const understander = await createUnderstander(flows, loadConfig().storeCacheDir);

async function parseLine(text: string): Promise<string> {
  const locale = detectLocale(text, 'zh-CN');
  return JSON.stringify(
    verdictOf(await interpret(text, commands, understander, { locale, now, tz, currency }), locale),
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (positionals.length > 0) {
  console.log(await parseLine(positionals.join(' ')));
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== '') console.log(await parseLine(line));
  }
}
