// Reads what the planner needs (WorkbookState) and what the writer needs to stay safe
// (table layouts, rules already there, free rows below tables) in two syncs, whatever the
// row count: the first lists sheets, tables and names; the second reads each one's details.
// No row of user data is read, except the first data row of each table (to tell Excel's blank
// row of an empty table from a real one), the AddinRecord items, and each sheet's top-left
// TOP_ROWS x TOP_COLUMNS cells (where an interrupted set-up may have written a table's headers
// and rows without making the table). A third sync runs only when a table named as one of
// the spec's has nothing in AddinRecord (an interrupted set-up's): where its typed values and
// rules are.
import type { Language } from "../domain/spec/vocabulary";
import { LANGUAGES, normalizeWord } from "../domain/spec/vocabulary";
import type { SheetState, TableState, WorkbookState } from "../domain/plan/types";
import type { RuleFormat } from "../domain/spec/types";
import { LANGUAGE_NAME, RECORD_TABLE, SCHEMA_VERSION_NAME } from "../domain/plan/types";
import { areaAddress, parseArea } from "../domain/plan/address";
import { WORKBOOK } from "../domain/spec/workbook";

/** Rows below each table checked for emptiness, so rows appended there never cover user cells. */
export const ROWS_CHECKED_BELOW = 64;
/** The top-left block of each sheet read into SheetState.top. */
export const TOP_ROWS = 64;
export const TOP_COLUMNS = 64;
/** Columns right of each table checked for emptiness: columns are added into them. */
export const COLUMNS_CHECKED_RIGHT = 32;

/** Headers (normalized, either language) of the spec's computed columns with a column formula, by table. */
const COMPUTED = new Map(
  WORKBOOK.tables.map((t) => [
    t.name.toLowerCase(),
    new Set(t.columns.filter((c) => c.formula).flatMap((c) => [normalizeWord(c.header.en), normalizeWord(c.header.zh)])),
  ]),
);

/** Where a table is, zero-based, as the writer tracks it while applying a plan. */
export interface TableLayout {
  readonly name: string;
  readonly sheet: string;
  /** Header row and first column, zero-based. */
  row: number;
  col: number;
  /** Data rows, Excel's blank row of an empty table not counted. */
  rows: number;
  /** Data rows Excel holds (at least 1: the blank row of an empty table). */
  bodyRows: number;
  headers: string[];
  /** The custom conditional formats on the table, by their formula normalized (see ruleKey): one per range it covers. */
  readonly rules: Map<string, FoundRule[]>;
  /**
   * Custom rules with no formula: Excel added the rule but a set-up stopped before its formula was
   * set (a user cannot make one in Excel's dialog). The writer gives them the formula they lack.
   */
  readonly emptyRules: string[];
  /**
   * For each of the table's columns, how many rows directly below the table are blank (up to
   * ROWS_CHECKED_BELOW). Undefined for a table this plan creates.
   */
  readonly blankBelow?: readonly number[];
}

/** A custom conditional format as read: its id and the parts of its format that are set. */
export interface FoundRule {
  readonly id: string;
  readonly format: RuleFormat;
}

export interface WorkbookSnapshot {
  readonly state: WorkbookState;
  /** By table name, lower case. */
  readonly tables: Map<string, TableLayout>;
  /** context.sync() calls the read took (2, or 3 when a table has nothing recorded). */
  readonly syncs: number;
}

/** The header rows of the spec's tables, in either language: a table Excel made but the set-up did not get to name. */
const SPEC_HEADERS = new Set(
  WORKBOOK.tables.flatMap((t) =>
    LANGUAGES.map((language) => t.columns.map((c) => (language === "zh-CN" ? c.header.zh : c.header.en)).join("\u0000")),
  ),
);

/** Case and spacing of a rule formula as Excel may give it back. */
export function ruleKey(formula: string): string {
  return formula.replace(/"[^"]*"|\s+/g, (m) => (m.startsWith('"') ? m : "")).toUpperCase();
}

function isBlank(cell: unknown): boolean {
  return cell === "" || cell === null || cell === undefined;
}

function blankRunsBelow(grid: unknown[][]): number[] {
  const width = grid[0]?.length ?? 0;
  const runs: number[] = [];
  for (let c = 0; c < width; c++) {
    let n = 0;
    while (n < grid.length && isBlank(grid[n][c])) n++;
    runs.push(n);
  }
  return runs;
}

