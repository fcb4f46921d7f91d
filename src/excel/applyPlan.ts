// Applies a Plan to the open workbook with Office.js, in as few context.sync() calls as Excel
// on the web's 5 MB request limit allows: steps are queued into one batch, synced only when the
// next unit of work would take it over BATCH_BUDGET_BYTES. Row count barely matters: a new
// column's formula and format are one cell that Excel fills down; only rows written as data
// cost bytes per row, and those are split into ranges under the budget.
//
// Every call only adds: new sheets, tables, columns written into blank cells right of a table and
// rows into blank cells below it, which then grows over them (never TableColumnCollection.add,
// which inserts cells and so moves or breaks a table beside it, nor TableRowCollection.add,
// which conflicts under co-authoring), names, and formats, formulas and rules on columns the
// plan adds. Calculation is suspended in every write batch and run once at the end.
import type { RuleFormat } from "../domain/spec/types";
import type {
  AppendRowsStep,
  CellFormat,
  CellInput,
  ColumnValidation,
  ConditionalFormatRule,
  Plan,
  PlanStep,
  ValidationCheck,
} from "../domain/plan/types";
import { RECORD_TABLE, SCHEMA_VERSION_NAME } from "../domain/plan/types";
import { recordItem } from "../domain/plan/plan";
import { areaAddress, parseArea, quoteSheet } from "../domain/plan/address";
import { officeCell, textCell, type OfficeCell } from "./cells";
import { WorkbookWriteError, officeErrorParts, type StepPlace, type WriteAction, type WriteReason } from "./errors";
import { BATCH_BUDGET_BYTES, CALL_OVERHEAD_BYTES, jsonBytes, utf8Bytes } from "./payload";
import type { RevisionClaim } from "./revision";
import { ROWS_CHECKED_BELOW, ruleKey, topLeft, type TableLayout, type WorkbookSnapshot } from "./readState";

export interface Progress {
  /** Plan steps written to the workbook so far. */
  readonly done: number;
  readonly total: number;
}

export interface ApplyOptions {
  /** Called after every sync: the task pane's progress bar. */
  readonly onProgress?: (progress: Progress) => void;
  /** When this plan is the second part of a larger one: the steps done before and the whole count. */
  readonly progressOf?: { readonly before: number; readonly total: number };
  /** Recalculate once at the end (default true). */
  readonly recalculate?: boolean;
  /** Bytes one batch may carry (tests lower it); default BATCH_BUDGET_BYTES. */
  readonly budgetBytes?: number;
  /** Moved on by every write batch, so a batch planned from a stale read applies nothing (revision.ts). */
  readonly claim?: RevisionClaim;
}

export interface ApplyResult {
  readonly syncs: number;
}

/** One large cell write is split into ranges of at most this many bytes. */
const CHUNK_FRACTION = 4;

interface QueuedCall {
  readonly member: string;
  readonly action: WriteAction;
  readonly place: StepPlace;
}

/** The queue of one Excel.run: knows its size, syncs when full, explains failures. */
class Batch {
  syncs = 0;
  private bytes = 0;
  private calls: QueuedCall[] = [];
  private claimed = false;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly afterSync: () => void,
    private readonly claim?: RevisionClaim,
  ) {}

  /**
   * Call before queuing Office.js calls worth `bytes`; syncs first when they would not fit,
   * unless `keep` (AddinRecord items stay in the batch of the work they record: a few bytes
   * past the budget, which leaves a megabyte under Excel's limit).
   */
  async add(
    member: string,
    bytes: number,
    action: WriteAction,
    place: StepPlace,
    options: { suspend?: boolean; keep?: boolean } = {},
  ): Promise<void> {
    const size = bytes + CALL_OVERHEAD_BYTES;
    if (!options.keep && this.calls.length > 0 && this.bytes + size > this.budget) await this.sync();
    // The recalculation batch (suspend false) changes no content: it claims nothing.
    if (this.calls.length === 0 && options.suspend !== false) {
      if (this.claim) {
        this.claim.queue(this.context);
        this.claimed = true;
      }
      this.context.application.suspendApiCalculationUntilNextSync();
    }
    this.bytes += size;
    this.calls.push({ member, action, place });
  }

  /** Syncs first when `bytes` more would not fit: keeps a unit of work in one batch when it can be. */
  async fit(bytes: number): Promise<void> {
    if (this.calls.length > 0 && this.bytes + bytes > this.budget) await this.sync();
  }

  get pending(): boolean {
    return this.calls.length > 0;
  }

  async sync(): Promise<void> {
    try {
      await this.context.sync();
    } catch (error) {
      throw this.explain(error);
    }
    this.syncs++;
    if (this.claimed) this.claim?.synced();
    this.claimed = false;
    this.bytes = 0;
    this.calls = [];
    this.afterSync();
  }

  /** Names the steps of the failed batch that made the kind of call Excel refused. */
  private explain(error: unknown): WorkbookWriteError {
    const office = officeErrorParts(error);
    const reason: WriteReason = { kind: "excel", code: office.code, message: office.message };
    const matching = this.calls.filter((c) => office.location !== undefined && c.member === office.location);
    const suspects = matching.length > 0 ? matching : this.calls;
    const places: StepPlace[] = [];
    for (const call of suspects) {
      if (!places.some((p) => p.sheet === call.place.sheet && p.table === call.place.table && p.column === call.place.column))
        places.push(call.place);
    }
    // A sync with no calls queued only read (where a rule's ranges start): say so, not "recalculate".
    return new WorkbookWriteError(places.slice(0, 3), suspects[0]?.action ?? "read", reason);
  }
}

