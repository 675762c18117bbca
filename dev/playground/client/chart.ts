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
  const plot = {
    left: horizontal ? 110 : 40,
    top: 34,
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
