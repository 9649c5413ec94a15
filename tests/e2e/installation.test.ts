import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { Installation } from '../../db/models/installation.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { orderDigestSections } from '../../flows/orders/digest.js';
import type { Reader } from '../../src/bot/digest.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, press, cards } = chatAs(app);
const soOf = (title: string) => /SO-\d+/.exec(title)?.[0] ?? '';
const idOf = async (user: string) =>
  String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);

describe('installation as field work, from the order to the job done', () => {
  it('the demo has an installation in progress on its delivered order', async () => {
    const order = await SalesOrder.findOne({ status: 'delivered' }).lean();
    const job = await Installation.findById(`${order?.no}:install`).lean();
    expect(job).toMatchObject({ status: 'assigned', due: '2026-12-05', customerName: 'Contoso Ltd' });
    expect(String(job?.assigneeId)).toBe(await idOf('wu.jun'));
  });

  it('customer → priced order → production → delivery → installer assigned → done, each once', async () => {
    await say(
      'alice.chen',
      'new customer Acme Widgets, Boston, retail, contact Jane Doe jane@acme.example, age 41',
    );
    const placed = cardOf(await say('alice.chen', 'order Acme Widgets SKU-2002x1@800'));
    const no = soOf(placed.title);
    expect(placed.fields).toContainEqual(['SKU-2002 Switch S2', '× 1 @ CN¥800.00 = CN¥800.00']);
    await click('wu.jun', 'orders.advance', `${no} produce`);
    await say('wu.jun', `order ${no} ship UPS 1Z1`);
    await say('wu.jun', `order ${no} transit`);
    // before delivery there is nothing to install
    expect(textOf(await say('zhou.qiang', `派工 ${no} 吴军`))).toBe(`${no} 目前运输中，送达后才能派工。`);
    expect(textOf(await say('alice.chen', `order ${no} deliver`))).toBe(`${no} → delivered.`);

    // the warehouse manager is told, with the Assign button; the installer is picked on a card
    const told = (await cards('zhou.qiang')).filter((c) => c.title.startsWith(no)).at(-1);
    expect(told?.subtitle).toBe('已送达');
    const assign = told?.actions.find((a) => a.actionId === 'orders.install.pick');
    expect(assign).toMatchObject({ label: '派工', value: no });
    expect(textOf(await click('alice.chen', 'orders.install.pick', no))).toBe(
      'Only a warehouse or service manager can assign installers.',
    );
    const pick = cardOf(await click('zhou.qiang', 'orders.install.pick', no));
    expect(pick.title).toBe(`${no} 派谁去安装？`);
    const wu = pick.actions.find((a) => a.label === '吴军');
    if (!wu) throw new Error('no button for 吴军');
    // a double click assigns once: one version, one job card
    const twice = await Promise.all([press('zhou.qiang', wu), press('zhou.qiang', wu)]);
    expect(twice.map(textOf)).toEqual([
      `${no} 已派给 吴军，截止 2026-12-05。`,
      `${no} 已派给 吴军，截止 2026-12-05。`,
    ]);
    expect((await Installation.findById(`${no}:install`).lean())?.version).toBe(0);
    const jobs = (await cards('wu.jun')).filter((c) => c.title === `安装 ${no} · Acme Widgets`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.fields).toEqual(
      expect.arrayContaining([
        ['地址', 'Boston'],
        ['联系人', expect.stringContaining('Jane Doe')],
        ['安装人', '吴军'],
        ['截止', '2026-12-05'],
      ]),
    );
    expect(jobs[0]?.actions).toEqual([
      expect.objectContaining({ actionId: 'orders.install.done', value: no }),
    ]);
    // the button says what to type where no form opens
    expect(textOf(await click('wu.jun', 'orders.install.done', no))).toBe(
      `请回复：安装完成 ${no} <备注> [照片链接]`,
    );

    // only the installer or a manager reports it; a note is needed
    expect(textOf(await say('bob.smith', `installation done ${no} all good`))).toBe(
      'Only the installer or a manager can report it done.',
    );
    expect(textOf(await say('wu.jun', `安装完成 ${no}`))).toMatch(/请写一句安装备注/);
    const done = await Promise.all([
      say('wu.jun', `installation done ${no} mounted and tested https://img.example/1.jpg`),
      say('wu.jun', `installation done ${no} mounted and tested https://img.example/1.jpg`),
    ]);
    expect(done.map(textOf).sort()).toEqual([
      `${no} installed; the owner has been told.`,
      `${no} is installed already.`,
    ]);
    const job = await Installation.findById(`${no}:install`).lean();
    expect(job).toMatchObject({
      status: 'done',
      note: 'mounted and tested',
      photo: 'https://img.example/1.jpg',
    });
    const order = await SalesOrder.findOne({ no }).lean();
    expect(order?.status).toBe('installed');
    expect(order?.history.at(-1)).toMatchObject({
      action: 'install',
      note: 'mounted and tested https://img.example/1.jpg',
    });
    expect(String(order?.history.at(-1)?.by)).toBe(await idOf('wu.jun'));
    // the customer's owner hears it once
    const heard = (await cards('alice.chen')).filter((c) => c.title === `Installation ${no} · Acme Widgets`);
    expect(heard.map((c) => c.subtitle)).toEqual(['done']);
    expect(textOf(await say('zhou.qiang', `派工 ${no} 吴军`))).toBe(`${no} 已安装，不需要再派工。`);
  });

  it('bad assignments get a reason and write nothing', async () => {
    const before = await Installation.countDocuments();
    const delivered = await SalesOrder.findOne({ status: 'delivered' }).lean();
    const no = delivered?.no ?? '';
    expect(textOf(await say('zhou.qiang', '派工'))).toMatch(/订单号/);
    expect(textOf(await say('zhou.qiang', `派工 ${no}`))).toMatch(/安装人的姓名/);
    expect(textOf(await say('zhou.qiang', `派工 ${no} 李伟`))).toBe('“李伟”不是安装人员；可派：周强、吴军。');
    expect(textOf(await say('zhou.qiang', '派工 SO-99999 吴军'))).toBe('没有订单 SO-99999。');
    expect(textOf(await say('zhou.qiang', `派工 ${no} 吴军 截止 昨天`))).toMatch(/^截止日期不能早于今天。/);
    expect(textOf(await say('wu.jun', `assign install ${no} Wu Jun`))).toBe(
      'Only a warehouse or service manager can assign installers.',
    );
    expect(await Installation.countDocuments()).toBe(before);
  });

  it('overdue installations are in the warehouse manager’s digest', async () => {
    const load = orderDigestSections.find((s) => s.name === 'orders.installsOverdue')?.load;
    const zhou = await Employee.findOne({ email: 'zhou.qiang@demo.example' }).lean();
    const reader = (date: string): Reader => ({
      id: String(zhou?._id),
      name: '周强',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      roles: zhou?.roles ?? [],
      department: 'Warehouse',
      date,
      since: new Date('2026-12-01T00:00:00Z'),
    });
    const run = (date: string) =>
      load?.({
        now: new Date(`${date}T01:00:00Z`),
        readers: [reader(date)],
        staff: [],
        names: new Map(),
        nameOf: () => '吴军',
      });
    expect((await run('2026-12-05'))?.size).toBe(0);
    const section = (await run('2026-12-06'))?.get(String(zhou?._id));
    const delivered = await SalesOrder.findOne({ status: 'delivered' }).lean();
    expect(section).toMatchObject({
      title: '逾期未完成的安装',
      lines: [`${delivered?.no} · Contoso Ltd · 吴军 · 截止 2026-12-05`],
    });
  });
});

