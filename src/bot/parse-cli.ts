// `npm run parse -- [--now <ISO>] [--tz <zone>] "<text>"`: prints the parse as JSON; with no
// text, parses each line of stdin. A debugging aid and the parser's stable contract.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { flows } from '../../flows/index.js';
import { detectLocale } from './i18n.js';
import { parseText } from './parser.js';

const { values, positionals } = parseArgs({
  options: { now: { type: 'string' }, tz: { type: 'string', default: 'Asia/Shanghai' } },
  allowPositionals: true,
});
const tz = values.tz ?? 'Asia/Shanghai';
if (!IANAZone.isValidZone(tz)) fail(`--tz ${tz} is not an IANA timezone`);
const now = values.now ? DateTime.fromISO(values.now, { zone: tz }) : DateTime.now().setZone(tz);
if (!now.isValid) fail(`--now ${values.now} is not an ISO date-time`);
const commands = flows.flatMap((f) => f.commands);

function parseLine(text: string): string {
  const parsed = parseText(text, commands, { locale: detectLocale(text, 'zh-CN'), now, tz });
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
