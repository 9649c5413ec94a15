import { Resvg } from '@resvg/resvg-js';
import type { Chart } from '../bot/types.js';
import { chartSvg } from './chart-svg.js';

/** Twice the SVG's size: chat clients scale images down, and text stays sharp on dense screens. */
const ZOOM = 2;

/**
 * The chart as a PNG, for platforms that show images but not SVG (Slack, Lark). resvg draws
 * with the machine's fonts (Debian: `fonts-noto-cjk` for Chinese labels); without a CJK font
 * those labels come out as boxes and without any font as no text, but the image is still made.
 * @example chartPng({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] })
 */
export function chartPng(chart: Chart): Buffer {
  const resvg = new Resvg(chartSvg(chart), {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: ZOOM },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return resvg.render().asPng();
}