describe('the job card’s Done button where the platform draws forms', () => {
  const post = (path: string, body: Record<string, unknown>) =>
    app.current.post(path, { employee: 'wu.jun@demo.example', ...body });

  it('opens the report form with the order filled in; a bad photo link is refused per field', async () => {
    const order = await SalesOrder.findOne({ status: 'delivered', customerName: 'Contoso Ltd' }).lean();
    const no = order?.no ?? '';
    const opened = await post('/web/api/actions', {
      actionId: 'orders.install.done',
      value: no,
      forms: true,
    });
    expect(opened.json.form).toMatchObject({ intent: 'orders.install.done', title: '安装完成' });
    expect(opened.json.form.fields[0]).toMatchObject({ name: 'no', initial: no });
    const submit = (values: Record<string, string>, eventId: string) =>
      post('/web/api/forms', { intent: 'orders.install.done', values, eventId });
    const bad = await submit({ no, note: '装好了', photo: 'not a link' }, 'install-1');
    expect(bad.status).toBe(422);
    expect(bad.json.fields).toEqual({ photo: '照片要是一个链接。' });
    expect((await Installation.findById(`${no}:install`).lean())?.status).toBe('assigned');
    const good = await submit(
      { no, note: '装好了\n已调试', photo: 'https://img.example/2.jpg' },
      'install-2',
    );
    expect(good.status).toBe(200);
    expect(await Installation.findById(`${no}:install`).lean()).toMatchObject({
      status: 'done',
      note: '装好了 已调试',
      photo: 'https://img.example/2.jpg',
    });
    expect((await SalesOrder.findOne({ no }).lean())?.status).toBe('installed');
  });
});
