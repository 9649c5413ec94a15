import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The FerretDB process serving `dataDir` (not its bash wrapper), found by its command line. */
export async function ferretdbPid(bin: string, dataDir: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (s) => s.split('\0'),
      (): string[] => [],
    );
    if (args[0] === bin && args.includes(`--state-dir=${join(dataDir, 'ferretdb')}`)) return Number(entry);
  }
  throw new Error('no FerretDB process for this test');
}
