import type { CustomerDoc } from '../../db/models/customer.js';
import type { EmployeeDoc } from '../../db/models/employee.js';
import type { InstallationDoc } from '../../db/models/installation.js';
import type { SalesOrderDoc } from '../../db/models/sales-order.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { productName } from '../stock/api.js';

export const installText = {
  job: { 'zh-CN': '安装 {no} · {customer}', en: 'Installation {no} · {customer}' },
  assigned: { 'zh-CN': '待安装', en: 'assigned' },
  done: { 'zh-CN': '已安装', en: 'done' },
  address: { 'zh-CN': '地址', en: 'Address' },
  contact: { 'zh-CN': '联系人', en: 'Contact' },
  installer: { 'zh-CN': '安装人', en: 'Installer' },
  due: { 'zh-CN': '截止', en: 'Due' },
  note: { 'zh-CN': '备注', en: 'Note' },
  photo: { 'zh-CN': '照片', en: 'Photo' },
  report: { 'zh-CN': '安装完成', en: 'Installation done' },
  assign: { 'zh-CN': '派工', en: 'Assign installer' },
  pick: { 'zh-CN': '{no} 派谁去安装？', en: 'Who installs {no}?' },
  pickBody: {
    'zh-CN': '截止 {due}；要改日期请回复：派工 {no} <姓名> 截止 <日期>',
    en: 'Due {due}; for another date reply: assign install {no} <name> due <date>',
  },
  nobody: {
    'zh-CN': '没有可派的安装人员（售后部门或仓库人员）。',
    en: 'Nobody to send: no one in the service department or the warehouse.',
  },
};

/** The installer's job card: where to go, whom to call, what to bring, and the done button. */
export function jobCard(
  job: InstallationDoc,
  order: Pick<SalesOrderDoc, 'lines'> | null,
  customer: Pick<CustomerDoc, 'city' | 'contact' | 'phone'> | null,
  names: Map<string, string>,
  locale: Locale,
): Card {
  const open = job.status === 'assigned';
  const contact = [customer?.contact, customer?.phone].filter(Boolean).join(' ');
  const field = (label: keyof typeof installText, value: string): [string, string][] =>
    value ? [[tr(locale, installText[label]), value]] : [];
  return {
    title: tr(locale, installText.job, { no: job.no, customer: job.customerName }),
    subtitle: tr(locale, open ? installText.assigned : installText.done),
    status: open ? 'pending' : 'done',
    fields: [
      ...field('address', customer?.city ?? ''),
      ...field('contact', contact),
      ...(order?.lines ?? []).map((l): [string, string] => [
        `${l.sku} ${productName(l, locale)}`,
        `× ${l.qty}`,
      ]),
      ...field('installer', names.get(String(job.assigneeId)) ?? ''),
      ...field('due', job.due),
      ...field('note', job.note),
      ...field('photo', job.photo),
    ],
    actions: open
      ? [
          {
            actionId: 'orders.install.done',
            label: tr(locale, installText.report),
            style: 'primary',
            value: job.no,
          },
        ]
      : [],
  };
}

/** One button per installer, each sending them with the default due date. */
export function pickInstallerCard(no: string, people: EmployeeDoc[], due: string, locale: Locale): Card {
  return {
    title: tr(locale, installText.pick, { no }),
    status: 'pending',
    fields: [],
    body: people.length ? tr(locale, installText.pickBody, { no, due }) : tr(locale, installText.nobody),
    actions: people.slice(0, 10).map((p) => ({
      actionId: 'orders.install.assign',
      label: p.name,
      style: 'default',
      value: `${no} ${p._id}`,
    })),
  };
}
