import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb } from '../../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../../db/embedded/start-ferretdb.js';
import { loadConfig } from '../../src/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storeUri: string;
    ferretdbBin: string;
  }
}

/** One embedded store for the whole run, in a temporary folder; each test file uses its own database. */
export default async function setup(project: TestProject) {
  const config = loadConfig();
  const bin =
    config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, (line) => console.error(line)));
  const dataDir = await mkdtemp(join(tmpdir(), 'assistant-test-'));
  const store = await startFerretdb({ bin, dataDir });
  project.provide('storeUri', store.uri);
  project.provide('ferretdbBin', bin);
  return async () => {
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
