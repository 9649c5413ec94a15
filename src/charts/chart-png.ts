import { renderAsync } from '@resvg/resvg-js';
import type { Chart } from '../bot/types.js';
import { chartSvg } from './chart-svg.js';

/** Twice the SVG's size: chat clients scale images down, and text stays sharp on dense screens. */
const ZOOM = 2;

/**
 * The chart as a PNG, for platforms that show images but not SVG (Slack, Lark). resvg draws off
 * the event loop (loading the system fonts alone takes tens of milliseconds) with the machine's
 * fonts (Debian: `fonts-noto-cjk` for Chinese labels); without a CJK font those labels come out
 * as boxes and without any font as no text, but the image is still made.
 * @example await chartPng({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] })
 */
export async function chartPng(chart: Chart): Promise<Buffer> {
  const image = await renderAsync(chartSvg(chart), {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: ZOOM },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return image.asPng();
}
