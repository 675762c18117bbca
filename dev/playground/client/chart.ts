/** A chart record drawn as a simple SVG: bars (horizontal) or columns (vertical), one colour per series. */
import type { ChartView } from '../view-model';
import { svg } from './dom';

const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

export function drawChart(chart: ChartView): SVGElement {
  const { width, height } = chart;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'chart-svg',
  });
  root.appendChild(svg('title', {}, chart.title || 'Chart'));
  root.appendChild(
    svg('text', { x: width / 2, y: 20, 'text-anchor': 'middle', 'font-size': 14 }, chart.title),
  );
  const values = chart.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const max = Math.max(0, ...values) || 1;
  const horizontal = chart.type.toUpperCase() === 'BAR';
  const legend = chart.legend && chart.series.length > 0;
  if (legend) root.appendChild(drawLegend(chart, width));
  const plot = {
    left: horizontal ? 110 : 40,
    top: legend ? 50 : 34,
    right: width - 16,
    bottom: height - (horizontal ? 16 : 40),
  };
  const n = Math.max(1, chart.labels.length);
  const groups = Math.max(1, chart.series.length);
  const band = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / n;
  const bar = (band * 0.7) / groups;
  chart.labels.forEach((label, i) => {
    chart.series.forEach((series, s) => {
      const value = series.values[i] ?? 0;
      const length =
        (Math.max(0, value) / max) * (horizontal ? plot.right - plot.left : plot.bottom - plot.top);
      const offset = band * i + band * 0.15 + bar * s;
      const rect = horizontal
        ? { x: plot.left, y: plot.top + offset, width: length, height: bar }
        : { x: plot.left + offset, y: plot.bottom - length, width: bar, height: length };
      const shape = svg('rect', { ...rect, fill: COLORS[s % COLORS.length]!, class: 'chart-bar' });
      shape.appendChild(svg('title', {}, `${label}: ${value}`));
      root.appendChild(shape);
    });
    const text = label.length > 16 ? `${label.slice(0, 15)}…` : label;
    root.appendChild(
      horizontal
        ? svg(
            'text',
            {
              x: plot.left - 4,
              y: plot.top + band * i + band / 2 + 4,
              'text-anchor': 'end',
              'font-size': 11,
            },
            text,
          )
        : svg(
            'text',
            {
              x: plot.left + band * i + band / 2,
              y: plot.bottom + 14,
              'text-anchor': 'middle',
              'font-size': 11,
            },
            text,
          ),
    );
  });
  root.appendChild(
    horizontal
      ? svg('line', { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: '#5f6368' })
      : svg('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: '#5f6368' }),
  );
  return root;
}

/** The series' names beside their colours, in one centred line under the title. */
function drawLegend(chart: ChartView, width: number): SVGElement {
  const group = svg('g', { class: 'chart-legend' });
  const items = chart.series.map((series, s) => ({ name: series.name, color: COLORS[s % COLORS.length]! }));
  // About 6.5 px a character at 11 px, a 10 px swatch and gaps.
  const itemWidth = (name: string) => 16 + name.length * 6.5 + 14;
  let x = (width - items.reduce((sum, item) => sum + itemWidth(item.name), 0)) / 2;
  for (const item of items) {
    group.appendChild(svg('rect', { x, y: 31, width: 10, height: 10, fill: item.color }));
    group.appendChild(svg('text', { x: x + 14, y: 40, 'font-size': 11 }, item.name));
    x += itemWidth(item.name);
  }
  return group;
}
