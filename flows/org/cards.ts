import type { Role } from '../../db/models/employee.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Card, Locale, Platform } from '../../src/bot/types.js';
import type { Profile } from './service.js';

const ROLE_LABEL: Record<Role, Text> = {
  employee: { 'zh-CN': '员工', en: 'employee' },
  manager: { 'zh-CN': '经理', en: 'manager' },
  hr: { 'zh-CN': '人事', en: 'HR' },
  finance: { 'zh-CN': '财务', en: 'finance' },
  sales: { 'zh-CN': '销售', en: 'sales' },
  warehouse: { 'zh-CN': '仓库', en: 'warehouse' },
  admin: { 'zh-CN': '管理员', en: 'admin' },
};

const PLATFORM_LABEL: Record<Platform, Text> = {
  web: { 'zh-CN': '网页聊天', en: 'web chat' },
  slack: { 'zh-CN': 'Slack', en: 'Slack' },
  lark: { 'zh-CN': '飞书', en: 'Lark' },
};

/** A role as people read it; a role this build does not know is shown as stored. */
const roleLabel = (role: string, locale: Locale) =>
  role in ROLE_LABEL ? tr(locale, ROLE_LABEL[role as Role]) : role;

const text = {
  email: { 'zh-CN': '邮箱', en: 'E-mail' },
  department: { 'zh-CN': '部门', en: 'Department' },
  manager: { 'zh-CN': '上级', en: 'Manager' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  timezone: { 'zh-CN': '时区', en: 'Timezone' },
  accounts: { 'zh-CN': '已绑定账号', en: 'Bound accounts' },
  none: { 'zh-CN': '无', en: 'none' },
  currency: { 'zh-CN': '默认币种', en: 'Default currency' },
  companyDefault: { 'zh-CN': '{code}（公司默认）', en: '{code} (company default)' },
};

export function profileCard(locale: Locale, p: Profile, companyCurrency: string): Card {
  const none = tr(locale, text.none);
  const separator = locale === 'en' ? ', ' : '、';
  return {
    title: p.name,
    fields: [
      [tr(locale, text.email), p.email],
      [tr(locale, text.department), p.department || none],
      [tr(locale, text.manager), p.managerName ?? none],
      [tr(locale, text.roles), p.roles.map((r) => roleLabel(r, locale)).join(separator)],
      [tr(locale, text.timezone), p.timezone],
      [tr(locale, text.currency), p.currency ?? tr(locale, text.companyDefault, { code: companyCurrency })],
      [
        tr(locale, text.accounts),
        p.accounts.map((a) => `${tr(locale, PLATFORM_LABEL[a.platform])}:${a.userId}`).join(separator) ||
          none,
      ],
    ],
    status: 'info',
    actions: [],
  };
}