function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name,items/visibility");
  const tables = workbook.tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name,items/columns/items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  await context.sync();

  const nameList = names.items.map((n) => n.name);
  const hasName = (wanted: string) => nameList.find((n) => n.toLowerCase() === wanted.toLowerCase());
  const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("address"));
  // Only where the spec's tables go: sheets of a spec sheet's name (either language) or holding one of its tables.
  const specTables = new Set(WORKBOOK.tables.map((t) => t.name.toLowerCase()));
  const ourSheets = new Set([
    ...WORKBOOK.sheets.flatMap((s) => [s.name.en.toLowerCase(), s.name.zh.toLowerCase()]),
    ...tables.items.filter((t) => specTables.has(t.name.toLowerCase())).map((t) => t.worksheet.name.toLowerCase()),
  ]);
  const top = sheets.items.map((sheet) =>
    ourSheets.has(sheet.name.toLowerCase()) ? sheet.getRangeByIndexes(0, 0, TOP_ROWS, TOP_COLUMNS).load("formulas") : undefined,
  );
  // A user's own table may hide its header row or show a totals row; ours never do.
  const details = tables.items.map((table) => {
    const range = table.getRange();
    return {
      table,
      range: range.load("address,rowIndex,columnIndex,rowCount,columnCount"),
      header: table.showHeaders ? table.getHeaderRowRange().load("values") : undefined,
      firstRow: table.getDataBodyRange().getRow(0).load("formulas"),
      rules: range.conditionalFormats.load(
        [
          "items/id",
          "items/type",
          "items/customOrNullObject/rule/formula",
          "items/customOrNullObject/format/fill/color",
          "items/customOrNullObject/format/font/color",
          "items/customOrNullObject/format/font/bold",
          "items/customOrNullObject/format/font/strikethrough",
          "items/customOrNullObject/format/numberFormat",
        ].join(","),
      ),
      below: range.getRowsBelow(ROWS_CHECKED_BELOW).load("formulas"),
      record: table.name.toLowerCase() === RECORD_TABLE.toLowerCase() ? table.getDataBodyRange().load("values") : undefined,
      right: range.getColumnsAfter(COLUMNS_CHECKED_RIGHT).getUsedRangeOrNullObject(true).load("address"),
      // Blank cells of the spec's computed columns (rows typed in where Excel did not fill the formula).
      blanks: table.showHeaders
        ? table.columns.items.flatMap((column, i) =>
            COMPUTED.get(table.name.toLowerCase())?.has(normalizeWord(column.name))
              ? [
                  {
                    column: column.name,
                    index: i,
                    cells: table.getDataBodyRange().getColumn(i).getSpecialCellsOrNullObject("Blanks").load("address"),
                  },
                ]
              : [],
          )
        : [],
    };
  });
  // NamedItem.getRange() throws for a name that is not a range (#REF!, a constant): the OrNullObject form answers null instead.
  const version = hasName(SCHEMA_VERSION_NAME) ? workbook.names.getItem(SCHEMA_VERSION_NAME).getRangeOrNullObject().load("values") : undefined;
  const language = hasName(LANGUAGE_NAME) ? workbook.names.getItem(LANGUAGE_NAME).getRangeOrNullObject().load("values") : undefined;
  await context.sync();

  const sheetStates: SheetState[] = sheets.items.map((sheet, i) => ({
    name: sheet.name,
    visible: sheet.visibility === "Visible",
    empty: used[i].isNullObject,
    ...(used[i].isNullObject ? {} : { usedRange: localAddress(used[i].address), ...(top[i] ? { top: top[i]!.formulas } : {}) }),
  }));

  const layouts = new Map<string, TableLayout>();
  const tableStates: TableState[] = [];
  let record: string[] = [];
  for (const d of details) {
    const headers = (d.header?.values[0] ?? []).map((h) => String(h));
    const bodyRows = d.range.rowCount - (d.table.showHeaders ? 1 : 0) - (d.table.showTotals ? 1 : 0);
    // Computed columns put formulas in Excel's blank row of an empty table; they are not data.
    const blankOnly = bodyRows === 1 && d.firstRow.formulas[0].every((cell) => isBlank(cell) || (typeof cell === "string" && cell.startsWith("=")));
    // AddinRecord is the add-in's own: blank rows at its end (a run stopped between growing it
    // and writing the items) are room for the next items, not data.
    const filled = d.record?.values.map((row) => row.some((cell) => !isBlank(cell)));
    const rows = blankOnly ? 0 : filled ? filled.lastIndexOf(true) + 1 : bodyRows;
    const rules = new Map<string, FoundRule[]>();
    const emptyRules: string[] = [];
    for (const cf of d.rules.items) {
      if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
      const custom = cf.customOrNullObject;
      const formula = custom.rule.formula ?? "";
      if (formula === "") {
        emptyRules.push(cf.id);
        continue;
      }
      const { fill, font, numberFormat } = custom.format;
      const format: RuleFormat = {
        ...(fill.color ? { fill: fill.color } : {}),
        ...(font.color ? { font: font.color } : {}),
        ...(font.bold ? { bold: true } : {}),
        ...(font.strikethrough ? { strike: true } : {}),
        ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
      };
      rules.set(ruleKey(formula), [...(rules.get(ruleKey(formula)) ?? []), { id: cf.id, format }]);
    }
    const sheet = d.table.worksheet.name;
    layouts.set(d.table.name.toLowerCase(), {
      name: d.table.name,
      sheet,
      row: d.range.rowIndex - (d.table.showHeaders ? 0 : 1),
      col: d.range.columnIndex,
      rows,
      bodyRows,
      headers,
      rules,
      emptyRules,
      blankBelow: blankRunsBelow(d.below.formulas),
    });
    const right = d.right.isNullObject ? "" : localAddress(d.right.address);
    const blanks = d.blanks.flatMap((b) => {
      if (b.cells.isNullObject) return [];
      const column = d.range.columnIndex + b.index + 1;
      const first = d.range.rowIndex + 2;
      const last = d.range.rowIndex + d.range.rowCount - (d.table.showTotals ? 1 : 0);
      // Clipped to the column's data cells: Excel may answer a one-cell range for the whole sheet.
      const areas = areasOf(b.cells.address)
        .map((a) => parseArea(a))
        .filter((a) => a.firstColumn <= column && a.lastColumn >= column && a.firstRow <= last && a.lastRow >= first)
        .map((a) =>
          areaAddress({ firstColumn: column, lastColumn: column, firstRow: Math.max(a.firstRow, first), lastRow: Math.min(a.lastRow, last) }),
        );
      return areas.length ? [{ column: b.column, address: areas.join(",") }] : [];
    });
    tableStates.push({
      name: d.table.name,
      sheet,
      headers,
      rowCount: rows,
      address: d.range.address,
      usedRight: right,
      checkedRight: COLUMNS_CHECKED_RIGHT,
      ...(blanks.length ? { blanks } : {}),
    });
    if (d.record) {
      const item = Math.max(
        0,
        headers.findIndex((h) => h.toLowerCase() === "item"),
      );
      record = d.record.values.map((row) => String(row[item] ?? "")).filter((v) => v !== "");
    }
  }

  const syncs = 2 + (await readUnrecorded(context, specTables, details, tableStates, record));

  const versionValue = version && !version.isNullObject ? version.values[0]?.[0] : undefined;
  const languageValue = language && !language.isNullObject ? language.values[0]?.[0] : undefined;
  const state: WorkbookState = {
    sheets: sheetStates,
    tables: tableStates,
    names: nameList,
    notRanges: names.items.filter((n) => n.type !== "Range").map((n) => ({ name: n.name, formula: String(n.formula) })),
    record,
    ...(typeof versionValue === "number" || (typeof versionValue === "string" && /^\d+$/.test(versionValue))
      ? { schemaVersion: Number(versionValue) }
      : {}),
    ...(LANGUAGES.includes(languageValue as Language) ? { language: languageValue as Language } : {}),
  };
  return { state, tables: layouts, syncs };
}

