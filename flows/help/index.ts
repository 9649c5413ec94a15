import type { Flow } from '../../src/bot/flow.js';
import { helpCommand } from './commands.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';
import { showHelp } from './service.js';

export const helpFlow: Flow = {
  name: 'help',
  areas: [{ id: 'help', label: { 'zh-CN': '帮助', en: 'Help' }, order: 100 }],
  phrasings,
  readers,
  commands: [helpCommand],
  actions: [{ actionId: 'help.topic', handle: (ctx, action) => showHelp(ctx, action.value) }],
};
