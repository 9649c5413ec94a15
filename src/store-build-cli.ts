// `npm run store:build`: builds the embedded store ahead of time (CI, Docker-less dev boxes).

import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { loadConfig } from './config.js';

const started = performance.now();
const bin = await ensureFerretdb(loadConfig().storeCacheDir, (line) => console.error(line));
console.error(`Embedded store ready: ${bin} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
