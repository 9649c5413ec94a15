import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/chart-svg.js';

describe('chartSvg (ECharts server-side SVG)', () => {
  it('draws one bar per value with its whole label and number', () => {
    const svg = chartSvg({
      kind: 'bar',
      title: '客户分布 · 城市',
      bars: [
        { label: '乌鲁木齐经济技术开发区', value: 12 },
        { label: '公海', value: 3 },
        { label: 'San Francisco Bay Area', value: 1 },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    // well-formed: no style attribute cut short by a quote inside it (a browser would not draw it)
    for (const [, style] of svg.matchAll(/style="([^"]*)"/g)) expect(style).toMatch(/;$/);
    for (const text of ['乌鲁木齐经济技术开发区', '公海', 'San Francisco Bay Area', '>12<', '>3<'])
      expect(svg).toContain(text);
  });

  it('writes labels as text, never as markup', () => {
    const svg = chartSvg({
      kind: 'bar',
      title: 't',
      bars: [{ label: '<script>alert(1)</script>', value: 1 }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
