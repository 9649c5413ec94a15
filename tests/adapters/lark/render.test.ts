import { describe, expect, it } from 'vitest';
import { CARD_LIMIT_BYTES, encodedSize, replyAsCard, toLarkCard } from '../../../adapters/lark/render.js';

describe('toLarkCard', () => {
  it('renders header colour, fields, markdown body and buttons carrying {actionId, value}', () => {
    const card = toLarkCard({
      title: '请假申请',
      subtitle: '待审批',
      fields: [
        ['申请人', '张敏'],
        ['事由', 'a *bold* <at id=all></at> claim'],
      ],
      body: '**note** <font color=red>x</font>',
      status: 'pending',
      actions: [
        { actionId: 'approvals.approve', label: '同意', style: 'primary', value: 'ap_1' },
        { actionId: 'approvals.reject', label: '拒绝', style: 'danger', value: 'ap_1', locale: 'zh-CN' },
      ],
    });
    expect(card.config).toEqual({ wide_screen_mode: true, update_multi: true });
    expect(card.header).toEqual({ template: 'orange', title: { tag: 'plain_text', content: '请假申请' } });
    const [subtitle, fields, body, actions] = card.elements as any[];
    expect(subtitle.text.content).toBe('待审批');
    expect(fields.fields[0]).toEqual({
      is_short: true,
      text: { tag: 'lark_md', content: '**申请人**\n张敏' },
    });
    // people's text never becomes markup or an @everyone
    expect(fields.fields[1].text.content).not.toMatch(/<at|\*bold\*/);
    expect(body.text.content).toBe('**note** &lt;font color=red&gt;x&lt;/font&gt;');
    expect(actions.actions).toEqual([
      {
        tag: 'button',
        text: { tag: 'plain_text', content: '同意' },
        type: 'primary',
        value: { actionId: 'approvals.approve', value: 'ap_1' },
      },
      {
        tag: 'button',
        text: { tag: 'plain_text', content: '拒绝' },
        type: 'danger',
        value: { actionId: 'approvals.reject', value: 'ap_1', locale: 'zh-CN' },
      },
    ]);
  });

  it('colours by status', () => {
    const colour = (status: any) =>
      toLarkCard({ title: 't', fields: [], actions: [], status }).header.template;
    expect([colour('approved'), colour('rejected'), colour(undefined), colour('done')]).toEqual([
      'green',
      'red',
      'blue',
      'grey',
    ]);
  });

  it('stays within the 30 KB card limit, truncating with …', () => {
    const huge = {
      title: 'big',
      fields: Array.from({ length: 60 }, (_, i): [string, string] => [`f${i}`, '长'.repeat(3000)]),
      body: '文'.repeat(50_000),
      actions: [],
    };
    const card = toLarkCard(huge);
    expect(encodedSize(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    expect(JSON.stringify(card)).toContain('…');
    const small = toLarkCard({ title: 'small', fields: [['a', 'b']], actions: [] });
    expect(JSON.stringify(small)).not.toContain('…');
  });

  it('turns a text reply into a card for PATCH', () => {
    expect(replyAsCard({ text: 'Approved' }).elements).toEqual([
      { tag: 'div', text: { tag: 'lark_md', content: 'Approved' } },
    ]);
  });
});