/** Excel character units to points: 8.43 characters (Excel's default) is 64 px, 48 pt. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function validationRule(check: ValidationCheck): Excel.DataValidationRule | undefined {
  switch (check.kind) {
    case "any":
      return undefined;
    case "list":
      return { list: { inCellDropDown: true, source: check.source } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
    case "decimal":
      return check.max === undefined
        ? { decimal: { formula1: check.min, operator: "GreaterThanOrEqualTo" } }
        : { decimal: { formula1: check.min, formula2: check.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: check.min, formula2: check.max, operator: "Between" } };
  }
}

/** Sorted column indexes as runs of neighbours: one conditional format per contiguous range. */
function runs(indexes: number[]): { start: number; count: number }[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: { start: number; count: number }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1 });
  }
  return out;
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: Plan,
  snapshot: WorkbookSnapshot,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const total = options.progressOf?.total ?? plan.steps.length;
  let queued = options.progressOf?.before ?? 0;
  const report = () => options.onProgress?.({ done: queued, total });
  const batch = new Batch(context, options.budgetBytes ?? BATCH_BUDGET_BYTES, report, options.claim);
  const tables = new Map<string, TableLayout>();
  for (const [key, layout] of snapshot.tables) {
    tables.set(key, { ...layout, headers: [...layout.headers], rules: new Map(layout.rules), emptyRules: [...layout.emptyRules] });
  }
  const names = new Set(snapshot.state.names.map((n) => n.toLowerCase()));
  const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);
  const tableOf = (layout: TableLayout) => context.workbook.tables.getItem(layout.name);
  // Ranges of a table's data body are taken from the table as Excel holds it when the batch runs,
  // not from the read: rows a co-author typed since then get the formats, formulas and rules too.
  const bodyColumns = (layout: TableLayout, start: number, count = 1) => {
    const column = tableOf(layout).getDataBodyRange().getColumn(start);
    return count > 1 ? column.getResizedRange(0, count - 1) : column;
  };
  const fail = (action: WriteAction, place: StepPlace, reason: WriteReason) => new WorkbookWriteError([place], action, reason);

  const layoutOf = (step: { kind: WriteAction; table: string; sheet: string }): TableLayout => {
    const layout = tables.get(step.table.toLowerCase());
    if (!layout) throw fail(step.kind, { sheet: step.sheet, table: step.table }, { kind: "tableMissing" });
    return layout;
  };
  const columnOf = (action: WriteAction, layout: TableLayout, column: string): number => {
    const index = layout.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (index < 0) throw fail(action, { sheet: layout.sheet, table: layout.name, column }, { kind: "columnMissing", column });
    return index;
  };

  /** Writes a grid of cells, split into ranges that each fit a fraction of the budget. */
  const writeGrid = async (
    sheet: string,
    row: number,
    col: number,
    grid: readonly (readonly (OfficeCell | null)[])[],
    action: WriteAction,
    place: StepPlace,
    keep = false,
  ) => {
    const limit = batch.budget / CHUNK_FRACTION;
    let start = 0;
    while (start < grid.length) {
      let bytes = 2;
      let end = start;
      while (end < grid.length) {
        const rowBytes = jsonBytes(grid[end]) + 1;
        if (end > start && bytes + rowBytes > limit) break;
        bytes += rowBytes;
        end++;
      }
      await batch.add("Range.formulas", bytes, action, place, { keep });
      sheetOf(sheet).getRangeByIndexes(row + start, col, end - start, grid[start].length).formulas = grid.slice(start, end) as OfficeCell[][]; // null: leave the cell as it is
      start = end;
    }
  };

  const guardSyncs = await ensureRoomBelow(context, plan.steps, tables);
  const legendSyncs = await dropTakenLegends(context, plan);
  plan = legendSyncs.plan;

  /**
   * Which column each found rule starts at, by id. One range: the one rule found. Several (a rule
   * over columns that are not side by side): Excel is asked where each starts (one more sync,
   * only after an interrupted run).
   */
  const rangesOf = async (found: readonly { id: string }[], firstColumns: readonly number[], any: Excel.Range): Promise<Map<number, string>> => {
    const out = new Map<number, string>();
    if (found.length === 0) return out;
    if (firstColumns.length === 1) return out.set(firstColumns[0], found[0].id);
    const starts = found.map((f) => any.conditionalFormats.getItem(f.id).getRange().load("columnIndex"));
    await batch.sync();
    starts.forEach((range, i) => out.set(range.columnIndex, found[i].id));
    return out;
  };

  /**
   * Rows go into the blank cells below the table (never TableRowCollection.add, which conflicts
   * under co-authoring): the table first grows over them (Table.resize), then they are written,
   * in one batch when they fit. A failure in between leaves blank table rows, never cells
   * outside the table that a re-run would have to refuse to write over.
   */
  const appendRows = async (step: AppendRowsStep, keep = false) => {
    const layout = layoutOf(step);
    const place = { sheet: step.sheet, table: step.table };
    const width = layout.headers.length;
    if (step.rows.length === 0) return;
    for (const r of step.rows) if (r.length > width) throw fail(step.kind, place, { kind: "rowTooLong", cells: r.length, columns: width });
    const rows = step.rows.map((r) => padRow(r, width));
    if (!keep) await batch.fit(jsonBytes(rows) + 2 * CALL_OVERHEAD_BYTES);
    // Below a table with rows and no blank room, in one range: placed from the table as Excel holds
    // it when the batch runs, so rows a co-author typed since the read are not written over.
    if (layout.rows > 0 && layout.rows === layout.bodyRows && jsonBytes(rows) <= batch.budget / CHUNK_FRACTION) {
      await batch.add("Table.resize", 64, step.kind, place, { keep });
      const table = tableOf(layout);
      table.resize(table.getRange().getResizedRange(rows.length, 0));
      await batch.add("Range.formulas", jsonBytes(rows), step.kind, place, { keep });
      const last = tableOf(layout).getRange().getLastRow();
      (rows.length > 1 ? last.getOffsetRange(1 - rows.length, 0).getResizedRange(rows.length - 1, 0) : last).formulas = rows as OfficeCell[][];
      layout.rows += rows.length;
      layout.bodyRows += rows.length;
      return;
    }
    // The first row after the last data row; in an empty table, Excel's blank row.
    const first = layout.row + 1 + layout.rows;
    const bodyRows = Math.max(layout.bodyRows, layout.rows + rows.length);
    const address = areaAddress({
      firstRow: layout.row + 1,
      firstColumn: layout.col + 1,
      lastRow: layout.row + 1 + bodyRows,
      lastColumn: layout.col + width,
    });
    const grow = async () => {
      if (bodyRows === layout.bodyRows) return;
      await batch.add("Table.resize", utf8Bytes(address), step.kind, place, { keep });
      context.workbook.tables.getItem(layout.name).resize(`${quoteSheet(layout.sheet)}!${address}`);
    };
    await grow();
    await writeGrid(layout.sheet, first, layout.col, rows, step.kind, place, keep);
    layout.rows += rows.length;
    layout.bodyRows = bodyRows;
  };

  const steps: Record<PlanStep["kind"], (step: never) => Promise<void>> = {
    addSheet: async (step: Extract<PlanStep, { kind: "addSheet" }>) => {
      await batch.add("WorksheetCollection.add", utf8Bytes(step.sheet), step.kind, { sheet: step.sheet });
      const sheet = context.workbook.worksheets.add(step.sheet);
      if (!step.visible) sheet.visibility = "Hidden";
      if (step.tabColor) sheet.tabColor = step.tabColor;
      if (step.first) sheet.position = 0;
    },

    hideSheet: async (step: Extract<PlanStep, { kind: "hideSheet" }>) => {
      await batch.add("Worksheet.visibility", 16, step.kind, { sheet: step.sheet });
      sheetOf(step.sheet).visibility = "Hidden";
    },

    renameTable: async (step: Extract<PlanStep, { kind: "renameTable" }>) => {
      const layout = tables.get(step.from.toLowerCase());
      const place = { sheet: step.sheet, table: step.table };
      if (!layout) throw fail(step.kind, place, { kind: "tableMissing" });
      await batch.add("Table.name", utf8Bytes(step.table), step.kind, place);
      context.workbook.tables.getItem(step.from).name = step.table;
      tables.delete(step.from.toLowerCase());
      tables.set(step.table.toLowerCase(), { ...layout, name: step.table });
    },

    addTable: async (step: Extract<PlanStep, { kind: "addTable" }>) => {
      const place = { sheet: step.sheet, table: step.table };
      const { row, col } = topLeft(step.address);
      const width = step.headers.length;
      for (const r of step.rows) if (r.length > width) throw fail(step.kind, place, { kind: "rowTooLong", cells: r.length, columns: width });
      const grid = [step.headers.map(textCell), ...step.rows.map((r) => padRow(r, width))];
      await writeGrid(step.sheet, row, col, grid, step.kind, place);
      await batch.add("TableCollection.add", 64 + utf8Bytes(step.table), step.kind, place);
      const sheet = sheetOf(step.sheet);
      const address = areaAddress({ firstRow: row + 1, firstColumn: col + 1, lastRow: row + 1 + step.rows.length, lastColumn: col + width });
      const table = sheet.tables.add(address, true);
      table.name = step.table;
      if (step.style) table.style = step.style;
      if (step.freezeHeader) sheet.freezePanes.freezeRows(row + 1);
      tables.set(step.table.toLowerCase(), {
        name: step.table,
        sheet: step.sheet,
        row,
        col,
        rows: step.rows.length,
        bodyRows: Math.max(1, step.rows.length),
        headers: [...step.headers],
        rules: new Map(),
        emptyRules: [],
      });
    },

    addColumns: async (step: Extract<PlanStep, { kind: "addColumns" }>) => {
      // Headers and the fixed rows' values go into the blank cells right of the table (the planner
      // checked they are blank), then the table grows over them, as rows are added below it.
      const layout = layoutOf(step);
      const place = { sheet: step.sheet, table: step.table, column: step.columns[0]?.header };
      if (step.columns.length === 0) return;
      const first = layout.col + layout.headers.length;
      const height = Math.min(layout.bodyRows, Math.max(0, ...step.columns.map((c) => c.values?.length ?? 0)));
      const grid: (OfficeCell | null)[][] = [step.columns.map((c) => textCell(c.header))];
      for (let r = 0; r < height; r++)
        grid.push(step.columns.map((c) => (c.values?.[r] === null || c.values?.[r] === undefined ? null : officeCell(c.values[r]!))));
      await batch.fit(jsonBytes(grid) + 2 * CALL_OVERHEAD_BYTES);
      await writeGrid(layout.sheet, layout.row, first, grid, step.kind, place);
      const width = layout.headers.length + step.columns.length;
      const address = areaAddress({
        firstRow: layout.row + 1,
        firstColumn: layout.col + 1,
        lastRow: layout.row + 1 + layout.bodyRows,
        lastColumn: layout.col + width,
      });
      await batch.add("Table.resize", utf8Bytes(address), step.kind, place);
      // Grown from the table as Excel holds it then: a range from the read would drop rows a co-author typed since.
      const table = tableOf(layout);
      table.resize(table.getRange().getResizedRange(0, step.columns.length));
      layout.headers.push(...step.columns.map((c) => c.header));
    },

    appendRows: (step: Extract<PlanStep, { kind: "appendRows" }>) => appendRows(step),

    setNames: async (step: Extract<PlanStep, { kind: "setNames" }>) => {
      for (const n of step.names) {
        if (n.repair) {
          await batch.add("NamedItem.formula", jsonBytes(n), step.kind, {});
          context.workbook.names.getItem(n.name).formula = n.refersTo;
          continue;
        }
        if (names.has(n.name.toLowerCase())) continue; // made by an earlier, interrupted run
        await batch.add("NamedItemCollection.add", jsonBytes(n), step.kind, {});
        context.workbook.names.add(n.name, n.refersTo, n.comment);
        names.add(n.name.toLowerCase());
      }
    },

    setFormats: async (step: Extract<PlanStep, { kind: "setFormats" }>) => {
      const layout = layoutOf(step);
      for (const c of step.columns) {
        const index = columnOf(step.kind, layout, c.column);
        const place = { sheet: step.sheet, table: step.table, column: c.column };
        if (c.numberFormat) {
          await batch.add("Range.autoFill", jsonBytes(c.numberFormat) * 2, step.kind, place);
          fillDown(bodyColumns(layout, index), layout.bodyRows, (first) => (first.numberFormat = [[c.numberFormat]]), "FillFormats");
        }
        if (c.width) {
          await batch.add("RangeFormat.columnWidth", 16, step.kind, place);
          sheetOf(layout.sheet).getRangeByIndexes(layout.row, layout.col + index, 1, 1).format.columnWidth = widthInPoints(c.width);
        }
      }
    },

    setColumnFormula: async (step: Extract<PlanStep, { kind: "setColumnFormula" }>) => {
      const layout = layoutOf(step);
      for (const c of step.columns) {
        const index = columnOf(step.kind, layout, c.column);
        const place = { sheet: step.sheet, table: step.table, column: c.column };
        await batch.add("Range.autoFill", jsonBytes(c.formula) * 2, step.kind, place);
        fillDown(bodyColumns(layout, index), layout.bodyRows, (first) => (first.formulas = [[c.formula]]), "FillCopy");
      }
    },

    setValidation: async (step: Extract<PlanStep, { kind: "setValidation" }>) => {
      const layout = layoutOf(step);
      for (const v of step.columns) {
        const index = columnOf(step.kind, layout, v.column);
        const place = { sheet: step.sheet, table: step.table, column: v.column };
        await batch.add("DataValidation.rule", jsonBytes(v), step.kind, place);
        applyValidation(bodyColumns(layout, index).dataValidation, v);
      }
    },

    setConditionalFormat: async (step: Extract<PlanStep, { kind: "setConditionalFormat" }>) => {
      const layout = layoutOf(step);
      for (const rule of step.rules) {
        const key = ruleKey(rule.formula);
        const indexes = rule.columns ? rule.columns.map((c) => columnOf(step.kind, layout, c)) : layout.headers.map((_, i) => i);
        const body = (start: number, count: number) => bodyColumns(layout, start, count);
        const place = { sheet: step.sheet, table: step.table, ...(rule.columns ? { column: layout.headers[indexes[0]] } : {}) };
        const found = layout.rules.get(key) ?? [];
        // A rule someone made with our formula and their own colours is theirs: it stays, and ours is not added.
        if (found.some((f) => !formatWithin(f.format, rule.format))) continue;
        // Otherwise what is there was made by an interrupted run (it is not recorded): each range it
        // covers gets its format finished and goes to its place; the ranges it lacks are added.
        const parts = runs(indexes);
        const madeAt = await rangesOf(
          found,
          parts.map((run) => layout.col + run.start),
          body(indexes[0], 1),
        );
        // The first range not made yet is the one an interrupted run may have added without its formula.
        let empty = parts.some((run) => !madeAt.has(layout.col + run.start)) ? layout.emptyRules.shift() : undefined;
        for (const run of parts) {
          await batch.add("ConditionalFormatCollection.add", jsonBytes(rule), step.kind, place);
          const range = body(run.start, run.count);
          const made = madeAt.get(layout.col + run.start);
          if (made !== undefined) finishRule(range.conditionalFormats.getItem(made), rule);
          // A rule Excel added without the formula the interrupted run was about to set is this one.
          else if (empty !== undefined) finishRule(range.conditionalFormats.getItem(empty), rule, true);
          else finishRule(range.conditionalFormats.add("Custom"), rule, true);
          if (made === undefined) empty = undefined;
        }
        layout.rules.set(
          key,
          parts.map(() => ({ id: "", format: rule.format })),
        );
      }
    },

    setRowFormats: async (step: Extract<PlanStep, { kind: "setRowFormats" }>) => {
      const layout = layoutOf(step);
      for (const r of step.rows) {
        for (const column of r.columns) {
          const index = columnOf(step.kind, layout, column);
          await batch.add("Range.numberFormat", jsonBytes(r.numberFormat), step.kind, { sheet: step.sheet, table: step.table, column });
          sheetOf(layout.sheet).getRangeByIndexes(layout.row + 1 + r.row, layout.col + index, 1, 1).numberFormat = [[r.numberFormat]];
        }
      }
    },

    fillFormulas: async (step: Extract<PlanStep, { kind: "fillFormulas" }>) => {
      for (const c of step.columns) {
        const place = { sheet: step.sheet, table: step.table, column: c.column };
        for (const address of c.areas) {
          const area = parseArea(address);
          const grid = Array.from({ length: area.lastRow - area.firstRow + 1 }, () =>
            Array.from({ length: area.lastColumn - area.firstColumn + 1 }, () => c.formula),
          );
          await writeGrid(step.sheet, area.firstRow - 1, area.firstColumn - 1, grid, step.kind, place);
        }
      }
    },

    styleTable: async (step: Extract<PlanStep, { kind: "styleTable" }>) => {
      const layout = layoutOf(step);
      const sheet = sheetOf(layout.sheet);
      const place = { sheet: step.sheet, table: step.table };
      if (step.header) {
        await batch.add("RangeFormat.wrapText", jsonBytes(step.header), step.kind, place);
        const header = sheet.getRangeByIndexes(layout.row, layout.col, 1, layout.headers.length);
        setLook(header.format, { ...step.header, wrap: true });
        header.format.autofitRows();
        // A row's cells start at its top, so a one-line cell sits beside the first line of a wrapped one.
        bodyColumns(layout, 0, layout.headers.length).format.verticalAlignment = "Top";
      }
      for (const column of step.wrap) {
        const index = columnOf(step.kind, layout, column);
        await batch.add("RangeFormat.wrapText", 16, step.kind, { ...place, column });
        bodyColumns(layout, index).format.wrapText = true;
      }
      if (step.wrap.length) bodyColumns(layout, 0, layout.headers.length).format.autofitRows();
      if (step.tableStyle) {
        await batch.add("Table.style", 64, step.kind, place);
        context.workbook.tables.getItem(layout.name).style = step.tableStyle;
      }
      if (step.freezeHeader) sheet.freezePanes.freezeRows(layout.row + 1);
    },

    setPrint: async (step: Extract<PlanStep, { kind: "setPrint" }>) => {
      await batch.add("PageLayout.zoom", jsonBytes(step), step.kind, { sheet: step.sheet });
      const page = sheetOf(step.sheet).pageLayout;
      page.orientation = step.orientation === "landscape" ? "Landscape" : "Portrait";
      // One page wide, as many tall as the rows need (0 = automatic, as the file format's fitToHeight).
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (step.titleRows) page.setPrintTitleRows(step.titleRows);
      page.headersFooters.defaultForAllPages.centerFooter = step.footer;
      if (step.tabColor) sheetOf(step.sheet).tabColor = step.tabColor;
    },

    writeCells: async (step: Extract<PlanStep, { kind: "writeCells" }>) => {
      const sheet = sheetOf(step.sheet);
      for (const cell of step.cells) {
        await batch.add("Range.formulas", jsonBytes(cell), step.kind, { sheet: step.sheet });
        const range = sheet.getRange(cell.address);
        range.formulas = [[officeCell(cell.value)]];
        if (cell.format) setLook(range.format, cell.format);
        if (cell.format?.numberFormat) range.numberFormat = [[cell.format.numberFormat]];
        if (cell.format?.wrap) range.format.autofitRows();
      }
      // Worksheet.position, ExcelApi 1.1; not undo-supported on Windows and Mac (the set-up then retries ungrouped).
      if (step.moveFirst) sheet.position = 0;
      for (const w of step.widths ?? []) {
        await batch.add("RangeFormat.columnWidth", 16, step.kind, { sheet: step.sheet });
        sheet.getRange(`${w.column}1`).format.columnWidth = widthInPoints(w.width);
      }
    },

    setSchemaVersion: async (step: Extract<PlanStep, { kind: "setSchemaVersion" }>) => {
      await batch.add("Range.values", 16, step.kind, {});
      context.workbook.names.getItem(SCHEMA_VERSION_NAME).getRange().values = [[step.version]];
    },
  };

  // Steps go in units that are each synced whole when they fit a batch, with the AddinRecord
  // items they complete written in the same batch: if a later batch fails, what the record
  // says is made is made, and the re-run's plan covers exactly the rest.
  const { units, record } = toUnits(plan);
  report();
  for (const unit of units) {
    await batch.fit(unit.steps.reduce((sum, step) => sum + estimateStep(step), 0) + jsonBytes(unit.records));
    for (const step of unit.steps) await steps[step.kind](step as never);
    if (record && unit.records.length > 0) {
      await appendRows({ ...record, rows: unit.records.map((item) => [item]) }, true);
    }
    queued += unit.completes;
  }
  if (batch.pending && options.recalculate === false) await batch.sync();
  else if (batch.pending) {
    await batch.sync();
    // Calculation was suspended in every write batch; one recalculation brings every formula up to date.
    await batch.add("Application.calculate", 16, "recalculate", {}, { suspend: false });
    context.workbook.application.calculate("Recalculate");
    await batch.sync();
  }
  report();
  return { syncs: guardSyncs + legendSyncs.syncs + batch.syncs };
}

