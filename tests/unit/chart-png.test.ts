import { describe, expect, it } from 'vitest';
import { chartAlt } from '../../src/charts/chart-alt.js';
import { chartPng } from '../../src/charts/chart-png.js';
import { chartSvg } from '../../src/charts/chart-svg.js';

/** Width and height from the PNG's IHDR chunk (right after the 8-byte signature and chunk header). */
const sizeOf = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('chartPng (resvg)', () => {
  it('draws bars as a PNG twice the SVG’s size, one row per value', async () => {
    const bars = [
      { label: '上海', value: 12 },
      { label: '公海', value: 3 },
      { label: 'San Francisco', value: 1 },
    ];
    const png = await chartPng({ kind: 'bar', title: '客户分析', bars });
    expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
    expect(sizeOf(png)).toEqual({ width: 1120, height: (50 + 3 * 26) * 2 });
    const taller = await chartPng({ kind: 'bar', title: '客户分析', bars: [...bars, ...bars] });
    expect(sizeOf(taller).height).toBeGreaterThan(sizeOf(png).height);
  });

  it('draws a line over time, each point’s value written on it', async () => {
    const points = [
      { label: '11/2', value: 4 },
      { label: '11/9', value: 0 },
      { label: '11/16', value: 7 },
    ];
    const svg = chartSvg({ kind: 'line', title: 'trend', points });
    for (const text of ['11/16', '>7<', '>4<']) expect(svg).toContain(text);
    const png = await chartPng({ kind: 'line', title: 'trend', points });
    expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
    expect(sizeOf(png)).toEqual({ width: 1120, height: 520 });
  });

  it('alt text carries every number, cut at Slack’s 2000 characters', () => {
    expect(chartAlt({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] })).toBe(
      'By city: 上海 3',
    );
    const many = Array.from({ length: 500 }, (_, i) => ({ label: `city ${i}`, value: i }));
    const alt = chartAlt({ kind: 'bar', title: 'By city', bars: many });
    expect(alt.length).toBe(2000);
    expect(alt.endsWith('…')).toBe(true);
  });
});
