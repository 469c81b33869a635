/**
 * Sheet.newChart(): EmbeddedChartBuilder and EmbeddedChart, from Google's reference
 * (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder). The typed
 * builders (asLineChart, asColumnChart, asScatterChart, asPieChart, asBarChart, …) are one class
 * here: each `as…Chart()` sets the chart type, and their setters (setTitle, setXAxisTitle, …) set
 * the chart options Sheets stores (`title`, `hAxis.title`, …). Chart data ranges follow column and
 * row insertions like any other reference.
 */
import type { GridSpan } from './a1';
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  type EnumValue,
  enumMember,
} from './enums';
import type { Realm } from './realm';
import { StandinRange, type StandinSheet } from './spreadsheet';

/** A chart data range: which sheet and which cells. */
export interface ChartRange {
  sheetId: number;
  span: GridSpan;
}

/** A chart as stored on its sheet. */
export interface ChartRecord {
  /** Assigned by insertChart; undefined until then. */
  chartId: number | undefined;
  type: string;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  numHeaders: number;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  transposeRowsAndColumns: boolean;
}

/** A JSON-safe copy of an option value (option values come from the script's realm). */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}

/** EmbeddedChartBuilder together with the typed builders' setters. */
export class EmbeddedChartBuilder {
  private readonly record: ChartRecord;

  constructor(
    private readonly sheet: StandinSheet,
    from: ChartRecord | undefined,
  ) {
    this.record = from
      ? {
          ...structuredClone(from),
          ranges: from.ranges.map((range) => ({ ...range, span: { ...range.span } })),
        }
      : {
          chartId: undefined,
          type: 'COLUMN',
          ranges: [],
          options: {},
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          numHeaders: -1,
          mergeStrategy: 'MERGE_COLUMNS',
          hiddenDimensionStrategy: 'IGNORE_ROWS',
          transposeRowsAndColumns: false,
        };
  }

  private count(method: string): Realm {
    return this.sheet.spreadsheet.count(method, 'EmbeddedChartBuilder');
  }

  private option(method: string, key: string, value: unknown): EmbeddedChartBuilder {
    this.count(method);
    this.record.options[key] = plain(value);
    return this;
  }

  private typed(method: string, type: string): EmbeddedChartBuilder {
    this.count(method);
    this.record.type = type;
    return this;
  }

  addRange(range: StandinRange): EmbeddedChartBuilder {
    this.count('addRange');
    this.record.ranges.push({ sheetId: range.sheet.sheetId, span: { ...range.span } });
    return this;
  }

  removeRange(range: StandinRange): EmbeddedChartBuilder {
    this.count('removeRange');
    this.record.ranges = this.record.ranges.filter(
      (candidate) =>
        candidate.sheetId !== range.sheet.sheetId ||
        JSON.stringify(candidate.span) !== JSON.stringify(range.span),
    );
    return this;
  }

  clearRanges(): EmbeddedChartBuilder {
    this.count('clearRanges');
    this.record.ranges = [];
    return this;
  }

  setChartType(type: EnumValue): EmbeddedChartBuilder {
    this.count('setChartType');
    this.record.type = enumMember(ChartType, type, 'chart type').name();
    return this;
  }

  getChartType(): EnumValue {
    this.count('getChartType');
    return enumMember(ChartType, this.record.type, 'chart type');
  }

  getRanges(): StandinRange[] {
    const realm = this.count('getRanges');
    return realm.array(rangesOf(this.sheet, this.record));
  }

  getContainer(): ContainerInfo {
    this.count('getContainer');
    return new ContainerInfo(this.record);
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    return this.option('setOption', String(option), value);
  }

