import type { DigestSectionSpec } from '../../src/bot/digest.js';
import type { Flow } from '../../src/bot/flow.js';
import { digestAdminRoutes } from './admin-routes.js';
import { digestCommands } from './commands.js';
import { digestJobs } from './jobs.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';

/**
 * The assistant speaking first: the morning digest, and the controls over everything sent unasked
 * (mute, quiet hours). Each flow's own nudges live in its jobs.ts and go through `reminders`.
 * The digest is made of the `sections` other flows declare (`Flow.digestSections`).
 */
export const digestsFlow = (sections: readonly DigestSectionSpec[]): Flow => ({
  name: 'digests',
  areas: [{ id: 'digests', label: { 'zh-CN': '摘要与提醒', en: 'Digests & reminders' }, order: 80 }],
  phrasings,
  readers,
  commands: digestCommands(sections),
  actions: [],
  jobs: digestJobs(sections),
  adminRoutes: (deps) => digestAdminRoutes(sections, deps),
});
