import type { Phrasings } from '../../src/bot/flow.js';

/** How people ask for this flow's commands in their own words: what the understanding layer learns from. */
export const phrasings: Phrasings = {
  'org.whoami': [
    '我在系统里是什么身份',
    '我绑定了哪些账号',
    '看看我的个人档案',
    '我的部门和上级是谁',
    '系统认识我吗',
    '查一下我的员工信息',
    '我的信息',
    'what do you know about me?',
    'which accounts are linked to my profile',
    'show my profile',
    'am I set up correctly in the system?',
    'who am i',
    '我的 profile 给我看看',
    '我的 account 绑了哪些平台',
  ],
};
