import { describe, expect, it } from 'vitest';
import { CARD_LIMIT_BYTES, encodedSize, toLarkCard } from '../../adapters/lark/render.js';
import { renderCard } from '../../adapters/slack/render.js';
import type { Card } from '../../src/bot/types.js';

const card: Card = {
  title: '客户分析 · 按城市',
  fields: [],
  body: '上海 3',
  chart: { kind: 'bar', title: '客户分析 · 按城市', bars: [{ label: '上海', value: 3 }] },
  actions: [{ actionId: 'crm.x', label: 'Go', style: 'default', value: '1' }],
};

describe('a card’s chart image in the platforms’ card formats', () => {
  it('Slack: an image block after the numbers and before the buttons, only with an uploaded file', () => {
    const types = renderCard(card, 'F123').map((b) => b.type);
    expect(types).toEqual(['header', 'section', 'image', 'actions']);
    const image = renderCard(card, 'F123')[2];
    expect(image).toEqual({
      type: 'image',
      slack_file: { id: 'F123' },
      alt_text: '客户分析 · 按城市: 上海 3',
    });
    expect(renderCard(card).some((b) => b.type === 'image')).toBe(false);
  });

  it('Lark: an img element by key, within the size limit even for a long card', () => {
    const img = toLarkCard(card, 'img_v3_1').elements.find((e) => e.tag === 'img');
    expect(img).toEqual({
      tag: 'img',
      img_key: 'img_v3_1',
      alt: { tag: 'plain_text', content: '客户分析 · 按城市: 上海 3' },
    });
    expect(toLarkCard(card).elements.some((e) => e.tag === 'img')).toBe(false);
    const bars = Array.from({ length: 30 }, (_, i) => ({ label: `城市${i}`.repeat(10), value: i }));
    const long = { ...card, body: '数'.repeat(20_000), chart: { kind: 'bar' as const, title: 't', bars } };
    const fitted = toLarkCard(long, 'img_v3_2');
    expect(encodedSize(fitted)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    expect(fitted.elements.some((e) => e.tag === 'img')).toBe(true);
  });
});
