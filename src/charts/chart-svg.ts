import * as echarts from 'echarts';
import type { Chart } from '../bot/types.js';

/** The page's CJK-first font stack: the SVG is drawn by the browser with its own fonts. */
const FONT = 'system-ui, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';
const ROW_PX = 26;
const WIDTH = 560;

/**
 * A neutral chart as SVG, drawn by ECharts' server-side renderer (no DOM, no canvas). Bars run
 * sideways so long labels (cities, industries, names) are shown whole, one row each.
 * @example chartSvg({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] })
 */
export function chartSvg(chart: Chart): string {
  const bars = [...chart.bars].reverse(); // ECharts draws the first category at the bottom
  const longest = Math.max(4, ...bars.map((b) => [...b.label].length));
  const height = 50 + bars.length * ROW_PX;
  const view = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    view.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: Math.min(200, 14 + longest * 13), right: 48, top: 12, bottom: 28 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: '#2563eb' },
          label: { show: true, position: 'right' },
        },
      ],
    });
    return view.renderToSVGString();
  } finally {
    view.dispose();
  }
}
