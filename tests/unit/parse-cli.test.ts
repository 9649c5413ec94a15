import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSentences } from '../../src/parse-sentences.js';

const run = promisify(execFile);
/** The CLI as `npm run parse` runs it, in its own process; stdin carries `input`. */
const cli = (args: string[], input = '') => {
  const pending = run(process.execPath, ['--import', 'tsx', 'src/parse-cli.ts', ...args]);
  pending.child.stdin?.end(input);
  return pending;
};

/** The same in this process (each process costs seconds): its exit code and what it printed. */
async function parse(args: string[], input: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await parseSentences(args, {
    lines: async function* () {
      yield* input;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.map((l) => JSON.parse(l)), err };
}

describe('npm run parse, as a process', () => {
  it('reads one sentence per line from stdin and prints one JSON line each', async () => {
    const { stdout } = await cli(
      ['--now', '2026-12-02T10:00'],
      "help\n\nwhoami extra\n我明天想请一天假\nwhat's waiting for my approval?\n",
    );
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { intent: 'help', args: {}, confirm: false },
      { intent: 'org.whoami', error: 'This command takes no arguments.', usage: 'whoami' },
      // natural sentences: what is missing is asked for; a read answers at once
      {
        intent: 'approvals.leave',
        ask: 'kind',
        question: '请什么假？年假、病假、事假、调休……',
      },
      { intent: 'approvals.pending', args: {}, confirm: false },
    ]);
  });

  it('exits with 2 and says why on an unknown timezone', async () => {
    await expect(cli(['--tz', 'Mars/Base', 'help'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--tz Mars/Base is not an IANA timezone'),
    });
  });
});

describe('npm run parse', () => {
  it('prints one parse as JSON', async () => {
    const { code, out } = await parse([
      '--now',
      '2026-12-01T09:00',
      '--tz',
      'America/Los_Angeles',
      '帮助',
      '请假',
    ]);
    expect(code).toBe(0);
    expect(out).toEqual([{ intent: 'help', args: { topic: '请假' }, confirm: false }]);
  });

  it('reads the lines given when no text is, skipping blank ones', async () => {
    const { out } = await parse(['--now', '2026-12-02T10:00'], ['help', '', '  ', 'whoami extra']);
    expect(out).toEqual([
      { intent: 'help', args: {}, confirm: false },
      { intent: 'org.whoami', error: 'This command takes no arguments.', usage: 'whoami' },
    ]);
  });

  it('refuses an unknown timezone or date-time, printing nothing', async () => {
    expect(await parse(['--tz', 'Mars/Base', 'help'])).toEqual({
      code: 2,
      out: [],
      err: ['--tz Mars/Base is not an IANA timezone'],
    });
    expect(await parse(['--now', 'tomorrow', 'help'])).toEqual({
      code: 2,
      out: [],
      err: ['--now tomorrow is not an ISO date-time'],
    });
  });

  it("reads amounts without a currency in the asker's default, CNY unless told", async () => {
    const now = ['--now', '2026-12-02T10:00'];
    const currencyOf = async (args: string[]) =>
      (await parse([...now, ...args, 'expense 30 taxi to the airport'])).out[0].args.currency;
    expect(await currencyOf([])).toBe('CNY');
    expect(await currencyOf(['--currency', 'usd'])).toBe('USD');
    expect(await parse([...now, '--currency', 'RMB', 'help'])).toEqual({
      code: 2,
      out: [],
      err: ['--currency RMB is not an ISO 4217 code'],
    });
  });
});
