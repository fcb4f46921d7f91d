// Charts for the recording fake (Worksheet.charts), as much as the Review panel's funnel chart
// uses: importing this file plugs them into ./fakeExcel.ts. Each rule and its source is a row of
// ./FAKE.md ("Charts"). A chart here is its type, name, title, source range and top-left cell; the
// fake draws nothing, and undo does not restore charts (not modelled).
import {
  FakeCollection,
  FakeObject,
  FakeOfficeError,
  fakeExtensions,
  rectAddress,
  type FakeContext,
  type FakeSheet,
  type FakeWorkbook,
  type RangeProxy,
  type WorksheetProxy,
} from "./fakeExcel";

export interface FakeChart {
  readonly type: string;
  name: string;
  title: string;
  /** The source range on the chart's sheet, e.g. "X1:Y7". */
  source: string;
  seriesBy: string;
  /** The top-left cell setPosition put the chart at ("" before it). */
  position: string;
}

/** Excel.ChartSeriesBy; a chart type is taken as given (the typings' Excel.ChartType list, Funnel from ExcelApi 1.9). */
const SERIES_BY = ["Auto", "Columns", "Rows"];

const bySheet = new WeakMap<FakeSheet, FakeChart[]>();

function chartsOf(sheet: FakeSheet): FakeChart[] {
  let charts = bySheet.get(sheet);
  if (!charts) {
    charts = [];
    bySheet.set(sheet, charts);
  }
  return charts;
}

/** The source range's address on the chart's own sheet; a range of another context or sheet is refused. */
function sourceOf(ctx: FakeContext, sheet: FakeSheet, range: RangeProxy): string {
  if (range.context !== ctx)
    throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts (it comes from another Excel.run).");
  const t = range.target();
  // The typings do not say a chart's data must sit on its sheet; the product keeps it there, and the fake holds it to that (a guess).
  if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The fake keeps a chart's source data on the chart's own sheet (a guess).");
  return rectAddress(t.rect);
}

function checkSeriesBy(seriesBy: string): void {
  if (!SERIES_BY.includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `seriesBy ${seriesBy} is not Auto, Columns or Rows.`);
}

export class ChartCollectionProxy extends FakeCollection<FakeSheet, FakeChart, ChartProxy> {
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx, () => sheet.target(), `charts of ${sheet["describe"]}`);
  }
  protected list(sheet: FakeSheet): FakeChart[] {
    return chartsOf(sheet);
  }
  protected itemProxy(chart: FakeChart): ChartProxy {
    return new ChartProxy(this.ctx, () => chart, `chart "${chart.name}"`);
  }
  /** Typings, ChartCollection.add(type, sourceData, seriesBy): a new chart of that type over the range. */
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: FakeChart | undefined;
    this.queueOp("add", { type, seriesBy }, (sheet) => {
      checkSeriesBy(seriesBy);
      const charts = chartsOf(sheet);
      created = { type, name: `Chart ${charts.length + 1}`, title: "", source: sourceOf(this.ctx, sheet, sourceData), seriesBy, position: "" };
      charts.push(created);
    });
    return new ChartProxy(
      this.ctx,
      () => created ?? null,
      `new chart (${type})`,
      false,
      () => this.target(),
    );
  }
  /** Typings (ExcelApi 1.4): the first chart of that name, or a null object. */
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.ctx,
      () => chartsOf(this.target()).find((c) => c.name === name) ?? null,
      `chart "${name}"`,
      true,
      () => this.target(),
    );
  }
}

export class ChartProxy extends FakeObject<FakeChart> {
  constructor(
    ctx: FakeContext,
    resolve: () => FakeChart | null,
    describe: string,
    orNull = false,
    private readonly sheet: () => FakeSheet = () => {
      throw new FakeOfficeError("ItemNotFound", `The fake does not know the sheet of ${describe}.`);
    },
  ) {
    super(ctx, resolve, describe, orNull);
  }
  protected scalars() {
    return { name: (c: FakeChart) => c.name, chartType: (c: FakeChart) => c.type };
  }
  get name(): string {
    return this.read<string>("name");
  }
  get chartType(): string {
    return this.read<string>("chartType");
  }
  set name(value: string) {
    this.queueOp("name", value, (chart) => {
      chart.name = value;
    });
  }
  get title(): { text: string } {
    const queueOp = (value: string) =>
      this.queueOp("title.text", value, (chart) => {
        chart.title = value;
      });
    return {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The fake does not load a chart title.");
      },
      set text(value: string) {
        queueOp(value);
      },
    };
  }
  /** Typings (ExcelApi 1.1): resets the source data. */
  setData(sourceData: RangeProxy, seriesBy = "Auto"): void {
    this.queueOp("setData", { seriesBy }, (chart) => {
      checkSeriesBy(seriesBy);
      chart.source = sourceOf(this.ctx, this.sheet(), sourceData);
      chart.seriesBy = seriesBy;
    });
  }
  /** Typings (ExcelApi 1.1): moves the chart's top-left corner to the start cell. */
  setPosition(startCell: string): void {
    this.queueOp("setPosition", startCell, (chart) => {
      if (typeof startCell !== "string" || !/^[A-Z]{1,3}\d+$/.test(startCell))
        throw new FakeOfficeError("InvalidArgument", `The fake takes a start cell such as "B12", not ${String(startCell)}.`);
      chart.position = startCell;
    });
  }
}

fakeExtensions.charts = (ctx, sheet) => new ChartCollectionProxy(ctx, sheet);

/** The charts on a sheet, for tests to look at. */
export function chartsOn(workbook: FakeWorkbook, sheetName: string): readonly FakeChart[] {
  return chartsOf(workbook.requireSheet(sheetName));
}
