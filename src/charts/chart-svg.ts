import * as echarts from 'echarts';
import type { Chart } from '../bot/types.js';

/**
 * A CJK-first font stack. The web page's browser picks from it; the PNG renderer (resvg) takes
 * the first family it finds among the machine's fonts, `system-ui` being none of them.
 */
const FONT = 'system-ui, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';
const ROW_PX = 26;
const WIDTH = 560;
const LINE_HEIGHT = 260;
const BLUE = '#2563eb';

/**
 * A neutral chart as SVG, drawn by ECharts' server-side renderer (no DOM, no canvas). Bars run
 * sideways so long labels (cities, industries, names) are shown whole, one row each; a line
 * runs left to right, oldest first, with every point's value written on it.
 * @example chartSvg({ kind: 'bar', title: 'By city', bars: [{ label: '上海', value: 3 }] })
 */
export function chartSvg(chart: Chart): string {
  const height = chart.kind === 'bar' ? 50 + chart.bars.length * ROW_PX : LINE_HEIGHT;
  const view = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    view.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      ...(chart.kind === 'bar' ? barOption(chart.bars) : lineOption(chart.points)),
    });
    return view.renderToSVGString();
  } finally {
    view.dispose();
  }
}

type Values = { label: string; value: number }[];

function barOption(values: Values) {
  const bars = [...values].reverse(); // ECharts draws the first category at the bottom
  const longest = Math.max(4, ...bars.map((b) => [...b.label].length));
  return {
    grid: { left: Math.min(200, 14 + longest * 13), right: 48, top: 12, bottom: 28 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => b.value),
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function lineOption(points: Values) {
  return {
    grid: { left: 40, right: 24, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      // a dozen dates do not fit side by side at this width; slanted, every one is still shown
      axisLabel: { interval: 0, rotate: points.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.value),
        itemStyle: { color: BLUE },
        areaStyle: { color: 'rgba(37,99,235,0.12)' },
        label: { show: true, position: 'top' },
      },
    ],
  };
}
