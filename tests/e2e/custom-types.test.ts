import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { ApprovalTypeVersion } from '../../db/models/approval-type.js';
import { EXAMPLE_FILES } from '../../flows/approvals/custom-types/examples.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, noOf, textOf } from '../helpers/chat.js';
import { interact, slackEnv, slash, TEAM, until, useSlackStub } from '../helpers/slack.js';

const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));
const { say, click, cards } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const doc = (no: string) => ApprovalRequest.findById(no).lean();
const lastCard = async (user: string, no: string) =>
  (await cards(user)).filter((c) => c.title.includes(no)).at(-1);
const example = (i: number) => JSON.parse(readFileSync(EXAMPLE_FILES[i] as URL, 'utf8'));

/** The seal example, changed: a contract number is now required, and the document is "文件". */
function sealV2() {
  const def = example(0);
  def.fields[1].label = { 'zh-CN': '文件', en: 'File' };
  def.fields.push({ name: 'contractNo', label: { 'zh-CN': '合同编号', en: 'Contract no' }, kind: 'text' });
  def.route[1] = {
    name: 'general manager',
    label: { 'zh-CN': '总经理', en: 'general manager' },
    approvers: ['role:admin'],
  };
  return def;
}

describe('request types defined without code', () => {
  it('the demo company has the two examples as version 1, listed and readable by admins only', async () => {
    const list = await app.current.get('/api/approvals/types', auth);
    expect(list.json.types.map((t: { type: string; version: number }) => [t.type, t.version])).toEqual([
      ['seal-use', 1],
      ['purchase-request', 1],
    ]);
    const one = await app.current.get('/api/approvals/types/seal-use?version=1', auth);
    expect(one.json).toMatchObject({
      type: 'seal-use',
      version: 1,
      definition: { label: { en: 'Seal use' } },
    });
    expect((await app.current.get('/api/approvals/types/seal-use?version=9', auth)).status).toBe(404);
    expect((await app.current.get('/api/approvals/types')).status).toBe(401);
    expect((await app.current.post('/api/approvals/types', example(0))).status).toBe(401);
    // the same definition again is no new version, and passes every command's keywords
    const again = await app.current.post('/api/approvals/types', example(1), auth);
    expect(again).toEqual({
      status: 200,
      json: { ok: true, type: 'purchase-request', version: 1, unchanged: true },
    });
  });

  it('refuses a definition with problems, listing each with its path, and stores nothing', async () => {
    const before = await ApprovalTypeVersion.countDocuments();
    const bad = {
      ...example(1),
      type: 'car-use',
      keywords: { 'zh-CN': ['用车', '报销'], en: ['car'] },
      fields: [
        { name: 'seats', label: { 'zh-CN': '座位', en: 'Seats' }, kind: 'select' },
        { name: 'seats', label: { 'zh-CN': '目的地', en: 'To' }, kind: 'text', min: 3 },
      ],
      route: [
        {
          name: 'boss',
          label: { 'zh-CN': '老板', en: 'boss' },
          approvers: ['email:nobody@demo.example'],
          when: { field: 'amount', over: 10 },
        },
      ],
    };
    const res = await app.current.post('/api/approvals/types', bad, auth);
    expect(res.status).toBe(400);
    expect(res.json.problems).toEqual([
      { path: 'fields[0].options', message: 'a select needs options' },
      { path: 'fields[1].name', message: '"seats" is used twice' },
      { path: 'fields[1].min', message: 'only a number or amount has a minimum' },
      { path: 'route[0].approvers[0]', message: 'no active employee nobody@demo.example' },
      { path: 'route[0].when.field', message: '"amount" is not a number or amount field of this form' },
      { path: 'route', message: 'at least one step must apply always (no "when")' },
      { path: 'keywords.zh-CN[1]', message: '"报销" is already a command' },
    ]);
    const shape = await app.current.post(
      '/api/approvals/types',
      { type: 'leave', label: { en: 'x' }, keywords: {}, fields: [], route: [], extra: 1 },
      auth,
    );
    expect(shape.json.problems.map((p: { path: string }) => p.path)).toEqual([
      'type',
      'label.zh-CN',
      'keywords.zh-CN',
      'keywords.en',
      'fields',
      'route',
      '',
    ]);
    expect((await app.current.post('/api/approvals/types', '{oops', auth)).status).toBe(400);
    expect(await ApprovalTypeVersion.countDocuments()).toBe(before);
  });

  it('files from chat, positional or field=value, and asks for what is missing one field at a time', async () => {
    const card = cardOf(await say('zhang.min', '用章 合同章 采购合同 2 给供应商'));
    expect(card.title).toMatch(/^用章申请 AP-\d+ · 张敏$/);
    expect(card.fields).toEqual([
      ['印章', '合同章'],
      ['文件名称', '采购合同'],
      ['份数', '2'],
      ['用途', '给供应商'],
      ['步骤', '1/2 直属上级'],
      ['待审批人', '王芳'],
    ]);
    const no = noOf(card);
    expect(await doc(no)).toMatchObject({
      type: 'seal-use',
      typeVersion: 1,
      data: { seal: 'contract', document: '采购合同', copies: 2, purpose: '给供应商' },
    });
    expect((await doc(no))?.steps.map((s) => s.name)).toEqual(['manager', 'seal keeper']);

    const named = cardOf(
      await say('alice.chen', 'seal request copies=1 seal=company seal document=NDA with Acme'),
    );
    expect(named.fields.slice(0, 3)).toEqual([
      ['Seal', 'company seal'],
      ['Document', 'NDA with Acme'],
      ['Copies', '1'],
    ]);

    expect(textOf(await say('zhang.min', '用章 公章'))).toBe('盖在什么文件上？');
    expect(textOf(await say('zhang.min', '劳动合同 续签'))).toBe('盖几份？');
    const asked = cardOf(await say('zhang.min', '3'));
    expect(asked.fields.slice(0, 3)).toEqual([
      ['印章', '公章'],
      ['文件名称', '劳动合同 续签'],
      ['份数', '3'],
    ]);
  });

  it('is in help like any command', async () => {
    const help = JSON.stringify(await say('zhang.min', '帮助 用章'));
    expect(help).toContain('用章申请 <印章: 公章|合同章|财务章|法人章> <文件名称> <份数> [用途=…]');
  });

  it('answers bad input with what was wrong and the usage, and files nothing', async () => {
    const before = await ApprovalRequest.countDocuments({ type: 'seal-use' });
    const usage = '用章申请 <印章: 公章|合同章|财务章|法人章> <文件名称> <份数> [用途=…] — 或 字段=值';
    expect(textOf(await say('zhang.min', '用章 公章 合同 100'))).toBe(`份数不能大于 50\n用法：${usage}`);
    expect(textOf(await say('zhang.min', '用章 金章 合同 1'))).toBe(`印章不是可选的一项\n用法：${usage}`);
    expect(textOf(await say('alice.chen', 'seal request seal=company document=x copies=two'))).toMatch(
      /^Copies must be a number\nUsage: seal request <Seal: company seal\|/,
    );
    expect(textOf(await say('zhang.min', '用章'))).toBe(`缺少印章\n用法：${usage}`);
    expect(await ApprovalRequest.countDocuments({ type: 'seal-use' })).toBe(before);
  });

  it('routes by amount thresholds: finance over 5000, the general manager over 50000', async () => {
    const small = noOf(cardOf(await say('bob.smith', 'purchase request monitors 2 3000 for the new hires')));
    const mid = noOf(cardOf(await say('bob.smith', '采购申请 服务器 1 8000 测试环境')));
    const big = noOf(
      cardOf(await say('bob.smith', '采购申请 物品=服务器 数量=10 预算金额=¥60,000 用途=机房')),
    );
    const route = async (no: string) => (await doc(no))?.steps.map((s) => s.name);
    // Bob's manager 陈杰 heads Engineering: the department head step would ask him twice, so it goes
    expect(await route(small)).toEqual(['manager']);
    expect(await route(mid)).toEqual(['manager', 'finance']);
    // 赵磊 (finance) is on leave in the demo, so 李伟 stands in for him; as he is the general
    // manager too, that step would ask him twice and is dropped (the condition: custom-types.test.ts)
    expect(await route(big)).toEqual(['manager', 'finance']);
    expect((await doc(big))?.steps[1]?.approvers[0]?.reason).toBe('on-leave');
    expect((await doc(big))?.data).toMatchObject({
      item: '服务器',
      quantity: 10,
      amount: 60000,
      reason: '机房',
    });
    expect((await doc(small))?.cc.length).toBe(2); // the warehouse people are copied
  });

  it('opens as a Slack form and files from it', async () => {
    stub.current.reset();
    expect((await slash(app.current.url, 'U_ALICE', 'seal request')).status).toBe(200);
    const [open] = await stub.current.waitFor('views.open');
    const view = open?.args.view;
    expect(JSON.parse(view.private_metadata)).toEqual({ intent: 'approvals.custom.seal-use', locale: 'en' });
    expect(view.blocks.map((b: { block_id: string; optional: boolean }) => [b.block_id, b.optional])).toEqual(
      [
        ['seal', false],
        ['document', false],
        ['copies', false],
        ['purpose', true],
      ],
    );
    expect(view.blocks[0].element.options.map((o: { value: string }) => o.value)).toEqual([
      'company',
      'contract',
      'finance',
      'legal-rep',
    ]);
    const submit = (values: Record<string, string>, viewId: string) =>
      interact(app.current.url, {
        type: 'view_submission',
        team: { id: TEAM, domain: 'demo' },
        user: { id: 'U_ALICE', username: 'alice', team_id: TEAM },
        api_app_id: 'A0PNCHHK2',
        token: 'x',
        trigger_id: `1.2.${viewId}`,
        view: {
          id: viewId,
          team_id: TEAM,
          type: 'modal',
          callback_id: 'form',
          private_metadata: view.private_metadata,
          hash: '1700000000.abc',
          state: {
            values: {
              seal: {
                value: {
                  type: 'static_select',
                  selected_option: values.seal ? { value: values.seal } : null,
                },
              },
              document: { value: { type: 'plain_text_input', value: values.document ?? null } },
              copies: { value: { type: 'number_input', value: values.copies ?? null } },
              purpose: { value: { type: 'plain_text_input', value: null } },
            },
          },
        },
      });
    const bad = await submit({ seal: 'finance', copies: '0' }, 'V_SEAL_1');
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { document: 'Document is missing', copies: 'Copies must be at least 1' },
    });
    const before = await ApprovalRequest.countDocuments({ type: 'seal-use' });
    expect((await submit({ seal: 'finance', document: 'Bank form', copies: '1' }, 'V_SEAL_2')).status).toBe(
      200,
    );
    const post = await until(() =>
      stub.current.of('chat.postMessage').find((c) => String(c.args.text).startsWith('Seal use AP-')),
    );
    expect(post.args.channel).toBe('U_ALICE');
    expect(await ApprovalRequest.countDocuments({ type: 'seal-use' })).toBe(before + 1);
  });

  it('a changed definition is a new version; a request in flight keeps its own fields and route', async () => {
    const inFlight = noOf(cardOf(await say('zhang.min', '用章 公章 年度审计报告 1')));
    expect(textOf(await say('wu.jun', '用章 公章'))).toBe('盖在什么文件上？');

    const saved = await app.current.post('/api/approvals/types', sealV2(), auth);
    expect(saved).toEqual({
      status: 201,
      json: { ok: true, type: 'seal-use', version: 2, unchanged: false },
    });
    expect((await app.current.get('/api/approvals/types/seal-use', auth)).json.version).toBe(2);

    // filed with version 1: its card still reads version 1, and version 1's route runs on
    expect(textOf(await click('wang.fang', 'approvals.approve', inFlight))).toBe(
      `已同意 ${inFlight}，已转下一步。`,
    );
    const card = await lastCard('sun.li', inFlight);
    expect(card?.fields).toContainEqual(['文件名称', '年度审计报告']);
    expect(card?.fields).toContainEqual(['步骤', '2/2 印章管理员']);
    expect(textOf(await click('sun.li', 'approvals.approve', inFlight))).toBe(
      `已同意 ${inFlight}，审批完成。`,
    );
    expect(await doc(inFlight)).toMatchObject({ status: 'approved', typeVersion: 1 });

    // the question asked before the change is answered under version 2: its new field is asked for
    expect(textOf(await say('wu.jun', '审计报告'))).toBe('盖几份？');
    expect(textOf(await say('wu.jun', '2'))).toBe('还缺合同编号，请直接回复。');
    const fresh = cardOf(await say('wu.jun', '沪合-2026-001'));
    expect(fresh.fields).toContainEqual(['文件', '审计报告']);
    expect(fresh.fields).toContainEqual(['合同编号', '沪合-2026-001']);
    const filed = await doc(noOf(fresh));
    expect(filed).toMatchObject({ typeVersion: 2, data: { contractNo: '沪合-2026-001' } });
    expect(filed?.steps.map((s) => s.name)).toEqual(['manager', 'general manager']);
    // a new question is put by the new version
    expect(textOf(await say('zhang.min', '用章 公章 合同'))).toBe('盖几份？');

    // the report has a column for every field of any version, each request read by its own
    const csv = await fetch(
      `${app.current.url}/api/approvals/types/seal-use/requests?from=2026-12-01&to=2026-12-02`,
      {
        headers: auth,
      },
    ).then((r) => r.text());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('no,filed_at,requester,department,status,version,印章,文件名称,份数,用途,合同编号');
    expect(lines.find((l) => l.startsWith(`${inFlight},`))).toMatch(
      /,张敏,Sales,approved,1,公章,年度审计报告,1,,$/,
    );
    expect(lines.find((l) => l.startsWith(`${noOf(fresh)},`))).toMatch(
      /,pending,2,公章,审计报告,2,,沪合-2026-001$/,
    );
    const bad = await app.current.get(
      '/api/approvals/types/seal-use/requests?from=2026-12-09&to=2026-12-01',
      auth,
    );
    expect(bad).toEqual({ status: 400, json: { error: 'to is before from' } });
  });
});
