import type { Phrasings } from '../../src/bot/flow.js';

/** How people ask for this flow's commands in their own words: what the understanding layer learns from. */
export const phrasings: Phrasings = {
  help: [
    '你能做什么',
    '你都会些什么',
    '怎么用这个机器人',
    '怎么发起请假',
    '有哪些命令可以用',
    '我不知道报销该怎么填',
    '我不会用，教教我',
    '帮助',
    '帮助 库存',
    '菜单',
    'what can you do?',
    'how do I use this bot',
    'show me the list of commands',
    'how do I file an expense?',
    "I'm lost, what are my options",
    'help',
    'help stock',
    '你有哪些 features',
    'how to 用这个 bot',
  ],
};
