// Reads every table of the live workbook into the check's WorkbookSnapshot: each table's data
// body once (values, formulas, number formats), reads only, in as few syncs as Excel on the
// web's 5 MB response limit allows.
//
// Syncs: (1) the tables and whether the Language name is a range; (2) each table's place, size
// and headers, and the language; (3) the first rows of every table, sized by an assumed cell
// size (most of a planning workbook's tables end there); then as many syncs as the rest needs,
// each carrying chunks of several tables' rows up to BATCH_BUDGET_BYTES of expected response.
//
// How big a response will be cannot be asked of Excel, so after the first rows it is estimated
// per table from the rows the last sync read of it: the average bytes of a row as JSON (what
// Office.js sends back), text outside ASCII counted as a six-byte \uXXXX escape whether or not
// Excel escapes it. Rows of one table tend to look alike (same columns, same kind of text), and
// the budget leaves a fifth of the limit for the envelope and for rows longer than the
// estimate. When Excel still refuses a response as too large, its rows are planned again with a
// much larger estimate, which the rows then read correct: a stretch of long rows costs a sync or
// two, never the check.
import { LANGUAGE_NAME } from "../domain/plan/types";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../domain/validation/types";
import { BATCH_BUDGET_BYTES } from "./payload";
import { officeErrorParts } from "./errors";

/**
 * Bytes a cell is assumed to take (its value, formula and number format) until rows of its table
 * have been read: planning cells are words, numbers and dates, and a formula cell's text is
 * seldom longer than a few hundred characters.
 */
export const PRIOR_CELL_BYTES = 300;
/** Excel reads at most 5,000,000 cells of one range (docs: resource limits and performance). */
export const MAX_CELLS_PER_READ = 5_000_000;
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";
/**
 * How much a table's estimate grows when Excel refuses a response: the refusal says only that
 * the rows were larger than guessed, so the guess grows fast and the first rows read resize it.
 */
const REFUSED_GROWTH = 8;

export interface ReadOptions {
  /** Expected response bytes one sync may carry; tests lower it. */
  readonly budgetBytes?: number;
}

/** One read of consecutive data rows of one table. */
export interface Chunk {
  readonly table: string;
  /** Zero-based data row of the table. */
  readonly firstRow: number;
  readonly rows: number;
  /** context.sync() (of this read, from 1) that carried it. */
  readonly sync: number;
}

export interface SnapshotRead {
  readonly snapshot: WorkbookSnapshot;
  /** context.sync() calls, refused ones included. */
  readonly syncs: number;
  readonly chunks: readonly Chunk[];
  /** Syncs Excel refused as too large (their rows were planned again, smaller). */
  readonly refused: number;
}

/** JSON bytes of a cell, text outside ASCII as \uXXXX (the larger of Excel's two ways to send it). */
function cellBytes(value: unknown): number {
  if (typeof value === "string") {
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      bytes += code < 0x20 ? 6 : code === 0x22 || code === 0x5c ? 2 : code < 0x80 ? 1 : 6;
    }
    return bytes;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  return 4;
}

/** JSON bytes of row r of the three grids a chunk loads, separators included. */
function rowBytes(grids: readonly unknown[][][], r: number): number {
  let bytes = 0;
  for (const grid of grids) {
    const row = grid[r];
    bytes += 3 + Math.max(0, row.length - 1);
    for (const cell of row) bytes += cellBytes(cell);
  }
  return bytes;
}

interface TablePlan {
  readonly proxy: Excel.Table;
  readonly name: string;
  readonly sheet: string;
  /** Zero-based sheet row of the first data row, and first column. */
  readonly bodyRow: number;
  readonly column: number;
  readonly columns: number;
  readonly bodyRows: number;
  readonly headerRow: number;
  readonly headers: string[];
  readonly values: SnapshotValue[][];
  readonly formulas: (string | null)[][];
  readonly numberFormats: string[][];
  /** Rows read so far (from the top). */
  next: number;
  /** Expected response bytes of one row, once a chunk has been read. */
  bytesPerRow?: number;
}