  /** setPosition(anchorRowPos, anchorColPos, offsetX, offsetY), 1-based anchor cell. */
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    this.count('setPosition');
    if (anchorRowPos < 1 || anchorColPos < 1) this.sheet.fail('Invalid argument: anchorRowPos');
    this.record.position = {
      anchorRow: Number(anchorRowPos),
      anchorColumn: Number(anchorColPos),
      offsetX: Number(offsetX),
      offsetY: Number(offsetY),
    };
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.count('setNumHeaders');
    this.record.numHeaders = Number(headers);
    return this;
  }

  setMergeStrategy(strategy: EnumValue): EmbeddedChartBuilder {
    this.count('setMergeStrategy');
    this.record.mergeStrategy = enumMember(ChartMergeStrategy, strategy, 'merge strategy').name();
    return this;
  }

  setHiddenDimensionStrategy(strategy: EnumValue): EmbeddedChartBuilder {
    this.count('setHiddenDimensionStrategy');
    this.record.hiddenDimensionStrategy = enumMember(
      ChartHiddenDimensionStrategy,
      strategy,
      'hidden dimension strategy',
    ).name();
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this.count('setTransposeRowsAndColumns');
    this.record.transposeRowsAndColumns = Boolean(transpose);
    return this;
  }

  asAreaChart(): EmbeddedChartBuilder {
    return this.typed('asAreaChart', 'AREA');
  }

  asBarChart(): EmbeddedChartBuilder {
    return this.typed('asBarChart', 'BAR');
  }

  asColumnChart(): EmbeddedChartBuilder {
    return this.typed('asColumnChart', 'COLUMN');
  }

  asComboChart(): EmbeddedChartBuilder {
    return this.typed('asComboChart', 'COMBO');
  }

  asHistogramChart(): EmbeddedChartBuilder {
    return this.typed('asHistogramChart', 'HISTOGRAM');
  }

  asLineChart(): EmbeddedChartBuilder {
    return this.typed('asLineChart', 'LINE');
  }

  asPieChart(): EmbeddedChartBuilder {
    return this.typed('asPieChart', 'PIE');
  }

  asScatterChart(): EmbeddedChartBuilder {
    return this.typed('asScatterChart', 'SCATTER');
  }

  asTableChart(): EmbeddedChartBuilder {
    return this.typed('asTableChart', 'TABLE');
  }

  setTitle(chartTitle: string): EmbeddedChartBuilder {
    return this.option('setTitle', 'title', String(chartTitle));
  }

  setXAxisTitle(title: string): EmbeddedChartBuilder {
    return this.option('setXAxisTitle', 'hAxis.title', String(title));
  }

  setYAxisTitle(title: string): EmbeddedChartBuilder {
    return this.option('setYAxisTitle', 'vAxis.title', String(title));
  }

  setLegendPosition(position: EnumValue): EmbeddedChartBuilder {
    return this.option('setLegendPosition', 'legend.position', String(position).toLowerCase());
  }

  setColors(cssValues: string[]): EmbeddedChartBuilder {
    return this.option('setColors', 'colors', cssValues);
  }

  setDimensions(width: number, height: number): EmbeddedChartBuilder {
    this.option('setDimensions', 'width', Number(width));
    this.record.options.height = Number(height);
    return this;
  }

  setBackgroundColor(cssValue: string): EmbeddedChartBuilder {
    return this.option('setBackgroundColor', 'backgroundColor', String(cssValue));
  }

  setStacked(): EmbeddedChartBuilder {
    return this.option('setStacked', 'isStacked', true);
  }

  set3D(): EmbeddedChartBuilder {
    return this.option('set3D', 'is3D', true);
  }

  setPointStyle(style: EnumValue): EmbeddedChartBuilder {
    return this.option('setPointStyle', 'pointStyle', String(style));
  }

  setCurveStyle(style: EnumValue): EmbeddedChartBuilder {
    return this.option('setCurveStyle', 'curveType', String(style));
  }

  setXAxisRange(start: number, end: number): EmbeddedChartBuilder {
    return this.option('setXAxisRange', 'hAxis.viewWindow', { min: start, max: end });
  }

  setYAxisRange(start: number, end: number): EmbeddedChartBuilder {
    return this.option('setYAxisRange', 'vAxis.viewWindow', { min: start, max: end });
  }

  /** A chart ready for insertChart/updateChart. */
  build(): EmbeddedChart {
    this.count('build');
    return new EmbeddedChart(this.sheet, {
      ...this.record,
      options: { ...this.record.options },
      ranges: this.record.ranges.map((range) => ({ ...range, span: { ...range.span } })),
    });
  }
}

function rangesOf(sheet: StandinSheet, record: ChartRecord): StandinRange[] {
  const spreadsheet = sheet.spreadsheet;
  const ranges: StandinRange[] = [];
  for (const range of record.ranges) {
    const owner = spreadsheet.sheetById(range.sheetId);
    if (owner) ranges.push(new StandinRange(owner, { ...range.span }));
  }
  return ranges;
}

/** Where the chart sits on its sheet. */
export class ContainerInfo {
  constructor(private readonly record: ChartRecord) {}

  getAnchorRow(): number {
    return this.record.position.anchorRow;
  }

  getAnchorColumn(): number {
    return this.record.position.anchorColumn;
  }

  getOffsetX(): number {
    return this.record.position.offsetX;
  }

  getOffsetY(): number {
    return this.record.position.offsetY;
  }
}

/** ChartOptions: read-only view of a chart's options. */
export class ChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}

  /** The option's value, or null when not set. */
  get(option: string): unknown {
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}

/** EmbeddedChart: a chart built for, or inserted into, a sheet. */
export class EmbeddedChart {
  constructor(
    private readonly sheet: StandinSheet,
    readonly record: ChartRecord,
  ) {}

  private count(method: string): Realm {
    return this.sheet.spreadsheet.count(method, 'EmbeddedChart');
  }

  /** Null until the chart is inserted, as documented. */
  getChartId(): number | null {
    this.count('getChartId');
    return this.record.chartId ?? null;
  }

  getId(): string | null {
    this.count('getId');
    return this.record.chartId === undefined ? null : `u${this.record.chartId}`;
  }

  getOptions(): ChartOptions {
    this.count('getOptions');
    return new ChartOptions(this.record.options);
  }

  getRanges(): StandinRange[] {
    const realm = this.count('getRanges');
    return realm.array(rangesOf(this.sheet, this.record));
  }

  getContainerInfo(): ContainerInfo {
    this.count('getContainerInfo');
    return new ContainerInfo(this.record);
  }

  getNumHeaders(): number {
    this.count('getNumHeaders');
    return this.record.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.count('getTransposeRowsAndColumns');
    return this.record.transposeRowsAndColumns;
  }

  /** A builder preloaded with this chart; build() and updateChart() apply the changes. */
  modify(): EmbeddedChartBuilder {
    this.count('modify');
    return new EmbeddedChartBuilder(this.sheet, this.record);
  }
}
