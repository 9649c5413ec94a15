// `npm run parse -- [--now <ISO>] [--tz <zone>] [--currency <ISO 4217>] "<text>"`: prints what
// the bot would do with a
// message, as JSON — `{intent, args, confirm}`, `{intent, ask, question}`, `{error, usage}`,
// `{greeting}` or `{unknown, suggestions}`; with no text, each line of stdin. No database is
// touched: it is the parse, not the turn. A debugging aid and a stable contract. `--currency` is
// the asker's default for amounts written without one.
import { createInterface } from 'node:readline';
import { parseSentences } from './parse-sentences.js';

process.exitCode = await parseSentences(process.argv.slice(2), {
  lines: () => createInterface({ input: process.stdin }),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