interface Unit {
  readonly steps: PlanStep[];
  /** AddinRecord items this unit makes true. */
  readonly records: string[];
  /** Plan steps finished with this unit (for progress). */
  readonly completes: number;
}

// The looks of new tables and the page set-up of new sheets complete them too: a re-run sees a
// table or sheet that exists as made, and would not give them again.
const STRUCTURE: readonly PlanStep["kind"][] = [
  "addSheet",
  "hideSheet",
  "renameTable",
  "addTable",
  "addColumns",
  "appendRows",
  "setNames",
  "setFormats",
  "setColumnFormula",
  "setRowFormats",
  "styleTable",
  "setPrint",
  "writeCells",
];

/**
 * Sheets, tables, columns, names and the formats and formulas of new columns form one unit (a
 * column the record calls made must have its format and formula); each drop-down and each
 * highlight rule is a unit with its record item; items left over are written last, as planned.
 */
function toUnits(plan: Plan): { units: Unit[]; record?: AppendRowsStep } {
  const last = plan.steps[plan.steps.length - 1];
  const record = last?.kind === "appendRows" && last.table === RECORD_TABLE ? last : undefined;
  const pending = new Set((record?.rows ?? []).map((row) => String(row[0])));
  const take = (item: string): string[] => (pending.delete(item) ? [item] : []);
  // Every column the record lists is made (or, in a table an interrupted set-up made, completed)
  // by the structure unit: its items go with it, in the record's order.
  const columnItem = recordItem.column("", "").replace(/\.$/, "");
  const structure: Unit = { steps: [], records: [...pending].filter((item) => item.startsWith(columnItem)).flatMap(take), completes: 0 };
  const units: Unit[] = [structure];
  for (const step of plan.steps) {
    if (step === record) continue;
    if (step.kind === "writeCells" && step.record) {
      // Cells that say what they are (a legend) go in one batch with their record item, so a
      // lost batch is redone and a finished one never written twice.
      units.push({ steps: [step], records: take(step.record), completes: 1 });
    } else if (STRUCTURE.includes(step.kind)) {
      structure.steps.push(step);
      (structure as { completes: number }).completes++;
    } else if (step.kind === "setValidation") {
      step.columns.forEach((v, i) =>
        units.push({ steps: [{ ...step, columns: [v] }], records: take(v.id), completes: i === step.columns.length - 1 ? 1 : 0 }),
      );
    } else if (step.kind === "setConditionalFormat") {
      step.rules.forEach((rule, i) =>
        units.push({
          steps: [{ ...step, rules: [rule] }],
          records: take(recordItem.conditionalFormat(step.table, rule.id)),
          completes: i === step.rules.length - 1 ? 1 : 0,
        }),
      );
    } else units.push({ steps: [step], records: [], completes: 1 });
  }
  units.push({ steps: [], records: [...pending], completes: record ? 1 : 0 });
  return { units, record };
}