interface PendingChunk {
  readonly table: TablePlan;
  readonly firstRow: number;
  readonly rows: number;
  readonly range: Excel.Range;
}

type Batch = { table: TablePlan; firstRow: number; rows: number }[];

/**
 * The first data sync, before any row has been seen: every table gets the same number of rows
 * at PRIOR_CELL_BYTES a cell, and what short tables leave goes to the longer ones in order. A
 * planning workbook's tables mostly end within it.
 */
function firstBatch(plans: readonly TablePlan[], budget: number, maxRows: (table: TablePlan) => number): Batch {
  const withRows = plans.filter((t) => t.bodyRows > 0);
  const columns = withRows.reduce((sum, t) => sum + t.columns, 0);
  const even = Math.max(1, Math.floor(budget / Math.max(1, columns * PRIOR_CELL_BYTES)));
  const batch = withRows.map((table) => ({ table, firstRow: 0, rows: Math.min(table.bodyRows, even, maxRows(table)) }));
  let left = budget - batch.reduce((sum, b) => sum + b.rows * b.table.columns * PRIOR_CELL_BYTES, 0);
  for (const b of batch) {
    const more = Math.max(0, Math.min(b.table.bodyRows, maxRows(b.table)) - b.rows);
    const fit = Math.min(more, Math.floor(Math.max(0, left) / (b.table.columns * PRIOR_CELL_BYTES)));
    b.rows += fit;
    left -= fit * b.table.columns * PRIOR_CELL_BYTES;
  }
  for (const b of batch) b.table.next = b.rows;
  return batch;
}

function isTooLarge(error: unknown): boolean {
  return officeErrorParts(error).code === RESPONSE_TOO_LARGE;
}

function store(chunk: PendingChunk): number {
  const { table, firstRow } = chunk;
  const values = chunk.range.values;
  const formulas = chunk.range.formulas;
  const formats = chunk.range.numberFormat;
  let bytes = 0;
  for (let r = 0; r < chunk.rows; r++) {
    table.values[firstRow + r] = values[r].map((cell) => (cell === "" || cell === null || cell === undefined ? null : (cell as SnapshotValue)));
    // A constant reads back in `formulas` as itself; only a cell whose formula differs from its value holds one.
    table.formulas[firstRow + r] = formulas[r].map((cell, c) =>
      typeof cell === "string" && cell.startsWith("=") && cell !== values[r][c] ? cell : null,
    );
    table.numberFormats[firstRow + r] = formats[r].map((cell) => String(cell ?? "General"));
    bytes += rowBytes([values, formulas, formats], r);
  }
  return bytes;
}

