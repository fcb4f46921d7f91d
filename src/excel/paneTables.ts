// The task pane's reads of the planner's tables: each table's headers, data rows and place in
// one batch, and its columns found by the spec's header in either language (a user may have
// moved or renamed others). Reads only; the pane's writes go through the modules that use it.
import type { TableName } from "../domain/spec/types";
import { normalizeWord } from "../domain/spec/vocabulary";
import { tableSpec } from "../domain/spec/workbook";
import { columnLetters } from "../domain/plan/address";

export interface PaneTable {
  readonly name: TableName;
  readonly sheet: string;
  /** 0-based row index of the header row on its sheet (Range.rowIndex). */
  readonly headerRowIndex: number;
  /** 0-based column index of the table's first column (Range.columnIndex). */
  readonly firstColumnIndex: number;
  readonly headers: readonly string[];
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  /** Per data cell, its number format code ("0%", "#,##0"). */
  readonly numberFormats: readonly (readonly unknown[])[];
}

/** Reads the tables that exist of `names` in one sync; a missing table is left out. */
export async function readPaneTables(context: Excel.RequestContext, names: readonly TableName[]): Promise<Map<TableName, PaneTable>> {
  const loads = names.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    return { name, table };
  });
  await context.sync();
  const present = loads
    .filter((l) => !l.table.isNullObject)
    .map((l) => ({
      name: l.name,
      sheet: l.table.worksheet.load("name"),
      header: l.table.getHeaderRowRange().load("values,rowIndex,columnIndex"),
      body: l.table.getDataBodyRange().load("values,formulas,numberFormat"),
    }));
  if (present.length > 0) await context.sync();
  const out = new Map<TableName, PaneTable>();
  for (const p of present) {
    out.set(p.name, {
      name: p.name,
      sheet: p.sheet.name,
      headerRowIndex: p.header.rowIndex,
      firstColumnIndex: p.header.columnIndex,
      headers: (p.header.values[0] ?? []).map((h) => String(h)),
      values: p.body.values,
      formulas: p.body.formulas,
      numberFormats: p.body.numberFormat,
    });
  }
  return out;
}

/** Index of the spec column `key` in the table's headers, by its header in either language. */
export function columnIndex(table: Pick<PaneTable, "name" | "headers">, key: string): number {
  const column = tableSpec(table.name)?.columns.find((c) => c.key === key);
  if (!column) return -1;
  const words = [normalizeWord(column.header.en), normalizeWord(column.header.zh)];
  return table.headers.findIndex((h) => words.includes(normalizeWord(h)));
}

/** The header the table shows for spec column `key`, when it has that column. */
export function headerOf(table: Pick<PaneTable, "name" | "headers">, key: string): string | undefined {
  const i = columnIndex(table, key);
  return i < 0 ? undefined : table.headers[i];
}

/** A1 address on its sheet of data row `row` (0-based) and table column `column` (0-based). */
export function cellAddress(table: PaneTable, row: number, column: number): string {
  return `${columnLetters(table.firstColumnIndex + column + 1)}${table.headerRowIndex + 2 + row}`;
}

/** Data rows that hold anything: a new table keeps one blank row, which is no row to the user. */
export function filledRows(table: PaneTable): number[] {
  return table.values.flatMap((row, i) => (row.some((v) => v !== "" && v !== null) ? [i] : []));
}
