import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
/** The CLI as `npm run parse` runs it; stdin carries `input` (ignored when text is given). */
const cli = (args: string[], input = '') => {
  const pending = run(process.execPath, ['--import', 'tsx', 'src/bot/parse-cli.ts', ...args]);
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
    expect(JSON.parse(stdout)).toEqual({ intent: 'help', args: { topic: '请假' } });
  });

  it('reads one sentence per line from stdin', async () => {
    const { stdout } = await cli(['--now', '2026-12-01T09:00'], 'help\n\nwhoami extra\nblah\n');
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { intent: 'help', args: {} },
      { error: 'This command takes no arguments.', usage: 'whoami' },
      { error: 'I didn\'t understand "blah".', usage: 'help [command]' },
    ]);
  });

  it('refuses an unknown timezone', async () => {
    await expect(cli(['--tz', 'Mars/Base', 'help'])).rejects.toMatchObject({ code: 2 });
  });
});
