import { join } from 'node:path';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { superviseFerretdb } from '../db/embedded/supervise-ferretdb.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

export type Store = { uri: string; dbName?: string; embedded: boolean; stop(): Promise<void> };

/**
 * MONGODB_URI when set (production: start nothing); otherwise the embedded FerretDB under
 * DATA_DIR, built once with Go, and restarted whenever it dies.
 */
export async function openStore(
  config: Config,
  progress: (line: string) => void,
  log: Logger,
): Promise<Store> {
  if (config.mongodbUri) return { uri: config.mongodbUri, embedded: false, stop: async () => {} };
  const bin = config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, progress));
  const store = await superviseFerretdb({ bin, dataDir: join(config.dataDir, 'ferretdb'), log });
  return { uri: store.uri, dbName: 'assistant', embedded: true, stop: store.stop };
}