/** What a step's calls will send, from above: its data, an apostrophe per cell, and each call's envelope. */
function estimateStep(step: PlanStep): number {
  const parts = "columns" in step ? step.columns.length : "rules" in step ? step.rules.length : "names" in step ? step.names.length : 0;
  const cells = step.kind === "addTable" || step.kind === "appendRows" ? step.rows.reduce((sum, row) => sum + row.length, 0) : 0;
  return jsonBytes(step) + cells + (6 + 4 * parts) * CALL_OVERHEAD_BYTES;
}

/**
 * Sets the first cell of a column and lets Excel fill it down (Range.autoFill, ExcelApi 1.9):
 * the same few bytes for 10 or 100,000 rows, so a new column's format and formula always go
 * in the same batch as the column itself.
 */
function fillDown(column: Excel.Range, rows: number, set: (first: Excel.Range) => void, type: "FillCopy" | "FillFormats"): void {
  const first = column.getCell(0, 0);
  set(first);
  if (rows > 1) first.autoFill(column, type);
}

/** A row as wide as the table; null (and the cells past the row's end) leave the cell as it is. */
function padRow(row: readonly CellInput[], width: number): (OfficeCell | null)[] {
  const out: (OfficeCell | null)[] = row.map((cell) => (cell === null ? null : officeCell(cell)));
  while (out.length < width) out.push(null);
  return out;
}

