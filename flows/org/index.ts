import type { Flow } from '../../src/bot/flow.js';
import { whoamiCommand } from './commands.js';

export const orgFlow: Flow = {
  name: 'org',
  areas: [{ id: 'org', label: { 'zh-CN': '个人', en: 'Me' }, order: 90 }],
  commands: [whoamiCommand],
  actions: [],
};
