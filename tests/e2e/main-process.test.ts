import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { start, waitFor } from '../helpers/process.js';

// a run on TEST_MONGODB_URI without Go has no FerretDB binary to start the embedded store with
const ifBin = inject('ferretdbBin') ? it : it.skip;
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});
async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assistant-main-'));
  temps.push(dir);
  return dir;
}

/** FerretDB processes serving a data folder (its command line names the folder). */
function storeProcesses(dataDir: string): string[] {
  let pids: string[];
  try {
    const out = execFileSync('pgrep', ['-f', '--', `--state-dir=${dataDir}/ferretdb`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    pids = out.toString().trim().split('\n');
  } catch (err) {
    if ((err as { status?: number }).status === 1) return []; // pgrep: nothing matched
    throw err;
  }
  // the wrapper shell carries the same arguments; keep the server itself
  return pids.filter(
    (pid) =>
      existsSync(`/proc/${pid}/comm`) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'ferretdb',
  );
}

describe('the service process', () => {
  it('refuses bad configuration with one line naming it', async () => {
    const { out, exited } = start({ PORT: 'abc' });
    expect(await exited).toBe(1);
    expect(out.stderr.trim()).toMatch(/^Invalid configuration: PORT .*\(got "abc"\)$/);
  });

  it('says what to install when there is neither Go nor MONGODB_URI', async () => {
    const bin = await temp();
    await symlink(process.execPath, join(bin, 'node'));
    const { out, exited } = start({ PATH: bin, STORE_CACHE_DIR: await temp(), DATA_DIR: await temp() });
    expect(await exited).toBe(1);
    expect(out.stderr.trim()).toMatch(/^The embedded store needs Go .* or set MONGODB_URI/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  ifBin('starts on the embedded store, keeps data across restarts and stops its store with it', async () => {
    const env = { FERRETDB_BIN: inject('ferretdbBin'), DATA_DIR: await temp(), PORT: '0' };
    const first = start(env);
    const [, url] = await waitFor(() => first.out.stderr, /Web chat: (http:\/\/\S+)\/web/, first.exited);
    const reply = await fetch(`${url}/web/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ employee: 'bob.smith@demo.example', text: 'help' }),
    });
    expect((await reply.json()).replies[0].card.title).toBe('What I can do');
    // logs (stdout) and the URL line (stderr) are separate pipes: wait for each on its own
    await waitFor(() => first.out.stdout, /"seeded":true/, first.exited);
    expect(storeProcesses(env.DATA_DIR)).toHaveLength(1);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.out.stdout).toContain('"msg":"shutting down"');
    expect(storeProcesses(env.DATA_DIR)).toEqual([]);

    const second = start(env);
    await waitFor(() => second.out.stderr, /Web chat: /, second.exited);
    await waitFor(() => second.out.stdout, /"seeded":false/, second.exited);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(storeProcesses(env.DATA_DIR)).toEqual([]);
  });

  ifBin('takes its store down even when killed outright', async () => {
    const env = { FERRETDB_BIN: inject('ferretdbBin'), DATA_DIR: await temp(), PORT: '0' };
    const app = start(env);
    await waitFor(() => app.out.stderr, /Web chat: /, app.exited);
    app.child.kill('SIGKILL');
    await app.exited;
    const deadline = performance.now() + 5000;
    while (storeProcesses(env.DATA_DIR).length > 0 && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(storeProcesses(env.DATA_DIR)).toEqual([]);
  });
});
