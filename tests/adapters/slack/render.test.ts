import { describe, expect, it } from 'vitest';
import { LIMITS, MARKER, renderCard, toSlackMessage } from '../../../adapters/slack/render.js';
import { fromBlockActions, plainText } from '../../../adapters/slack/to-incoming.js';
import type { Card } from '../../../src/bot/types.js';

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: any[] };

/** Every documented limit the renderer promises to respect, checked on the output. */
function expectWithinLimits(blocks: Block[]) {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  const ids = new Set<string>();
  let total = 0;
  for (const b of blocks) {
    if (b.type === 'header') expect(Array.from(b.text?.text ?? '').length).toBeLessThanOrEqual(150);
    if (b.type === 'section' && b.text) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(3000);
    for (const f of b.fields ?? []) expect(Array.from(f.text).length).toBeLessThanOrEqual(2000);
    expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
    if (b.type === 'actions') {
      expect(b.elements?.length).toBeLessThanOrEqual(25);
      for (const e of b.elements ?? []) {
        expect(e.action_id.length).toBeLessThanOrEqual(255);
        expect(Array.from(e.value as string).length).toBeLessThanOrEqual(2000);
        expect(Array.from(e.text.text as string).length).toBeLessThanOrEqual(75);
        expect(ids.has(e.action_id)).toBe(false);
        ids.add(e.action_id);
      }
    }
    total += (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((n, f) => n + f.text.length, 0);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.totalText + 200);
}

describe('Block Kit renderer', () => {
  it('renders a card: header with status, subtitle, fields, body, buttons', () => {
    const card: Card = {
      title: 'Leave request',
      subtitle: 'from Bob <bob@x>',
      fields: [['Days', '2']],
      body: 'Family & friends',
      status: 'pending',
      actions: [
        { actionId: 'approvals.approve', label: 'Approve', style: 'primary', value: 'a1' },
        { actionId: 'approvals.reject', label: 'Reject', style: 'danger', value: 'a1' },
        { actionId: 'approvals.show', label: 'Details', style: 'default', value: 'a1' },
      ],
    };
    expect(renderCard(card)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '⏳ Leave request' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'from Bob &lt;bob@x&gt;' }] },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Days*\n2' }] },
      { type: 'section', text: { type: 'mrkdwn', text: 'Family &amp; friends' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Approve' },
            action_id: 'approvals.approve#0',
            value: 'a1',
            style: 'primary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Reject' },
            action_id: 'approvals.reject#1',
            value: 'a1',
            style: 'danger',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Details' },
            action_id: 'approvals.show#2',
            value: 'a1',
          },
        ],
      },
    ]);
    expect(toSlackMessage({ text: 'hi' })).toEqual({ text: 'hi' });
  });

  it('cuts an oversized card to fit, with a marker, keeping its buttons', () => {
    const card: Card = {
      title: 'T'.repeat(300),
      fields: Array.from({ length: 80 }, (_, i) => [`field ${i}`, 'v'.repeat(2500)] as [string, string]),
      body: 'b'.repeat(5000),
      actions: Array.from({ length: 30 }, () => ({
        actionId: `x.${'a'.repeat(300)}`,
        label: 'L'.repeat(100),
        style: 'default' as const,
        value: 'v'.repeat(3000),
      })),
    };
    const blocks = renderCard(card) as Block[];
    expectWithinLimits(blocks);
    expect(blocks[0]?.text?.text.endsWith(MARKER)).toBe(true);
    expect(blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements)).toHaveLength(30);
    expect(blocks.some((b) => b.type === 'context' && b.elements?.[0].text === MARKER)).toBe(true);
  });

  it('keeps to 50 blocks with many short fields and a 5000-char body', () => {
    const card: Card = {
      title: 'Stock',
      fields: Array.from({ length: 600 }, (_, i) => [`SKU ${i}`, String(i)] as [string, string]),
      body: 'x'.repeat(5000),
      actions: [{ actionId: 'a', label: 'A', style: 'default', value: '' }],
    };
    const blocks = renderCard(card) as Block[];
    expectWithinLimits(blocks);
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocks.at(-2)?.elements?.[0].text).toBe(MARKER);
  });

  it('turns Slack message markup back into what was typed', () => {
    expect(plainText('<@U0BOT> help  &lt;me&gt; &amp; <mailto:a@b.c|a@b.c> <https://x.y>')).toBe(
      'help <me> & a@b.c https://x.y',
    );
  });

  it("carries a button's language in its action id, leaving the value as the flow made it", () => {
    const value = 'v'.repeat(2000);
    const card: Card = {
      title: 'Leave',
      fields: [],
      actions: [
        { actionId: 'approvals.approve', label: 'Approve', style: 'primary', value, locale: 'en' },
        { actionId: 'approvals.reject', label: '拒绝', style: 'danger', value: 'AP-1', locale: 'zh-CN' },
        { actionId: 'x'.repeat(300), label: 'Long', style: 'default', value: 'AP-1', locale: 'zh-CN' },
        { actionId: 'help.topic', label: 'Old', style: 'default', value: 'org' },
      ],
    };
    const blocks = renderCard(card) as Block[];
    expectWithinLimits(blocks);
    const elements = blocks.find((b) => b.type === 'actions')?.elements ?? [];
    expect(elements.map((e) => e.action_id.slice(-12))).toEqual([
      'approve#0:en',
      'ject#1:zh-CN',
      'xxxx#2:zh-CN',
      'help.topic#3',
    ]);
    expect(elements[0].value).toBe(value);

    const clicked = (actionId: string) =>
      fromBlockActions(
        {
          type: 'block_actions',
          user: { id: 'U1', team_id: 'T1' },
          actions: [{ action_id: actionId, value: 'AP-1', action_ts: '1.1' }],
        },
        async () => null,
      ).action;
    expect(clicked(elements[0].action_id)).toMatchObject({ actionId: 'approvals.approve', locale: 'en' });
    expect(clicked(elements[1].action_id)).toMatchObject({ actionId: 'approvals.reject', locale: 'zh-CN' });
    expect(clicked(elements[3].action_id)).not.toHaveProperty('locale');
    // a language we never render is dropped rather than trusted
    expect(clicked('approvals.approve#0:fr')).toMatchObject({ actionId: 'approvals.approve' });
    expect(clicked('approvals.approve#0:fr')).not.toHaveProperty('locale');
  });
});
