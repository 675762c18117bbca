/**
 * Embedded charts recorded as plain data (type, ranges, position, options): enough to check what
 * the add-on asked for and for the playground to draw a simple picture of it.
 */
import type { FakeContext } from './context';
import { enumOf } from './enums';
import type { ChartData } from './model';
import { FakeRange, refOf } from './spreadsheet';

export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);

/** The Charts service: the enums the add-on reads. */
export const FakeCharts = {
  ChartType,
  Position: enumOf('TOP', 'BOTTOM', 'LEFT', 'RIGHT', 'NONE'),
  ChartHiddenDimensionStrategy: enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'),
  ChartMergeStrategy: enumOf('MERGE_COLUMNS', 'MERGE_ROWS'),
};

const chartData = new WeakMap<object, ChartData>();

export function chartDataOf(chart: unknown): ChartData {
  const data = typeof chart === 'object' && chart !== null ? chartData.get(chart) : undefined;
  if (!data) throw new Error('Expected a chart built with sheet.newChart().');
  return data;
}

export function copyChart(data: ChartData): ChartData {
  return {
    ...data,
    ranges: data.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    position: { ...data.position },
    options: structuredClone(data.options),
  };
}

export class FakeChartOptions {
  readonly #ctx: FakeContext;
  readonly #options: Record<string, unknown>;
  constructor(ctx: FakeContext, options: Record<string, unknown>) {
    this.#ctx = ctx;
    this.#options = options;
  }
  get(option: string): unknown {
    this.#ctx.calls.count('ChartOptions.get');
    return this.#options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    this.#ctx.calls.count('ChartOptions.getOrDefault');
    return this.#options[option] ?? null;
  }
}

export class FakeContainerInfo {
  readonly #ctx: FakeContext;
  readonly #position: ChartData['position'];
  constructor(ctx: FakeContext, position: ChartData['position']) {
    this.#ctx = ctx;
    this.#position = position;
  }
  getAnchorRow(): number {
    this.#ctx.calls.count('ContainerInfo.getAnchorRow');
    return this.#position.row;
  }
  getAnchorColumn(): number {
    this.#ctx.calls.count('ContainerInfo.getAnchorColumn');
    return this.#position.column;
  }
  getOffsetX(): number {
    this.#ctx.calls.count('ContainerInfo.getOffsetX');
    return this.#position.offsetX;
  }
  getOffsetY(): number {
    this.#ctx.calls.count('ContainerInfo.getOffsetY');
    return this.#position.offsetY;
  }
}

export class FakeEmbeddedChart {
  readonly #ctx: FakeContext;
  constructor(ctx: FakeContext, data: ChartData) {
    this.#ctx = ctx;
    chartData.set(this, data);
  }
  #data(method: string): ChartData {
    this.#ctx.calls.count(`EmbeddedChart.${method}`);
    return chartData.get(this)!;
  }
  getChartId(): number | null {
    const id = this.#data('getChartId').id;
    return id ? Number(id) : null;
  }
  getRanges(): FakeRange[] {
    return this.#data('getRanges').ranges.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.#ctx, this.#data('getOptions').options);
  }
  getContainerInfo(): FakeContainerInfo {
    return new FakeContainerInfo(this.#ctx, this.#data('getContainerInfo').position);
  }
  getNumHeaders(): number {
    return this.#data('getNumHeaders').numHeaders ?? -1;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.#data('getTransposeRowsAndColumns').transposeRowsAndColumns ?? false;
  }
  getHiddenDimensionStrategy(): string {
    return this.#data('getHiddenDimensionStrategy').hiddenDimensionStrategy ?? 'IGNORE_BOTH';
  }
  getMergeStrategy(): string {
    return this.#data('getMergeStrategy').mergeStrategy ?? 'MERGE_COLUMNS';
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.#ctx, this.#data('modify'));
  }
}

/** One builder for every chart type: asColumnChart() etc. set the type and return the same builder. */
export class FakeEmbeddedChartBuilder {
  readonly #ctx: FakeContext;
  readonly #state: ChartData;

  constructor(ctx: FakeContext, from?: ChartData) {
    this.#ctx = ctx;
    this.#state = from
      ? copyChart(from)
      : {
          id: '',
          type: 'COLUMN',
          ranges: [],
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          options: {},
        };
  }

