/**
 * A chart record drawn as a simple SVG: bars (horizontal), columns (vertical) or lines, one
 * colour per series, with the value axis's scale (0, half and the top, in the chart's number
 * format) and, unless the chart turns it off, a legend, as Sheets draws them.
 */
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
  const type = chart.type.toUpperCase();
  const horizontal = type === 'BAR';
  const legend = chart.legend && chart.series.length > 0;
  if (legend) root.appendChild(drawLegend(chart, width));
  const plot = {
    left: horizontal ? 110 : 48,
    top: legend ? 50 : 34,
    right: width - 16,
    bottom: height - (horizontal ? 28 : 40),
  };
  root.appendChild(drawScale(chart, plot, max, horizontal));
  const n = Math.max(1, chart.labels.length);
  const band = (horizontal ? plot.bottom - plot.top : plot.right - plot.left) / n;
  // A value's length along the value axis.
  const along = (value: number) =>
    (Math.max(0, value) / max) * (horizontal ? plot.right - plot.left : plot.bottom - plot.top);
  if (type === 'LINE') drawLines(root, chart, plot, band, along);
  else drawBars(root, chart, plot, band, along, horizontal);
  chart.labels.forEach((label, i) => {
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

interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function drawBars(
  root: SVGElement,
  chart: ChartView,
  plot: Plot,
  band: number,
  along: (value: number) => number,
  horizontal: boolean,
): void {
  const bar = (band * 0.7) / Math.max(1, chart.series.length);
  chart.labels.forEach((label, i) => {
    chart.series.forEach((series, s) => {
      const value = series.values[i] ?? 0;
      const length = along(value);
      const offset = band * i + band * 0.15 + bar * s;
      const rect = horizontal
        ? { x: plot.left, y: plot.top + offset, width: length, height: bar }
        : { x: plot.left + offset, y: plot.bottom - length, width: bar, height: length };
      const shape = svg('rect', { ...rect, fill: COLORS[s % COLORS.length]!, class: 'chart-bar' });
      shape.appendChild(svg('title', {}, `${label}: ${value}`));
      root.appendChild(shape);
    });
  });
}

/** A line per series through each label's value (a gap where a value is missing), with its points. */
function drawLines(
  root: SVGElement,
  chart: ChartView,
  plot: Plot,
  band: number,
  along: (value: number) => number,
): void {
  chart.series.forEach((series, s) => {
    const color = COLORS[s % COLORS.length]!;
    const points = chart.labels.map((label, i) => {
      const value = series.values[i];
      return value === undefined || !Number.isFinite(value)
        ? null
        : { x: plot.left + band * i + band / 2, y: plot.bottom - along(value), label, value };
    });
    let path = '';
    points.forEach((p, i) => {
      if (p) path += `${points[i - 1] ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    });
    if (path) root.appendChild(svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2 }));
    for (const p of points) {
      if (!p) continue;
      const dot = svg('circle', { cx: p.x, cy: p.y, r: 3, fill: color, class: 'chart-point' });
      dot.appendChild(svg('title', {}, `${p.label}: ${p.value}`));
      root.appendChild(dot);
    }
  });
}

/** Gridlines and labels at 0, half and the top of the value axis. */
function drawScale(chart: ChartView, plot: Plot, max: number, horizontal: boolean): SVGElement {
  const group = svg('g', { class: 'chart-scale' });
  for (const share of [0, 0.5, 1]) {
    const text = scaleText(max * share, chart.valueFormat);
    const style = { 'font-size': 10, fill: '#5f6368' };
    if (horizontal) {
      const x = plot.left + share * (plot.right - plot.left);
      group.appendChild(svg('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: '#e0e0e0' }));
      group.appendChild(svg('text', { ...style, x, y: plot.bottom + 14, 'text-anchor': 'middle' }, text));
    } else {
      const y = plot.bottom - share * (plot.bottom - plot.top);
      group.appendChild(svg('line', { x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: '#e0e0e0' }));
      group.appendChild(svg('text', { ...style, x: plot.left - 4, y: y + 3, 'text-anchor': 'end' }, text));
    }
  }
  return group;
}

/** A value on the scale, in the axis's format: "percent" as Sheets shows it, else a plain number. */
export function scaleText(value: number, format: string | null): string {
  if (format === 'percent') return `${Number((value * 100).toFixed(1))}%`;
  return Number(value.toPrecision(3)).toLocaleString('en-US');
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