function applyValidation(dv: Excel.DataValidation, v: ColumnValidation): void {
  const rule = validationRule(v.check);
  if (rule) dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: v.error.style === "stop" ? "Stop" : "Warning", title: v.error.title, message: v.error.message };
}

/** A cell's own look: fill, font colour, bold, italic, size, wrapping, number format. */
function setLook(format: Excel.RangeFormat, look: CellFormat): void {
  if (look.fill) format.fill.color = look.fill;
  if (look.font) format.font.color = look.font;
  if (look.bold) format.font.bold = true;
  if (look.italic) format.font.italic = true;
  if (look.size) format.font.size = look.size;
  if (look.wrap) format.wrapText = true;
}

/**
 * Past the last place: ConditionalFormat.priority clamps a priority "greater than the bounds" to
 * the maximum, which is the last place (@types/office-js).
 */
const LAST_PRIORITY = 1_000_000;

function finishRule(cf: Excel.ConditionalFormat, rule: ConditionalFormatRule, withFormula = false): void {
  if (withFormula) cf.custom.rule.formula = rule.formula;
  if (rule.format.fill) cf.custom.format.fill.color = rule.format.fill;
  if (rule.format.font) cf.custom.format.font.color = rule.format.font;
  if (rule.format.bold) cf.custom.format.font.bold = true;
  if (rule.format.strike) cf.custom.format.font.strikethrough = true;
  // ConditionalRangeFormat.numberFormat, ExcelApi 1.6: rows of one column that mean different things.
  if (rule.format.numberFormat) cf.custom.format.numberFormat = rule.format.numberFormat;
  // add() puts the new rule on top, above a user's own rules; ours go below them, so theirs keep
  // winning where both apply. Set last: after a priority change the object must be fetched again.
  cf.priority = LAST_PRIORITY;
}

