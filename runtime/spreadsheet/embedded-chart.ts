/**
 * EmbeddedChartBuilder and EmbeddedChart, recorded in SheetModel.charts (type, ranges, options) so
 * tests can check what the add-in charted. Chart type values are taken as given (Charts.ChartType
 * belongs to the Charts service fake).
 */
import { AppsScriptException } from '../runtime-context';
import { formatA1, quoteSheetName } from './a1-notation';
import { FakeRange } from './fake-range';
import type { ChartModel } from './spreadsheet-model';
import type { SpreadsheetSession } from './spreadsheet-session';

/** Options arrive from the add-in's realm: keep a plain-data copy. */
function plainCopy(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export class FakeEmbeddedChartBuilder {
  private readonly chart: ChartModel;

  constructor(
    private readonly session: SpreadsheetSession,
    from: ChartModel | null,
  ) {
    this.chart = from
      ? structuredClone(from)
      : { id: 0, chartType: 'LINE', ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }

  private rec(method: string): void {
    this.session.record(`EmbeddedChartBuilder.${method}`, 'other');
  }

  addRange(range: unknown): this {
    this.rec('addRange');
    if (!(range instanceof FakeRange)) {
      throw new AppsScriptException(`The parameters (${typeof range}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.`);
    }
    const { sheet, area } = range.location();
    this.chart.ranges.push(`${quoteSheetName(sheet.name)}!${formatA1(area.row, area.column, area.numRows, area.numColumns)}`);
    return this;
  }

  clearRanges(): this {
    this.rec('clearRanges');
    this.chart.ranges = [];
    return this;
  }

  setChartType(type: unknown): this {
    this.rec('setChartType');
    this.chart.chartType = String(type);
    return this;
  }

  asBarChart(): this {
    this.rec('asBarChart');
    this.chart.chartType = 'BAR';
    return this;
  }

  asColumnChart(): this {
    this.rec('asColumnChart');
    this.chart.chartType = 'COLUMN';
    return this;
  }

  asPieChart(): this {
    this.rec('asPieChart');
    this.chart.chartType = 'PIE';
    return this;
  }

  setTitle(title: string): this {
    this.rec('setTitle');
    this.chart.options.title = String(title);
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.rec('setPosition');
    this.chart.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.rec('setOption');
    this.chart.options[String(option)] = plainCopy(value);
    return this;
  }

  build(): FakeEmbeddedChart {
    this.rec('build');
    return new FakeEmbeddedChart(this.session, structuredClone(this.chart));
  }
}

export class FakeEmbeddedChart {
  constructor(
    private readonly session: SpreadsheetSession,
    readonly data: ChartModel,
  ) {}

  getChartId(): number | null {
    this.session.record('EmbeddedChart.getChartId', 'read');
    return this.data.id === 0 ? null : this.data.id;
  }

  getRanges(): FakeRange[] {
    this.session.record('EmbeddedChart.getRanges', 'read');
    return this.session.realmArray(this.data.ranges.map((a1) => this.session.rangeOfReference(a1, null)));
  }

  getType(): string {
    this.session.record('EmbeddedChart.getType', 'read');
    return this.data.chartType;
  }

  getOptions(): { get(option: string): unknown } {
    this.session.record('EmbeddedChart.getOptions', 'read');
    const options = this.data.options;
    return { get: (option: string) => options[option] ?? null };
  }

  modify(): FakeEmbeddedChartBuilder {
    this.session.record('EmbeddedChart.modify', 'other');
    return new FakeEmbeddedChartBuilder(this.session, this.data);
  }
}
