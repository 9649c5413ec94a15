// `npm run parse -- [--now <ISO>] [--tz <zone>] [--currency <ISO 4217>] "<text>"`: prints the
// parse as JSON; with no text, parses each line of stdin. A debugging aid and the parser's
// stable contract. `--currency` is the asker's default for amounts written without one.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { flows } from '../../flows/index.js';
import { DEFAULT_CURRENCY, isCurrency } from './currency.js';
import { detectLocale } from './i18n.js';
import { parseText } from './parser.js';

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
const currency = (values.currency ?? DEFAULT_CURRENCY).toUpperCase();
if (!isCurrency(currency)) fail(`--currency ${values.currency} is not an ISO 4217 code`);
const now = values.now ? DateTime.fromISO(values.now, { zone: tz }) : DateTime.now().setZone(tz);
if (!now.isValid) fail(`--now ${values.now} is not an ISO date-time`);
const commands = flows.flatMap((f) => f.commands);

function parseLine(text: string): string {
  const parsed = parseText(text, commands, { locale: detectLocale(text, 'zh-CN'), now, tz, currency });
  return JSON.stringify(
    parsed.ok
      ? { intent: parsed.command.intent, args: parsed.args }
      : { error: parsed.error, usage: parsed.usage },
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (positionals.length > 0) {
  console.log(parseLine(positionals.join(' ')));
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== '') console.log(parseLine(line));
  }
}