/** Cells a writeCells step would write, as Range.formulas reads them back. */
function formulaText(value: CellInput): unknown {
  return value === null ? "" : typeof value === "object" ? value.formula : value;
}

/**
 * Cells beside a table that was there before are read first (one sync for all of them): a step
 * whose cells hold anything but blanks or what it writes is left out, with its record item, so a
 * user's cell is never written over and a legend a lost batch half wrote is completed in place.
 */
async function dropTakenLegends(context: Excel.RequestContext, plan: Plan): Promise<{ plan: Plan; syncs: number }> {
  const guarded = plan.steps.filter((s): s is Extract<PlanStep, { kind: "writeCells" }> => s.kind === "writeCells" && s.onlyIntoBlank === true);
  if (guarded.length === 0) return { plan, syncs: 0 };
  const reads = guarded.map((step) =>
    step.cells.map((cell) => context.workbook.worksheets.getItem(step.sheet).getRange(cell.address).load("formulas")),
  );
  try {
    await context.sync();
  } catch (error) {
    const office = officeErrorParts(error);
    throw new WorkbookWriteError([{ sheet: guarded[0].sheet }], "read", { kind: "excel", code: office.code, message: office.message });
  }
  const taken = new Set(
    guarded.filter((step, i) =>
      step.cells.some((cell, c) => {
        const now = reads[i][c].formulas[0][0];
        return now !== "" && now !== null && now !== formulaText(cell.value);
      }),
    ),
  );
  if (taken.size === 0) return { plan, syncs: 1 };
  const dropped = new Set([...taken].map((s) => s.record));
  const steps = plan.steps
    .filter((s) => !taken.has(s as never))
    .map((s) => (s.kind === "appendRows" && s.table === RECORD_TABLE ? { ...s, rows: s.rows.filter((r) => !dropped.has(String(r[0]))) } : s));
  return { plan: { ...plan, steps }, syncs: 1 };
}

