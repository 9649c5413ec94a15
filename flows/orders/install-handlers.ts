import mongoose from 'mongoose';
import type { InstallationDoc } from '../../db/models/installation.js';
import { onlyFor } from '../../src/bot/audience.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { getCustomer } from '../crm/api.js';
import { namesOf, readDirectory } from '../org/api.js';
import { tell } from '../stock/api.js';
import { STATUS_LABEL } from './cards.js';
import { jobCard, pickInstallerCard } from './install-cards.js';
import {
  assigners,
  assignInstallation,
  INSTALL_POLICY,
  installers,
  mayAssign,
  reportInstalled,
} from './installation.js';
import { findOrder } from './service.js';

const t = {
  notFound: { 'zh-CN': '没有订单 {no}。', en: 'There is no order {no}.' },
  forbidden: {
    'zh-CN': '只有仓库或售后经理可以派工。',
    en: 'Only a warehouse or service manager can assign installers.',
  },
  notDelivered: {
    'zh-CN': '{no} 目前{status}，送达后才能派工。',
    en: '{no} is {status}; installers are sent after delivery.',
  },
  closed: { 'zh-CN': '{no} {status}，不需要再派工。', en: '{no} is {status}; no installation to assign.' },
  doneAlready: { 'zh-CN': '{no} 已经安装完成。', en: '{no} is installed already.' },
  same: { 'zh-CN': '{no} 已派给 {who}，截止 {due}。', en: '{no} is already with {who}, due {due}.' },
  assigned: { 'zh-CN': '{no} 已派给 {who}，截止 {due}。', en: '{no} assigned to {who}, due {due}.' },
  notInstaller: {
    'zh-CN': '“{name}”不是安装人员；可派：{names}。',
    en: '"{name}" is not an installer; choose from: {names}.',
  },
  notAssigned: { 'zh-CN': '{no} 还没有派工。', en: 'Nobody has been assigned to install {no}.' },
  notYours: {
    'zh-CN': '只有安装人或经理可以报安装完成。',
    en: 'Only the installer or a manager can report it done.',
  },
  reported: { 'zh-CN': '{no} 安装完成，已告知负责人。', en: '{no} installed; the owner has been told.' },
  reportUsage: {
    'zh-CN': '请回复：安装完成 {no} <备注> [照片链接]',
    en: 'Reply: installation done {no} <note> [photo link]',
  },
};

export type AssignArgs = { no: string; assignee: string; due: string };
export type ReportArgs = { no: string; note: string; photo: string };

/** The job's due date when none is named: a few days from the assigner's today. */
const defaultDue = (ctx: TurnContext) => ctx.now.plus({ days: INSTALL_POLICY.days }).toISODate() ?? '';

/** The order card's Assign button: who can go, one button each. */
export async function pickInstaller(ctx: TurnContext, no: string): Promise<void> {
  const { locale } = ctx;
  if (!(await mayAssign(ctx.person))) return ctx.reply(tr(locale, t.forbidden));
  const order = await findOrder(no);
  if (!order) return ctx.reply(tr(locale, t.notFound, { no }));
  const status = tr(locale, STATUS_LABEL[order.status]);
  if (order.status !== 'delivered') return ctx.reply(tr(locale, t.notDelivered, { no, status }));
  ctx.reply({ card: pickInstallerCard(order.no, await installers(), defaultDue(ctx), locale) });
}

export async function assignFromChat(ctx: TurnContext, args: AssignArgs): Promise<void> {
  const { locale } = ctx;
  if (!(await mayAssign(ctx.person))) return ctx.reply(tr(locale, t.forbidden));
  const people = await installers();
  const org = await readDirectory();
  const named = mongoose.isValidObjectId(args.assignee)
    ? org.active(args.assignee)
    : org.activeByName(args.assignee);
  const assignee = people.find((p) => named && p._id.equals(named._id));
  if (!assignee)
    return ctx.reply(
      tr(locale, t.notInstaller, { name: args.assignee, names: people.map((p) => p.name).join('、') }),
    );
  const due = args.due || defaultDue(ctx);
  const result = await assignInstallation({
    no: args.no,
    actor: ctx.person,
    assigneeId: String(assignee._id),
    due,
    at: ctx.now.toJSDate(),
  });
  const vars = { no: args.no, who: assignee.name, due };
  if (!result.ok) {
    const status = result.order ? tr(locale, STATUS_LABEL[result.order.status]) : '';
    const refusals = {
      forbidden: t.forbidden,
      not_found: t.notFound,
      not_delivered: t.notDelivered,
      closed: t.closed,
      done: t.doneAlready,
      same: t.same,
    };
    return ctx.reply(tr(locale, refusals[result.refusal], { ...vars, status }));
  }
  ctx.log.info({ no: result.job.no }, 'installer assigned');
  ctx.reply(tr(locale, t.assigned, vars));
  await sendJob(ctx, result.job, [result.job.assigneeId, result.previous?.assigneeId]);
}

export async function reportFromChat(ctx: TurnContext, args: ReportArgs): Promise<void> {
  const { locale } = ctx;
  const result = await reportInstalled({ ...args, actor: ctx.person, at: ctx.now.toJSDate() });
  if (!result.ok) {
    const refusals = { not_assigned: t.notAssigned, forbidden: t.notYours, done: t.doneAlready };
    return ctx.reply(tr(locale, refusals[result.refusal], { no: args.no }));
  }
  ctx.log.info({ no: result.job.no }, 'installation done');
  ctx.reply(tr(locale, t.reported, { no: args.no }));
  const customer = result.job.customerId ? await getCustomer(result.job.customerId) : null;
  // the order's owner and the customer's owner in the CRM hear it once: only the winning report gets here
  await sendJob(ctx, result.job, [result.job.ownerId, customer?.ownerId, result.job.assignedBy]);
}

/** The Done button where no form opens: how to report it in text. */
export async function askReport(ctx: TurnContext, no: string): Promise<void> {
  ctx.reply(tr(ctx.locale, t.reportUsage, { no }));
}

async function sendJob(
  ctx: TurnContext,
  job: InstallationDoc,
  to: (mongoose.Types.ObjectId | null | undefined)[],
) {
  const [order, customer, names] = await Promise.all([
    findOrder(job.no),
    job.customerId ? getCustomer(job.customerId) : null,
    namesOf([job.assigneeId]),
  ]);
  // the installer reports it done, or a manager who sends installers does for them
  const reporters = { ids: [String(job.assigneeId), ...(await assigners()).map(String)], roles: ['admin'] };
  await tell(ctx, to, (r) => ({ card: onlyFor(jobCard(job, order, customer, names, r.locale), reporters) }));
}
