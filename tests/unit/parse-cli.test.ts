import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
/** The CLI as `npm run parse` runs it; stdin carries `input` (ignored when text is given). */
const cli = (args: string[], input = '') => {
  const pending = run(process.execPath, ['--import', 'tsx', 'src/parse-cli.ts', ...args]);
  pending.child.stdin?.end(input);
  return pending;
};

describe('npm run parse', () => {
  it('prints one parse as JSON', async () => {
    const { stdout } = await cli([
      '--now',
      '2026-12-01T09:00',
      '--tz',
      'America/Los_Angeles',
      '帮助',
      '请假',
    ]);
    expect(JSON.parse(stdout)).toEqual({ intent: 'help', args: { topic: '请假' }, confirm: false });
  });

  it('reads one sentence per line from stdin', async () => {
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

  it('refuses an unknown timezone', async () => {
    await expect(cli(['--tz', 'Mars/Base', 'help'])).rejects.toMatchObject({ code: 2 });
  });

  it("reads amounts without a currency in the asker's default, CNY unless told", async () => {
    const currencyOf = async (args: string[]) =>
      JSON.parse((await cli([...args, 'expense 30 taxi to the airport'])).stdout).args.currency;
    expect(await currencyOf([])).toBe('CNY');
    expect(await currencyOf(['--currency', 'usd'])).toBe('USD');
    await expect(cli(['--currency', 'RMB', 'help'])).rejects.toMatchObject({ code: 2 });
  });
});
