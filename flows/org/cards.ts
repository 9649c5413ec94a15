import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import type { Profile } from './service.js';

const text = {
  email: { 'zh-CN': '邮箱', en: 'E-mail' },
  department: { 'zh-CN': '部门', en: 'Department' },
  manager: { 'zh-CN': '上级', en: 'Manager' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  timezone: { 'zh-CN': '时区', en: 'Timezone' },
  accounts: { 'zh-CN': '已绑定账号', en: 'Bound accounts' },
  none: { 'zh-CN': '无', en: 'none' },
};

export function profileCard(locale: Locale, p: Profile): Card {
  const none = tr(locale, text.none);
  return {
    title: p.name,
    fields: [
      [tr(locale, text.email), p.email],
      [tr(locale, text.department), p.department || none],
      [tr(locale, text.manager), p.managerName ?? none],
      [tr(locale, text.roles), p.roles.join(', ')],
      [tr(locale, text.timezone), p.timezone],
      [tr(locale, text.accounts), p.accounts.map((a) => `${a.platform}:${a.userId}`).join(', ') || none],
    ],
    status: 'info',
    actions: [],
  };
}