/** Whether every part of a format that is set is set as in ours (a rule an interrupted run began). */
function formatWithin(found: RuleFormat, ours: RuleFormat): boolean {
  const same = (a: string | undefined, b: string | undefined) => a === undefined || a.toUpperCase() === (b ?? "").toUpperCase();
  return (
    same(found.fill, ours.fill) &&
    same(found.font, ours.font) &&
    (!found.bold || ours.bold === true) &&
    (!found.strike || ours.strike === true) &&
    same(found.numberFormat, ours.numberFormat)
  );
}

/** Cells one guard read loads at a time: about 1 MB of blank cells in the response. */
const GUARD_CELLS_PER_SYNC = 300_000;

/**
 * Rows are only written into blank cells. For tables that exist already, the read saw how many
 * rows below each column are blank; when a plan needs more rows than that read covered, the
 * cells are read now. Either way a plan that would cover a user's cell is refused before
 * anything is written. Returns the syncs it took (0 unless a long append needs a guard read).
 */
async function ensureRoomBelow(context: Excel.RequestContext, steps: readonly PlanStep[], tables: Map<string, TableLayout>): Promise<number> {
  const needed = new Map<string, { rows: number; width: number }>();
  for (const step of steps) {
    const layout = "table" in step ? tables.get(step.table.toLowerCase()) : undefined;
    if (!layout?.blankBelow) continue;
    const need = needed.get(layout.name) ?? { rows: layout.rows, width: layout.headers.length };
    if (step.kind === "addColumns") need.width += step.columns.length;
    if (step.kind === "appendRows") need.rows += step.rows.length;
    needed.set(layout.name, need);
  }
  let syncs = 0;
  for (const [name, need] of needed) {
    const layout = tables.get(name.toLowerCase())!;
    const extra = need.rows - layout.bodyRows;
    if (extra <= 0) continue;
    const taken = () => new WorkbookWriteError([{ sheet: layout.sheet, table: layout.name }], "appendRows", { kind: "cellsBelowTaken", rows: extra });
    const blank = layout.blankBelow!;
    if (extra <= ROWS_CHECKED_BELOW && need.width <= blank.length) {
      if (blank.slice(0, need.width).some((n) => n < extra)) throw taken();
      continue;
    }
    const sheet = context.workbook.worksheets.getItem(layout.sheet);
    const rowsPerRead = Math.max(1, Math.floor(GUARD_CELLS_PER_SYNC / need.width));
    for (let offset = 0; offset < extra; offset += rowsPerRead) {
      const count = Math.min(rowsPerRead, extra - offset);
      const range = sheet.getRangeByIndexes(layout.row + 1 + layout.bodyRows + offset, layout.col, count, need.width).load("formulas");
      await context.sync();
      syncs++;
      if (range.formulas.some((row) => row.some((cell) => cell !== "" && cell !== null))) throw taken();
    }
  }
  return syncs;
}
