import { describe, expect, it } from 'vitest';
import { stampLocale } from '../../src/bot/button-locale.js';
import type { Reply } from '../../src/bot/types.js';

describe('stampLocale', () => {
  it('marks unmarked buttons, keeps marked ones, leaves text and button-less cards as they are', () => {
    const reply: Reply = {
      card: {
        title: 't',
        fields: [],
        actions: [
          { actionId: 'a', label: 'A', style: 'default', value: '1' },
          { actionId: 'b', label: 'B', style: 'default', value: '2', locale: 'zh-CN' },
        ],
      },
    };
    const stamped = stampLocale(reply, 'en');
    expect('card' in stamped && stamped.card.actions.map((b) => b.locale)).toEqual(['en', 'zh-CN']);
    expect('card' in reply && reply.card.actions[0]).not.toHaveProperty('locale');
    const text: Reply = { text: 'hi' };
    expect(stampLocale(text, 'en')).toBe(text);
    const bare: Reply = { card: { title: 't', fields: [], actions: [] } };
    expect(stampLocale(bare, 'en')).toBe(bare);
  });
});