  #count(method: string): FakeEmbeddedChartBuilder {
    this.#ctx.calls.count(`EmbeddedChartBuilder.${method}`);
    return this;
  }
  #as(method: string, type: string): FakeEmbeddedChartBuilder {
    this.#state.type = type;
    return this.#count(method);
  }
  #option(method: string, key: string, value: unknown): FakeEmbeddedChartBuilder {
    this.#state.options[key] = structuredClone(value);
    return this.#count(method);
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    const ref = refOf(range);
    this.#state.ranges.push({ sheet: ref.sheet, rect: { ...ref.rect } });
    return this.#count('addRange');
  }
  removeRange(range: FakeRange): FakeEmbeddedChartBuilder {
    const { sheet, rect } = refOf(range);
    this.#state.ranges = this.#state.ranges.filter(
      (r) => !(r.sheet === sheet && JSON.stringify(r.rect) === JSON.stringify(rect)),
    );
    return this.#count('removeRange');
  }
  clearRanges(): FakeEmbeddedChartBuilder {
    this.#state.ranges = [];
    return this.#count('clearRanges');
  }
  getRanges(): FakeRange[] {
    this.#count('getRanges');
    return this.#state.ranges.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  setChartType(type: string): FakeEmbeddedChartBuilder {
    return this.#as('setChartType', String(type));
  }
  getChartType(): string {
    this.#count('getChartType');
    return this.#state.type;
  }
  asAreaChart(): FakeEmbeddedChartBuilder {
    return this.#as('asAreaChart', 'AREA');
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    return this.#as('asBarChart', 'BAR');
  }
  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.#as('asColumnChart', 'COLUMN');
  }
  asComboChart(): FakeEmbeddedChartBuilder {
    return this.#as('asComboChart', 'COMBO');
  }
  asHistogramChart(): FakeEmbeddedChartBuilder {
    return this.#as('asHistogramChart', 'HISTOGRAM');
  }
  asLineChart(): FakeEmbeddedChartBuilder {
    return this.#as('asLineChart', 'LINE');
  }
  asPieChart(): FakeEmbeddedChartBuilder {
    return this.#as('asPieChart', 'PIE');
  }
  asScatterChart(): FakeEmbeddedChartBuilder {
    return this.#as('asScatterChart', 'SCATTER');
  }
  asTableChart(): FakeEmbeddedChartBuilder {
    return this.#as('asTableChart', 'TABLE');
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.#state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.#count('setPosition');
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    return this.#option('setOption', option, value);
  }
  setTitle(chartTitle: string): FakeEmbeddedChartBuilder {
    return this.#option('setTitle', 'title', chartTitle);
  }
  setColors(cssValues: string[]): FakeEmbeddedChartBuilder {
    return this.#option('setColors', 'colors', cssValues);
  }
  setLegendPosition(position: string): FakeEmbeddedChartBuilder {
    return this.#option('setLegendPosition', 'legend.position', String(position));
  }
  setXAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.#option('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.#option('setYAxisTitle', 'vAxis.title', title);
  }
  setStacked(): FakeEmbeddedChartBuilder {
    return this.#option('setStacked', 'isStacked', true);
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.#state.numHeaders = headers;
    return this.#count('setNumHeaders');
  }
  setTransposeRowsAndColumns(transpose: boolean): FakeEmbeddedChartBuilder {
    this.#state.transposeRowsAndColumns = transpose;
    return this.#count('setTransposeRowsAndColumns');
  }
  setHiddenDimensionStrategy(strategy: string): FakeEmbeddedChartBuilder {
    this.#state.hiddenDimensionStrategy = String(strategy);
    return this.#count('setHiddenDimensionStrategy');
  }
  setMergeStrategy(mergeStrategy: string): FakeEmbeddedChartBuilder {
    this.#state.mergeStrategy = String(mergeStrategy);
    return this.#count('setMergeStrategy');
  }
  build(): FakeEmbeddedChart {
    this.#count('build');
    return new FakeEmbeddedChart(this.#ctx, copyChart(this.#state));
  }
}
