import type { Flow } from '../../src/bot/flow.js';
import { digestCommands } from './commands.js';
import { digestJobs } from './jobs.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';

/**
 * The assistant speaking first: the morning digest, and the controls over everything sent unasked
 * (mute, quiet hours). Each flow's own nudges live in its jobs.ts and go through `reminders`.
 */
export const digestsFlow: Flow = {
  name: 'digests',
  areas: [{ id: 'digests', label: { 'zh-CN': '摘要与提醒', en: 'Digests & reminders' }, order: 80 }],
  phrasings,
  readers,
  commands: digestCommands,
  actions: [],
  jobs: digestJobs,
};