export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SnapshotRead> {
  const budget = options.budgetBytes ?? BATCH_BUDGET_BYTES;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  const tables = context.workbook.tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name");
  const languageName = context.workbook.names.getItemOrNullObject(LANGUAGE_NAME).load("type");
  await sync();

  const shapes = tables.items.map((table) => ({
    table,
    range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
    header: table.showHeaders ? table.getHeaderRowRange().load("values") : undefined,
    columns: table.showHeaders ? undefined : table.columns.load("items/name"),
  }));
  // NamedItem.getRange() throws for a name that is not a range; the type says which it is.
  const language =
    !languageName.isNullObject && languageName.type === "Range" ? context.workbook.names.getItem(LANGUAGE_NAME).getRange().load("values") : undefined;
  await sync();

  const plans: TablePlan[] = shapes.map(({ table, range, header, columns }) => {
    const headerRows = table.showHeaders ? 1 : 0;
    const bodyRows = range.rowCount - headerRows - (table.showTotals ? 1 : 0);
    return {
      proxy: table,
      name: table.name,
      sheet: table.worksheet.name,
      bodyRow: range.rowIndex + headerRows,
      column: range.columnIndex,
      columns: range.columnCount,
      bodyRows,
      // Excel row number (1-based) of the header row, where it is or would be.
      headerRow: range.rowIndex + headerRows,
      headers: header ? header.values[0].map((h) => String(h)) : columns!.items.map((c) => c.name),
      values: new Array(Math.max(0, bodyRows)),
      formulas: new Array(Math.max(0, bodyRows)),
      numberFormats: new Array(Math.max(0, bodyRows)),
      next: 0,
    };
  });

  const chunks: Chunk[] = [];
  let refused = 0;
  const queue = (table: TablePlan, firstRow: number, rows: number): PendingChunk => ({
    table,
    firstRow,
    rows,
    range: table.proxy.worksheet.getRangeByIndexes(table.bodyRow + firstRow, table.column, rows, table.columns).load("values,formulas,numberFormat"),
  });
  const maxRows = (table: TablePlan) => Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, table.columns)));

  /**
   * Reads one batch. A response Excel refuses as too large leaves its rows unread: they go back
   * to their tables, whose estimate grows REFUSED_GROWTH times, and the next batch is planned
   * again from there (a row that alone is too large fails the check).
   */
  const readBatch = async (batch: Batch): Promise<void> => {
    if (batch.length === 0) return;
    const pending = batch.map((b) => queue(b.table, b.firstRow, b.rows));
    try {
      await sync();
    } catch (error) {
      if (!isTooLarge(error) || (batch.length === 1 && batch[0].rows === 1)) throw error;
      refused++;
      for (const b of batch) {
        b.table.next = Math.min(b.table.next, b.firstRow);
        b.table.bytesPerRow = REFUSED_GROWTH * (b.table.bytesPerRow ?? b.table.columns * PRIOR_CELL_BYTES);
      }
      return;
    }
    const bytes = new Map<TablePlan, { bytes: number; rows: number }>();
    for (const chunk of pending) {
      const read = store(chunk);
      chunks.push({ table: chunk.table.name, firstRow: chunk.firstRow, rows: chunk.rows, sync: syncs });
      const seen = bytes.get(chunk.table) ?? { bytes: 0, rows: 0 };
      bytes.set(chunk.table, { bytes: seen.bytes + read, rows: seen.rows + chunk.rows });
    }
    // The latest rows are the best guess for the next ones (a table's long rows tend to sit together).
    for (const [table, seen] of bytes) table.bytesPerRow = seen.bytes / seen.rows;
  };

  await readBatch(firstBatch(plans, budget, maxRows));

  for (;;) {
    const batch: Batch = [];
    let left = budget;
    for (const table of plans) {
      const remaining = table.bodyRows - table.next;
      if (remaining <= 0) continue;
      const perRow = table.bytesPerRow ?? 1;
      const fit = Math.floor(left / perRow);
      // A row larger than the whole budget still goes, alone: Excel says whether it fits.
      const rows = Math.min(remaining, maxRows(table), batch.length === 0 ? Math.max(1, fit) : fit);
      if (rows <= 0) break;
      batch.push({ table, firstRow: table.next, rows });
      table.next += rows;
      left -= rows * perRow;
      if (left <= 0) break;
    }
    if (batch.length === 0) break;
    await readBatch(batch);
  }

  const languageValue = language?.values[0]?.[0];
  const snapshots: TableSnapshot[] = plans.map((t) => ({
    name: t.name,
    sheet: t.sheet,
    headerRow: t.headerRow,
    firstColumn: t.column + 1,
    headers: t.headers,
    values: t.values,
    formulas: t.formulas,
    numberFormats: t.numberFormats,
  }));
  return {
    snapshot: {
      ...(LANGUAGES.includes(languageValue as Language) ? { language: languageValue as Language } : {}),
      tables: snapshots,
    },
    syncs,
    chunks,
    refused,
  };
}
