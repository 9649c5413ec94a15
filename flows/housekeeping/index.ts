import type { Flow } from '../../src/bot/flow.js';
import { housekeepingJobs } from './jobs.js';

export { pruneFilesJob } from './files.js';

/**
 * No commands: the place for scheduled upkeep of storage that belongs to no capability (db/ and
 * the core write it for everyone). What a flow owns it prunes itself (digests: deliveries).
 */
export const housekeepingFlow: Flow = {
  name: 'housekeeping',
  areas: [],
  commands: [],
  actions: [],
  jobs: housekeepingJobs,
};
