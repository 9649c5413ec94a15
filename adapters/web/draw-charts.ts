import type { Chart, Reply } from '../../src/bot/types.js';
import { chartSvg } from '../../src/charts/chart-svg.js';

/**
 * A reply with its chart drawn as SVG (`card.chart.svg`), for the page to show; replies without
 * a chart pass unchanged. Drawn when sent, so the kept conversation stores numbers only.
 */
export function drawCharts(reply: Reply): Reply {
  if (!('card' in reply) || !reply.card.chart) return reply;
  const { chart } = reply.card;
  const drawn: Chart & { svg: string } = { ...chart, svg: chartSvg(chart) };
  return { card: { ...reply.card, chart: drawn } };
}