/** Top-level areas of a RangeAreas address ("'My sheet'!A2:B3,'My sheet'!D2"), commas in quoted sheet names kept. */
function areasOf(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * For tables AddinRecord says nothing about, whether the data body has a validation rule and
 * which columns hold typed values: the planner completes an interrupted set-up's table only
 * where that adds nothing over a user's rule or value. Returns the syncs it took (0 or 1).
 */
async function readUnrecorded(
  context: Excel.RequestContext,
  specTables: ReadonlySet<string>,
  details: readonly { table: Excel.Table }[],
  tableStates: TableState[],
  record: readonly string[],
): Promise<number> {
  const recordedTables = new Set(record.map((item) => /^[a-z]+:(.+)\.[^.]*$/i.exec(item)?.[1]?.toLowerCase()));
  // Only tables named as the spec's, or with exactly its headers, can be an interrupted set-up's; users' own are never scanned.
  const checks = details
    .map((d, i) => ({ d, state: tableStates[i] }))
    .filter(
      ({ d, state }) =>
        d.table.showHeaders &&
        !d.table.showTotals &&
        (specTables.has(state.name.toLowerCase()) || SPEC_HEADERS.has(state.headers.join("\u0000"))) &&
        !recordedTables.has(state.name.toLowerCase()),
    )
    .map(({ state }) => {
      const body = context.workbook.tables.getItem(state.name).getDataBodyRange();
      return { state, validation: body.dataValidation.load("type"), constants: body.getSpecialCellsOrNullObject("Constants").load("address") };
    });
  if (checks.length === 0) return 0;
  await context.sync();
  for (const { state, validation, constants } of checks) {
    const first = parseArea(state.address).firstColumn;
    const typed = state.headers.map(() => false);
    if (!constants.isNullObject) {
      for (const area of areasOf(constants.address)) {
        const a = parseArea(area);
        // Clipped to the table: Excel may answer a one-cell body for the whole sheet.
        for (let c = Math.max(a.firstColumn, first); c <= Math.min(a.lastColumn, first + typed.length - 1); c++) typed[c - first] = true;
      }
    }
    tableStates[tableStates.indexOf(state)] = { ...state, validated: validation.type !== "None", typed };
  }
  return 1;
}

/** Zero-based row/column of a sheet-local or sheet-qualified address's top-left cell. */
export function topLeft(address: string): { row: number; col: number } {
  const area = parseArea(address);
  return { row: area.firstRow - 1, col: area.firstColumn - 1 };
}
