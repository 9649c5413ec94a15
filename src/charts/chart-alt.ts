import type { Chart } from '../bot/types.js';

/** Slack's limit for an image's alt text; Lark's is not documented lower. */
const MAX = 2000;

/**
 * The chart's numbers as one line, for screen readers and for clients that do not load the image.
 * @example chartAlt({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] }) // 'By city: 上海 3'
 */
export function chartAlt(chart: Chart): string {
  const values = chart.kind === 'bar' ? chart.bars : chart.points;
  const text = `${chart.title}: ${values.map((v) => `${v.label} ${v.value}`).join(', ')}`;
  return text.length <= MAX ? text : `${text.slice(0, MAX - 1)}…`;
}
