// spec + what the workbook holds -> what to add. Pure: no Office, no clock (today comes in).
//
// How columns are known: by header, in either language, case and spaces ignored. A spec
// column no header matches is appended at the table's right end, unless AddinRecord says the
// add-in made it before: then a user renamed or removed it, and it is left alone (a notice
// says so) rather than duplicated. Extra and moved user columns keep their place; formats,
// formulas and drop-downs go only to columns this plan adds (a cell holds one validation,
// so setting one on a user's column could replace theirs); conditional formats, which
// stack, are added once each, by the id AddinRecord keeps.
//
// A set-up Excel stopped partway is finished by the next run as if it had not stopped: a table
// with the spec's name, exactly its headers and nothing in AddinRecord is that set-up's, and gets
// the formats, formulas and rules it missed (never a drop-down over a rule already there, nor a
// formula over typed values); headers it wrote without making the table get the table there.
import type { ColumnSpec, Localized, SpecValue, TableSpec, WorkbookSpec } from "../spec/types";
import { LANGUAGES, normalizeWord, label, termOf, type Language } from "../spec/vocabulary";
import { ENTRY_ERRORS, ENTRY_ERROR_TITLE, ROOM_TO_GROW, inputMessage } from "../spec/workbook";
import { nameQuarters, quarterDay } from "./calendar";
import { absoluteColumnRange, areaAddress, columnLetters, quoteSheet, excelSerial, parseArea, type Area } from "./address";
import { chooseFormula, escapeHeader, referencedColumns, ruleFormula, tableFormula, type MissingColumn } from "./formulas";
import {
  RECORD_TABLE,
  type AddColumnsStep,
  type AddSheetStep,
  type AddTableStep,
  type AppendRowsStep,
  type CellInput,
  type ColumnFormat,
  type ColumnFormula,
  type ColumnValidation,
  type ConditionalFormatRule,
  type FillFormulasStep,
  type HideSheetStep,
  type NameDefinition,
  type Plan,
  type PlanNotice,
  type PlanOptions,
  type PlanStep,
  type RenameTableStep,
  type SetColumnFormulaStep,
  type SetConditionalFormatStep,
  type SetPrintStep,
  type SetRowFormatsStep,
  type StyleTableStep,
  type WriteCellsStep,
  type SetFormatsStep,
  type SetValidationStep,
  type SheetState,
  type SkippedFormula,
  type TableState,
  type ValidationCheck,
  type WorkbookState,
} from "./types";

export const recordItem = {
  column: (table: string, key: string) => `column:${table}.${key}`,
  validation: (table: string, key: string) => `dv:${table}.${key}`,
  conditionalFormat: (table: string, id: string) => `cf:${table}.${id}`,
};

/** Where a table is, or will be, and which of its columns holds which spec column. */
interface Layout {
  readonly spec: TableSpec;
  readonly sheet: string;
  readonly firstColumn: number;
  readonly headerRow: number;
  /** Final headers left to right: the table's own, then the ones this plan appends. */
  readonly headers: string[];
  readonly indexOf: Map<string, number>;
  readonly existing?: TableState;
  /** Spec columns this plan creates (every column of a new table). */
  readonly added: Set<string>;
  /**
   * A table an interrupted set-up made (our name, exactly our headers, nothing in AddinRecord):
   * every column counts as added for formats, formulas and rules, but none is appended.
   */
  readonly interrupted?: boolean;
  /** Columns could not be added (the cells right of it are taken): nothing is planned for it. */
  blocked?: boolean;
}

const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT_MESSAGE = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What every part of planning shares: the inputs, the layouts so far, and what it noted. */
interface Context {
  readonly spec: WorkbookSpec;
  readonly state: WorkbookState;
  readonly options: PlanOptions;
  readonly language: Language;
  readonly today: number;
  readonly functions: boolean;
  readonly recorded: ReadonlySet<string>;
  readonly stateNames: ReadonlySet<string>;
  /** Names that exist but are not ranges, by lower-case name: planned again as repairs. */
  readonly broken: ReadonlyMap<string, string>;
  readonly layouts: Map<string, Layout>;
  readonly notices: PlanNotice[];
  /** AddinRecord items for what this plan makes. */
  readonly newRecord: string[];
}

const textIn = (language: Language) => (l: Localized) => (language === "zh-CN" ? l.zh : l.en);

export function plan(spec: WorkbookSpec, state: WorkbookState, options: PlanOptions): Plan {
  const language: Language = state.language ?? options.language;
  const ctx: Context = {
    spec,
    state,
    options,
    language,
    today: excelSerial(options.today),
    functions: options.functions ?? false,
    recorded: new Set(state.record),
    broken: new Map((state.notRanges ?? []).map((n) => [n.name.toLowerCase(), n.formula])),
    stateNames: new Set(state.names.map((n) => n.toLowerCase()).filter((n) => !(state.notRanges ?? []).some((b) => b.name.toLowerCase() === n))),
    layouts: new Map(),
    notices: [],
    newRecord: [],
  };

  const { addSheets, renames } = placeTables(ctx);
  const overview = overviewSheet(ctx);
  if (overview?.add) addSheets.push(overview.add);
  const hides = hideSheets(ctx, addSheets);
  holdBackUnreadyColumns(ctx);
  const { tables, configRows } = tableSteps(ctx);
  const names = nameSteps(ctx, configRows);
  const rules = ruleSteps(ctx);
  const fills = fillSteps(ctx);
  const look = documentSteps(ctx, addSheets, overview && { sheet: overview.sheet, moveFirst: !overview.add });

  const sheetOrder = (key: string) => spec.sheets.findIndex((s) => s.key === key);
  addSheets.sort((a, b) => sheetOrder(a.key) - sheetOrder(b.key));
  const steps: PlanStep[] = [
    ...addSheets,
    ...hides,
    ...renames,
    ...tables,
    ...(names.length ? [{ kind: "setNames" as const, names }] : []),
    ...rules,
    ...fills,
    ...look,
  ];
  if (state.schemaVersion !== spec.schemaVersion) steps.push({ kind: "setSchemaVersion", version: spec.schemaVersion });
  const recordLayout = ctx.layouts.get(RECORD_TABLE);
  if (ctx.newRecord.length && recordLayout) {
    steps.push({ kind: "appendRows", table: RECORD_TABLE, sheet: recordLayout.sheet, rows: ctx.newRecord.map((item) => [item]) });
  }
  return { language, schemaVersion: spec.schemaVersion, steps, notices: ctx.notices };
}

const sameHeader = (header: string, c: ColumnSpec) =>
  normalizeWord(header) === normalizeWord(c.header.en) || normalizeWord(header) === normalizeWord(c.header.zh);

function headerOf(ctx: Context) {
  return (table: string, key: string): string | undefined => {
    const layout = ctx.layouts.get(table);
    const i = layout?.indexOf.get(key);
    return layout && i !== undefined ? layout.headers[i] : undefined;
  };
}

/** The header of a column the layout has. */
const headerIn = (layout: Layout, key: string) => layout.headers[layout.indexOf.get(key)!];

function columnOf(layout: Layout) {
  return (key: string): number | undefined => {
    const i = layout.indexOf.get(key);
    return i === undefined ? undefined : layout.firstColumn + i;
  };
}

/** Decides where every wanted table is or goes, matching existing columns; returns the sheets to add and tables to rename. */
function placeTables(ctx: Context): { addSheets: AddSheetStep[]; renames: RenameTableStep[] } {
  const { spec, state, layouts, notices, recorded } = ctx;
  const text = textIn(ctx.language);
  const wanted = wantedTables(spec, state, ctx.options);
  const stateTable = new Map(state.tables.map((t) => [t.name.toLowerCase(), t]));
  const sheetsTaken = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s]));
  const sheetOfKey = new Map<string, { name: string; isNew: boolean }>();
  const addSheets: AddSheetStep[] = [];
  const renames: RenameTableStep[] = [];
  const specNames = new Set(spec.tables.map((t) => t.name.toLowerCase()));

  const rightEdge = (sheet: string): number => {
    const lower = sheet.toLowerCase();
    let edge = 0;
    const used = sheetsTaken.get(lower)?.usedRange;
    if (used) edge = parseArea(used).lastColumn;
    for (const t of state.tables) if (t.sheet.toLowerCase() === lower) edge = Math.max(edge, parseArea(t.address).lastColumn);
    for (const l of layouts.values()) if (l.sheet.toLowerCase() === lower) edge = Math.max(edge, l.firstColumn + l.headers.length - 1);
    return edge;
  };

  for (const table of spec.tables) {
    if (!wanted.has(table.name)) continue;
    let existing = stateTable.get(table.name.toLowerCase());
    if (!existing) {
      // Excel made the table but the set-up stopped before naming it: it holds exactly the spec's
      // headers under a name that is none of the spec's, and nothing is recorded about the table.
      const unnamed = state.tables.find(
        (t) =>
          !specNames.has(t.name.toLowerCase()) &&
          !stateTable.has(`@${t.name.toLowerCase()}`) &&
          LANGUAGES.some((language) => sameHeaders(t.headers, newHeaders(table, language))),
      );
      if (unnamed && !recordMentions(ctx, table.name)) {
        stateTable.set(`@${unnamed.name.toLowerCase()}`, unnamed);
        renames.push({ kind: "renameTable", from: unnamed.name, table: table.name, sheet: unnamed.sheet });
        existing = { ...unnamed, name: table.name };
      }
    }
    if (existing && interruptedSetUp(ctx, table, existing)) {
      const area = parseArea(existing.address);
      layouts.set(table.name, {
        spec: table,
        sheet: existing.sheet,
        firstColumn: area.firstColumn,
        headerRow: area.firstRow,
        headers: [...existing.headers],
        indexOf: new Map(table.columns.map((c, i) => [c.key, i])),
        existing,
        added: new Set(table.columns.map((c) => c.key)),
        interrupted: true,
      });
      if (!sheetOfKey.has(table.sheet)) sheetOfKey.set(table.sheet, { name: existing.sheet, isNew: false });
      continue;
    }
    if (existing) {
      const area = parseArea(existing.address);
      const layout: Layout = {
        spec: table,
        sheet: existing.sheet,
        firstColumn: area.firstColumn,
        headerRow: area.firstRow,
        headers: [...existing.headers],
        indexOf: new Map(),
        existing,
        added: new Set(),
      };
      const claimed = new Set<number>();
      for (const c of table.columns) {
        const index = existing.headers.findIndex((h, i) => !claimed.has(i) && sameHeader(h, c));
        if (index >= 0) {
          claimed.add(index);
          layout.indexOf.set(c.key, index);
        } else if (recorded.has(recordItem.column(table.name, c.key))) {
          notices.push({ code: "columnMissing", sheet: existing.sheet, table: table.name, column: { key: c.key, header: text(c.header) } });
        } else {
          layout.indexOf.set(c.key, layout.headers.length);
          layout.headers.push(uniqueHeader(text(c.header), layout.headers));
          layout.added.add(c.key);
        }
      }
      blockColumnsWithoutRoom(ctx, layout, area);
      layouts.set(table.name, layout);
      if (!sheetOfKey.has(table.sheet)) sheetOfKey.set(table.sheet, { name: existing.sheet, isNew: false });
      continue;
    }

    // A new table: beside a sibling already on its sheet (right of what the sheet uses), on an
    // empty sheet of its name, or on a new sheet.
    let home = sheetOfKey.get(table.sheet) ?? siblingSheet(spec, table, state);
    const anchor = parseArea(table.anchor);
    let firstColumn = anchor.firstColumn;
    let headerRow = anchor.firstRow;
    if (home && !home.isNew && !anchorHolds(ctx, sheetsTaken.get(home.name.toLowerCase()), table, { blank: true })) {
      firstColumn = rightEdge(home.name) + 1 + ROOM_TO_GROW;
      headerRow = 1;
    } else if (!home) {
      const sheetSpec = spec.sheets.find((s) => s.key === table.sheet);
      const wantedName = text(sheetSpec?.name ?? { en: table.sheet, zh: table.sheet });
      const same = sheetsTaken.get(wantedName.toLowerCase());
      if (same && same.empty) {
        home = { name: same.name, isNew: true };
      } else if (same && anchorHolds(ctx, same, table, { blank: false })) {
        // Not new: a sibling goes to its anchor only where that is free too.
        home = { name: same.name, isNew: false };
      } else {
        const name = same ? freeSheetName(wantedName, sheetsTaken) : wantedName;
        if (same) {
          notices.push({ code: "sheetNameTaken", sheet: name, table: table.name, wanted: wantedName });
        }
        home = { name, isNew: true };
        const visible = sheetSpec?.visible ?? true;
        sheetsTaken.set(name.toLowerCase(), { name, visible });
        addSheets.push({
          kind: "addSheet",
          key: table.sheet,
          sheet: name,
          visible,
          ...(sheetSpec?.tabColor ? { tabColor: sheetSpec.tabColor } : {}),
        });
      }
    }
    sheetOfKey.set(table.sheet, home);
    const headers = newHeaders(table, ctx.language);
    layouts.set(table.name, {
      spec: table,
      sheet: home.name,
      firstColumn,
      headerRow,
      headers,
      indexOf: new Map(table.columns.map((c, i) => [c.key, i])),
      added: new Set(table.columns.map((c) => c.key)),
    });
  }
  return { addSheets, renames };
}

/** Whether AddinRecord holds anything about a table: an item of one of its columns or rules, or its legend. */
function recordMentions(ctx: Context, table: string): boolean {
  const name = table.toLowerCase();
  return ctx.state.record.some((item) => {
    const about = item.slice(item.indexOf(":") + 1).toLowerCase();
    return about === name || about.startsWith(`${name}.`);
  });
}

/**
 * Columns go into the cells right of a table, which then grows over them: when those cells are
 * not blank (a user's content, another table), the table gets nothing and a notice names them.
 */
function blockColumnsWithoutRoom(ctx: Context, layout: Layout, area: Area): void {
  const existing = layout.existing!;
  if (layout.added.size === 0 || existing.usedRight === undefined) return;
  const free = existing.usedRight === "" ? Infinity : parseArea(existing.usedRight).firstColumn - area.lastColumn - 1;
  if (free >= layout.added.size) return;
  const text = textIn(ctx.language);
  const added = layout.spec.columns.filter((c) => layout.added.has(c.key));
  const cells = areaAddress({
    firstColumn: area.lastColumn + 1,
    lastColumn: area.lastColumn + added.length,
    firstRow: area.firstRow,
    lastRow: area.lastRow,
  });
  ctx.notices.push({
    code: "columnsBlocked",
    sheet: layout.sheet,
    table: layout.spec.name,
    columns: added.map((c) => ({ key: c.key, header: text(c.header) })),
    cells,
  });
  for (const c of added) dropAddedColumn(layout, c.key);
  layout.blocked = true;
}

/**
 * A sheet the spec keeps hidden (Settings) that an interrupted set-up made but did not hide: it is
 * hidden as the set-up would have, unless AddinRecord holds any of its tables (then a user may
 * have shown it on purpose).
 */
function hideSheets(ctx: Context, addSheets: readonly AddSheetStep[]): HideSheetStep[] {
  const hides: HideSheetStep[] = [];
  for (const sheet of ctx.spec.sheets) {
    if (sheet.visible) continue;
    const tables = ctx.spec.tables.filter((t) => t.sheet === sheet.key);
    const home = tables.map((t) => ctx.layouts.get(t.name)?.sheet).find((name) => name !== undefined);
    if (!home || addSheets.some((a) => a.sheet === home)) continue;
    const state = ctx.state.sheets.find((s) => s.name.toLowerCase() === home.toLowerCase());
    if (state?.visible !== true || tables.some((t) => recordMentions(ctx, t.name))) continue;
    hides.push({ kind: "hideSheet", sheet: state.name });
  }
  return hides;
}

/** Headers of a table this plan makes, in a language. */
function newHeaders(table: TableSpec, language: Language): string[] {
  const headers: string[] = [];
  for (const c of table.columns) headers.push(uniqueHeader(textIn(language)(c.header), headers));
  return headers;
}

const intersects = (a: Area, b: Area) =>
  a.firstColumn <= b.lastColumn && b.firstColumn <= a.lastColumn && a.firstRow <= b.lastRow && b.firstRow <= a.lastRow;

const sameHeaders = (a: readonly unknown[], b: readonly string[]) => a.length === b.length && b.every((h, i) => a[i] === h);

/**
 * A table an interrupted set-up made: the spec's name, exactly the spec's headers in one
 * language, and nothing in AddinRecord about it (the record items of a new table are written in
 * the batch that completes its formats and formulas, before any of its rules).
 */
function interruptedSetUp(ctx: Context, table: TableSpec, existing: TableState): boolean {
  if (recordMentions(ctx, table.name)) return false;
  return LANGUAGES.some((language) => sameHeaders(existing.headers, newHeaders(table, language)));
}

/** A cell as read back: blank, or what set-up writes there for this spec value. */
function holdsValue(ctx: Context, table: TableSpec, cell: unknown, value: SpecValue | undefined): boolean {
  if (cell === "" || cell === null || cell === undefined) return true;
  if (value === undefined) return false;
  if (typeof value === "object" && "formula" in value) {
    const rendered = tableFormula(chooseFormula(value.formula, ctx.functions).template, table.name, headerOf(ctx));
    return !("missing" in rendered) && cell === rendered.formula;
  }
  return cell === resolveConstant(ctx, value);
}

/**
 * Whether a table can be made at its anchor on a sheet that has content: no table covers the
 * place, and the cells there (as far as the writer read them) are all blank (when `blank` allows)
 * or hold exactly the spec's headers with, below, only blanks and what set-up writes there, as an
 * interrupted set-up leaves them. The table is then made over them, overwriting nothing else.
 */
function anchorHolds(ctx: Context, sheet: SheetState | undefined, table: TableSpec, allow: { blank: boolean }): boolean {
  const top = sheet?.top;
  if (!top) return false;
  const anchor = parseArea(table.anchor);
  const rows = [...(table.rows ?? []), ...(ctx.options.sample ? (table.sample ?? []) : [])];
  const area = {
    firstColumn: anchor.firstColumn,
    firstRow: anchor.firstRow,
    lastColumn: anchor.firstColumn + table.columns.length - 1,
    lastRow: anchor.firstRow + Math.max(rows.length, 1),
  };
  if (top.length < area.lastRow || top.some((row, r) => r < area.lastRow && row.length < area.lastColumn)) return false;
  if (ctx.state.tables.some((t) => t.sheet.toLowerCase() === sheet.name.toLowerCase() && intersects(parseArea(t.address), area))) return false;
  const cell = (row: number, column: number) => top[row - 1][column - 1];
  const header = table.columns.map((_, i) => cell(anchor.firstRow, anchor.firstColumn + i));
  const blankHeader = header.every((h) => h === "" || h === null || h === undefined);
  if (!(allow.blank && blankHeader) && !LANGUAGES.some((language) => sameHeaders(header, newHeaders(table, language)))) return false;
  for (let r = anchor.firstRow + 1; r <= area.lastRow; r++) {
    const row = blankHeader ? undefined : rows[r - anchor.firstRow - 1];
    if (!table.columns.every((c, i) => holdsValue(ctx, table, cell(r, anchor.firstColumn + i), row?.[c.key]))) return false;
  }
  return true;
}

/**
 * A computed column is appended to an existing table only when its formula can read every
 * column it needs; otherwise it waits, with a notice, until the workbook has them (a later
 * upgrade adds it), rather than arriving as an empty column nothing would ever fill.
 */
function holdBackUnreadyColumns(ctx: Context): void {
  const text = textIn(ctx.language);
  const header = headerOf(ctx);
  for (let changed = true; changed;) {
    changed = false;
    for (const layout of ctx.layouts.values()) {
      if (!layout.existing || layout.interrupted) continue;
      for (const c of layout.spec.columns) {
        if (!layout.added.has(c.key) || !c.formula) continue;
        const rendered = tableFormula(chooseFormula(c.formula, ctx.functions).template, layout.spec.name, header);
        if (!("missing" in rendered)) continue;
        dropAddedColumn(layout, c.key);
        formulaSkipped(ctx, layout, { kind: "column", column: { key: c.key, header: text(c.header) } }, rendered.missing);
        changed = true;
      }
    }
  }
}

/** The missing column is absent from the workbook: it is named by the spec's header in the workbook's language. */
function formulaSkipped(ctx: Context, layout: Layout, what: SkippedFormula, missing: MissingColumn): void {
  const spec = ctx.spec.tables.find((t) => t.name === missing.table)?.columns.find((c) => c.key === missing.key);
  const header = spec ? textIn(ctx.language)(spec.header) : missing.key;
  const notice: PlanNotice = {
    code: "formulaSkipped",
    sheet: layout.sheet,
    table: layout.spec.name,
    what,
    missing: { table: missing.table, column: { key: missing.key, header } },
  };
  // Several rows' formulas in one column (ReviewMetrics' Actual) miss the same column: said once.
  const said = JSON.stringify(notice);
  if (!ctx.notices.some((n) => JSON.stringify(n) === said)) ctx.notices.push(notice);
}

/** A spec value that is not a formula, as the cell to write. */
function resolveConstant(ctx: Context, value: Exclude<SpecValue, { formula: unknown }>): CellInput {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if ("en" in value) return textIn(ctx.language)(value);
  if ("days" in value) return ctx.today + value.days;
  if ("quarter" in value) return quarterDay(ctx.options.today, value.quarter, value.day);
  if ("quarterly" in value) return nameQuarters(textIn(ctx.language)(value.quarterly), ctx.options.today);
  if ("term" in value) return label(termOf(value.term, value.key), ctx.language);
  return value.fill === "language" ? ctx.language : null;
}

/** A spec value as the cell to write (in column `key`), in the workbook's language, relative to the setup day. */
function resolve(ctx: Context, layout: Layout, key: string, value: SpecValue | undefined): CellInput {
  if (value === undefined) return null;
  if (!(typeof value === "object" && "formula" in value)) return resolveConstant(ctx, value);
  const chosen = chooseFormula(value.formula, ctx.functions);
  const rendered = tableFormula(chosen.template, layout.spec.name, headerOf(ctx));
  if ("missing" in rendered) {
    formulaSkipped(ctx, layout, { kind: "cellFormula", column: { key, header: headerIn(layout, key) } }, rendered.missing);
    return null;
  }
  return { formula: rendered.formula };
}

/** New tables with their rows, columns appended to existing ones, and missing Config rows. */
function tableSteps(ctx: Context): { tables: PlanStep[]; configRows: Map<string, number> } {
  const { spec, options, notices } = ctx;
  const addTables: AddTableStep[] = [];
  const addColumns: AddColumnsStep[] = [];
  const appendConfig: AppendRowsStep[] = [];
  const configRows = new Map<string, number>(); // defined name -> sheet row of its Value cell

  for (const layout of ctx.layouts.values()) {
    const table = layout.spec;
    if (layout.blocked) continue;
    if (!layout.existing) {
      const specRows = [...(table.rows ?? []), ...(options.sample ? (table.sample ?? []) : [])];
      addTables.push({
        kind: "addTable",
        table: table.name,
        sheet: layout.sheet,
        address: areaAddress({
          firstColumn: layout.firstColumn,
          firstRow: layout.headerRow,
          lastColumn: layout.firstColumn + layout.headers.length - 1,
          lastRow: layout.headerRow,
        }),
        headers: layout.headers,
        keys: table.columns.map((c) => c.key),
        rows: specRows.map((row) => table.columns.map((c) => resolve(ctx, layout, c.key, row[c.key]))),
        ...(table.style ? { style: table.style } : {}),
        freezeHeader: freezesHeader(layout),
      });
      if (table.name === "Config") spec.config.forEach((c, i) => configRows.set(c.name, layout.headerRow + 1 + i));
      continue;
    }
    const added = layout.interrupted ? [] : table.columns.filter((c) => layout.added.has(c.key));
    if (added.length > 0) {
      // Settings tables with fixed rows (Lists, Stages, Tiers) get the new column's words too.
      const fixed = (table.rows ?? []).slice(0, layout.existing.rowCount);
      const columns = added.map((c) => ({ key: c.key, header: headerIn(layout, c.key) }));
      notices.push({ code: "columnsAdded", sheet: layout.sheet, table: table.name, columns });
      addColumns.push({
        kind: "addColumns",
        table: table.name,
        sheet: layout.sheet,
        columns: columns.map((column) => {
          const values = fixed.map((row) => resolve(ctx, layout, column.key, row[column.key]));
          return { ...column, ...(values.length ? { values } : {}) };
        }),
      });
    }
    if (table.name === "Config" && layout.interrupted && layout.existing.rowCount === spec.config.length) {
      // The interrupted set-up wrote every setting's row, in spec order, with the table.
      spec.config.forEach((c, i) => configRows.set(c.name, layout.headerRow + 1 + i));
    } else if (table.name === "Config") {
      const missing = spec.config.filter((c) => !ctx.stateNames.has(c.name.toLowerCase()));
      if (missing.length > 0) {
        const firstNew = layout.headerRow + layout.existing.rowCount + 1;
        missing.forEach((c, i) => configRows.set(c.name, firstNew + i));
        const keyAt = new Map([...layout.indexOf].map(([key, i]) => [i, key]));
        appendConfig.push({
          kind: "appendRows",
          table: "Config",
          sheet: layout.sheet,
          rows: missing.map((c) => {
            const row: Record<string, SpecValue> = { setting: c.label, value: c.value, name: c.name };
            return layout.headers.map((_, i) => {
              const key = keyAt.get(i);
              return key ? resolve(ctx, layout, key, row[key]) : null;
            });
          }),
        });
      }
    }
  }
  return { tables: [...addTables, ...addColumns, ...appendConfig], configRows };
}

/** Defined names the workbook lacks, pointing at the Settings cells and table columns they name. */
function nameSteps(ctx: Context, configRows: ReadonlyMap<string, number>): NameDefinition[] {
  const names: NameDefinition[] = [];
  const add = (name: string, refersTo: string, table: string, sheet: string) => {
    const was = ctx.broken.get(name.toLowerCase());
    if (was === undefined) return names.push({ name, refersTo });
    // Set again, not added: Excel keeps one name, and every rule that reads it works again.
    ctx.notices.push({ code: "nameRepaired", sheet, table: table as NameRepairTable, name, was });
    return names.push({ name, refersTo, repair: true });
  };
  for (const n of ctx.spec.names) {
    if (ctx.stateNames.has(n.name.toLowerCase())) continue;
    const target = n.target;
    if (target.kind === "config") {
      const config = ctx.layouts.get("Config");
      const row = configRows.get(n.name);
      const valueColumn = config && !config.blocked ? columnOf(config)("value") : undefined;
      if (!config || row === undefined || valueColumn === undefined) continue;
      add(n.name, `=${absoluteColumnRange(config.sheet, valueColumn, row, row)}`, "Config", config.sheet);
    } else if (target.kind === "column") {
      const layout = ctx.layouts.get(target.table);
      const column = layout && columnOf(layout)(target.column);
      if (!layout || column === undefined) continue;
      const first = layout.headerRow + 1 + (target.from ?? 0);
      const count = target.count ?? layout.spec.rows?.length ?? 1;
      add(n.name, `=${absoluteColumnRange(layout.sheet, column, first, first + count - 1)}`, target.table, layout.sheet);
    } else {
      const header = headerOf(ctx)(target.table, target.column);
      const layout = ctx.layouts.get(target.table);
      if (header === undefined || !layout) continue;
      add(n.name, `=${target.table}[${escapeHeader(header)}]`, target.table, layout.sheet);
    }
  }
  return names;
}

type NameRepairTable = Extract<PlanNotice, { code: "nameRepaired" }>["table"];

/**
 * Blank cells in the computed columns the add-in made (rows typed in while Excel's AutoCorrect
 * option "Fill formulas in tables" was off get no formula): each gets its column's formula. A
 * cell holding anything, a user's value included, is not blank and is left alone.
 */
function fillSteps(ctx: Context): FillFormulasStep[] {
  const steps: FillFormulasStep[] = [];
  const header = headerOf(ctx);
  for (const layout of ctx.layouts.values()) {
    const blanks = layout.existing?.blanks;
    if (!blanks?.length || layout.blocked || layout.interrupted) continue;
    const columns: FillFormulasStep["columns"][number][] = [];
    for (const c of layout.spec.columns) {
      if (!c.formula || layout.added.has(c.key) || !ctx.recorded.has(recordItem.column(layout.spec.name, c.key))) continue;
      const column = headerOf(ctx)(layout.spec.name, c.key);
      const blank = blanks.find((b) => b.column === column);
      if (column === undefined || !blank || blank.address === "") continue;
      const rendered = tableFormula(chooseFormula(c.formula, ctx.functions).template, layout.spec.name, header);
      if ("missing" in rendered) continue;
      columns.push({ column, formula: rendered.formula, areas: blank.address.split(",") });
    }
    if (columns.length) steps.push({ kind: "fillFormulas", table: layout.spec.name, sheet: layout.sheet, columns });
  }
  return steps;
}

/**
 * Rows the add-in appends to a table, with each blank cell of a computed column given its
 * formula: Excel fills a calculated column into new rows only when the user's AutoCorrect
 * option allows it, so the add-in never relies on that.
 */
export function rowsWithFormulas(
  spec: WorkbookSpec,
  state: WorkbookState,
  table: string,
  rows: readonly (readonly CellInput[])[],
  functions = false,
): (readonly CellInput[])[] {
  const tableSpec = spec.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  const tableState = state.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  if (!tableSpec || !tableState) return rows.map((r) => [...r]);
  const headerOfState = (name: string, key: string): string | undefined => {
    const t = spec.tables.find((s) => s.name === name);
    const c = t?.columns.find((col) => col.key === key);
    const st = state.tables.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return c && st ? st.headers.find((h) => sameHeader(h, c)) : undefined;
  };
  const formulas = tableState.headers.map((h) => {
    const c = tableSpec.columns.find((col) => sameHeader(h, col));
    if (!c?.formula) return undefined;
    const rendered = tableFormula(chooseFormula(c.formula, functions).template, tableSpec.name, headerOfState);
    return "missing" in rendered ? undefined : rendered.formula;
  });
  return rows.map((row) => {
    const out: CellInput[] = [...row];
    formulas.forEach((formula, i) => {
      if (formula !== undefined && (out[i] === null || out[i] === undefined)) out[i] = { formula };
    });
    return out;
  });
}

/** Formats, formulas and drop-downs for the columns this plan adds; highlights not made yet. */
function ruleSteps(ctx: Context): PlanStep[] {
  const { spec, recorded, newRecord } = ctx;
  const text = textIn(ctx.language);
  const header = headerOf(ctx);
  const formats: SetFormatsStep[] = [];
  const formulas: SetColumnFormulaStep[] = [];
  const validations: SetValidationStep[] = [];
  const conditional: SetConditionalFormatStep[] = [];
  const listNameOfRef = (table: string, column: string) =>
    spec.lists.find((l) => l.source.kind === "ref" && l.source.table === table && l.source.column === column)?.name;

  for (const layout of ctx.layouts.values()) {
    const table = layout.spec;
    if (layout.blocked) continue;
    const where = { table: table.name, sheet: layout.sheet };
    const headerAt = (key: string) => headerIn(layout, key);

    // A computed column an interrupted set-up left holding typed values is the user's: it is not
    // recorded as the add-in's, so no later run writes formulas into its blank cells either.
    const keptTyped = (key: string) =>
      layout.interrupted === true &&
      table.columns.some((c) => c.key === key && c.formula) &&
      layout.existing?.typed?.[layout.indexOf.get(key)!] !== false;
    for (const key of layout.added) if (!keptTyped(key)) newRecord.push(recordItem.column(table.name, key));

    const columnFormats: ColumnFormat[] = [];
    const columnFormulas: ColumnFormula[] = [];
    const columnRules: ColumnValidation[] = [];
    // Nothing of ours was validated in an interrupted set-up's table: any rule there is a user's.
    const keepsRules = layout.interrupted === true && layout.existing?.validated !== false;
    if (keepsRules && table.columns.some((c) => validationCheck(c, listNameOfRef))) {
      ctx.notices.push({ code: "cellsKept", sheet: layout.sheet, table: table.name, reason: "validated" });
    }
    for (const c of table.columns) {
      if (!layout.indexOf.has(c.key)) continue;
      const isAdded = layout.added.has(c.key);
      if (isAdded && (c.numberFormat || c.width)) {
        columnFormats.push({
          key: c.key,
          column: headerAt(c.key),
          ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
          ...(c.width ? { width: widthIn(c, ctx.language) } : {}),
        });
      }
      if (isAdded && c.formula && layout.interrupted && layout.existing?.typed?.[layout.indexOf.get(c.key)!] !== false) {
        // The formula would fill every cell of the column, over what someone typed there.
        ctx.notices.push({
          code: "cellsKept",
          sheet: layout.sheet,
          table: table.name,
          reason: "typed",
          column: { key: c.key, header: headerAt(c.key) },
        });
      } else if (isAdded && c.formula) {
        const chosen = chooseFormula(c.formula, ctx.functions);
        const rendered = tableFormula(chosen.template, table.name, header);
        if ("missing" in rendered)
          formulaSkipped(ctx, layout, { kind: "columnFormula", column: { key: c.key, header: headerAt(c.key) } }, rendered.missing);
        else columnFormulas.push({ key: c.key, column: headerAt(c.key), formula: rendered.formula, usesFunctions: chosen.usesFunctions });
      }
      // A cell holds one validation: only columns the add-in made get one, so a user's own stays.
      const ours = isAdded || recorded.has(recordItem.column(table.name, c.key));
      const id = recordItem.validation(table.name, c.key);
      const check = rowListCheck(c, layout, header) ?? validationCheck(c, listNameOfRef);
      if (ours && check && !recorded.has(id) && keepsRules) {
        // A cell holds one validation, and this table already has someone's: theirs stays, and
        // the record says the rule is dealt with, so no later run sets it over theirs.
        newRecord.push(id);
      } else if (ours && check && !recorded.has(id)) {
        const prompt = inputMessage(c);
        const errorText = c.type in ENTRY_ERRORS ? ENTRY_ERRORS[c.type as keyof typeof ENTRY_ERRORS] : undefined;
        columnRules.push({
          id,
          key: c.key,
          column: headerAt(c.key),
          check,
          allowBlank: true,
          ...(prompt ? { prompt: { title: clip(headerAt(c.key), MAX_PROMPT_TITLE), message: clip(text(prompt), MAX_PROMPT_MESSAGE) } } : {}),
          error: { title: text(ENTRY_ERROR_TITLE), message: errorText ? text(errorText) : "", style: c.openList ? "warning" : "stop" },
        });
        newRecord.push(id);
      }
    }
    if (columnFormats.length) formats.push({ kind: "setFormats", ...where, columns: columnFormats });
    if (columnFormulas.length) formulas.push({ kind: "setColumnFormula", ...where, columns: columnFormulas });
    if (columnRules.length) validations.push({ kind: "setValidation", ...where, columns: columnRules });

    // Conditional formats stack, so one is added whenever AddinRecord does not have it yet.
    const rules: ConditionalFormatRule[] = [];
    for (const rule of spec.conditionalFormats) {
      if (rule.table !== table.name) continue;
      const id = recordItem.conditionalFormat(table.name, rule.id);
      if (recorded.has(id)) continue;
      const rendered = ruleFormula(rule.formula, table.name, header, columnOf(layout), layout.headerRow + 1);
      const missingColumn = rule.columns?.find((key) => !layout.indexOf.has(key));
      if ("missing" in rendered || missingColumn) {
        const missing = "missing" in rendered ? rendered.missing : { table: table.name, key: missingColumn! };
        formulaSkipped(ctx, layout, { kind: "highlight", rule: rule.id, description: rule.description }, missing);
        continue;
      }
      rules.push({ id: rule.id, ...(rule.columns ? { columns: rule.columns.map(headerAt) } : {}), formula: rendered.formula, format: rule.format });
      newRecord.push(id);
    }
    if (rules.length) conditional.push({ kind: "setConditionalFormat", ...where, rules });
  }
  return [...formats, ...formulas, ...validations, ...conditional];
}

function dropAddedColumn(layout: Layout, key: string): void {
  const index = layout.indexOf.get(key)!;
  layout.headers.splice(index, 1);
  layout.indexOf.delete(key);
  for (const [k, i] of layout.indexOf) if (i > index) layout.indexOf.set(k, i - 1);
  layout.added.delete(key);
}

/** A drop-down that depends on the row (Tasks Stage by Path), as `$C2` references; undefined when it reads a missing column. */
function rowListCheck(c: ColumnSpec, layout: Layout, header: Parameters<typeof ruleFormula>[2]): ValidationCheck | undefined {
  if (!c.listFormula) return undefined;
  const rendered = ruleFormula(c.listFormula, layout.spec.name, header, columnOf(layout), layout.headerRow + 1);
  return "missing" in rendered ? undefined : { kind: "list", source: rendered.formula };
}

function validationCheck(c: ColumnSpec, listNameOfRef: (table: string, column: string) => string | undefined): ValidationCheck | undefined {
  switch (c.type) {
    case "list":
      return c.list ? { kind: "list", source: `=${c.list}` } : undefined;
    case "ref": {
      const name = c.ref && listNameOfRef(c.ref.table, c.ref.column);
      return name ? { kind: "list", source: `=${name}` } : undefined;
    }
    case "date":
      return { kind: "date" };
    case "number":
      return { kind: "decimal", min: 0 };
    case "percent":
      return { kind: "decimal", min: 0, max: 1 };
    case "int1to5":
      return { kind: "whole", min: 1, max: 5 };
    case "text":
      return c.required ? { kind: "any" } : undefined;
    case "computed":
      return undefined;
  }
}

/** The tables to set up: the chosen sheets' (all by default), Settings, every table already there, and what they refer to. */
function wantedTables(spec: WorkbookSpec, state: WorkbookState, options: PlanOptions): Set<string> {
  const chosen = new Set<string>(options.sheets ?? spec.sheets.map((s) => s.key));
  chosen.add("settings");
  const present = new Set(state.tables.map((t) => t.name.toLowerCase()));
  const wanted = new Set(spec.tables.filter((t) => chosen.has(t.sheet) || present.has(t.name.toLowerCase())).map((t) => t.name as string));
  const refersTo = (t: TableSpec): string[] => {
    const out: string[] = [];
    for (const c of t.columns) {
      if (c.ref) out.push(c.ref.table);
      if (c.formula) for (const f of Object.values(c.formula)) out.push(...referencedColumns(f).map((r) => r.table));
    }
    for (const row of t.rows ?? []) {
      for (const v of Object.values(row)) {
        if (typeof v === "object" && "formula" in v) for (const f of Object.values(v.formula)) out.push(...referencedColumns(f).map((r) => r.table));
      }
    }
    return out.filter((name) => name !== "@");
  };
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of spec.tables) {
      if (!wanted.has(t.name)) continue;
      for (const other of refersTo(t)) {
        if (!wanted.has(other)) {
          wanted.add(other);
          grew = true;
        }
      }
    }
  }
  return wanted;
}

/** The sheet a sibling table (same sheet key) already has in the workbook. */
function siblingSheet(spec: WorkbookSpec, table: TableSpec, state: WorkbookState): { name: string; isNew: boolean } | undefined {
  for (const other of spec.tables) {
    if (other.sheet !== table.sheet || other.name === table.name) continue;
    const there = state.tables.find((t) => t.name.toLowerCase() === other.name.toLowerCase());
    if (there) return { name: there.sheet, isNew: false };
  }
  return undefined;
}

function freeSheetName(wanted: string, taken: Map<string, unknown>): string {
  for (let n = 2; ; n++) {
    const name = `${wanted} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A header not yet used in the table (Excel refuses two equal headers). */
function uniqueHeader(header: string, headers: readonly string[]): string {
  const used = new Set(headers.map((h) => normalizeWord(h)));
  if (!used.has(normalizeWord(header))) return header;
  for (let n = 2; ; n++) {
    const candidate = `${header} ${n}`;
    if (!used.has(normalizeWord(candidate))) return candidate;
  }
}

/** A column's width in the workbook's language: CJK text takes fewer, wider characters. */
function widthIn(c: ColumnSpec, language: Language): number | undefined {
  return language === "zh-CN" ? (c.zhWidth ?? c.width) : c.width;
}

/**
 * How the workbook reads and prints: per-row number formats and header looks of the tables this
 * plan makes, wrapping on the columns it adds, and page set-up on the sheets it adds. Nothing
 * here touches a cell, column or sheet a user had before.
 */
function documentSteps(ctx: Context, addSheets: readonly AddSheetStep[], overview: { sheet: string; moveFirst: boolean } | undefined): PlanStep[] {
  const rowFormats: SetRowFormatsStep[] = [];
  const styles: StyleTableStep[] = [];
  const prints: SetPrintStep[] = [];
  const text = textIn(ctx.language);
  for (const layout of ctx.layouts.values()) {
    const table = layout.spec;
    const where = { table: table.name, sheet: layout.sheet };
    const made = !layout.existing || layout.interrupted === true;
    const has = (key: string) => layout.indexOf.has(key);
    if (made && table.rowFormats) {
      const rows = table.rowFormats.flatMap((f, row) => {
        const columns = f.columns.filter(has).map((key) => headerIn(layout, key));
        return row < (table.rows?.length ?? 0) && columns.length ? [{ row, columns, numberFormat: f.numberFormat }] : [];
      });
      if (rows.length) rowFormats.push({ kind: "setRowFormats", ...where, rows });
    }
    const wrap = table.columns.filter((c) => c.wrap && layout.added.has(c.key)).map((c) => headerIn(layout, c.key));
    const header = made ? table.headerFormat : undefined;
    const again =
      layout.interrupted === true
        ? { ...(table.style ? { tableStyle: table.style } : {}), ...(freezesHeader(layout) ? { freezeHeader: true } : {}) }
        : {};
    if (header || wrap.length || Object.keys(again).length)
      styles.push({ kind: "styleTable", ...where, ...(header ? { header } : {}), wrap, ...again });
  }
  for (const added of [...addSheets, ...remadeSheets(ctx, addSheets, overview)]) {
    const sheet = ctx.spec.sheets.find((s) => s.key === added.key);
    if (!sheet?.print || !added.visible) continue;
    // The header row of the sheet's first table repeats on every page.
    const first = [...ctx.layouts.values()].find((l) => l.sheet === added.sheet);
    prints.push({
      kind: "setPrint",
      sheet: added.sheet,
      orientation: sheet.print.orientation,
      ...(first ? { titleRows: `$${first.headerRow}:$${first.headerRow}` } : {}),
      footer: text(ctx.spec.printFooter),
      ...("remade" in added && sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
    });
  }
  return [...rowFormats, ...styles, ...prints, ...(overview ? [overviewCells(ctx, overview.sheet, overview.moveFirst)] : []), ...legendSteps(ctx)];
}

/** A table at the top-left of its own sheet (not Settings) keeps its header row in view. */
function freezesHeader(layout: Layout): boolean {
  return layout.headerRow === 1 && layout.firstColumn === 1 && layout.spec.sheet !== "settings";
}

/**
 * Sheets an interrupted set-up made and this plan does not add: the sheet of a table that set-up
 * made, an empty sheet of a table's name the table now goes on, the overview it left. The set-up
 * may have stopped before their tab colour and page set-up, which they get again.
 */
function remadeSheets(
  ctx: Context,
  addSheets: readonly AddSheetStep[],
  overview: { sheet: string; moveFirst: boolean } | undefined,
): { key: string; sheet: string; visible: boolean; remade: true }[] {
  const out = new Map<string, { key: string; sheet: string; visible: boolean; remade: true }>();
  const added = (name: string) => addSheets.some((a) => a.sheet.toLowerCase() === name.toLowerCase());
  const state = (name: string) => ctx.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  // A sheet none of whose tables AddinRecord mentions: no set-up finished there.
  const unrecorded = (key: string) => !ctx.spec.tables.some((t) => t.sheet === key && recordMentions(ctx, t.name));
  for (const layout of ctx.layouts.values()) {
    const there = state(layout.sheet);
    if (!there || added(layout.sheet) || out.has(layout.sheet.toLowerCase())) continue;
    if (unrecorded(layout.spec.sheet)) {
      out.set(layout.sheet.toLowerCase(), { key: layout.spec.sheet, sheet: there.name, visible: there.visible !== false, remade: true });
    }
  }
  const overviewKey = ctx.spec.overview?.sheet;
  if (overview?.moveFirst && overviewKey && !out.has(overview.sheet.toLowerCase())) {
    out.set(overview.sheet.toLowerCase(), { key: overviewKey, sheet: overview.sheet, visible: true, remade: true });
  }
  return [...out.values()];
}

const OVERVIEW_RECORD = "sheet:overview";

/**
 * Where the overview goes, when the workbook never had it: a new sheet, or the sheet of its name an
 * interrupted set-up left, empty or starting with the overview's title (any other sheet of that
 * name is someone's, and stays as it is).
 */
function overviewSheet(ctx: Context): { sheet: string; add?: AddSheetStep } | undefined {
  const overview = ctx.spec.overview;
  const sheet = overview && ctx.spec.sheets.find((s) => s.key === overview.sheet);
  if (!overview || !sheet || ctx.recorded.has(OVERVIEW_RECORD)) return undefined;
  if (ctx.options.sheets && !ctx.options.sheets.includes(overview.sheet)) return undefined;
  const name = textIn(ctx.language)(sheet.name);
  const there = ctx.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  // An unrecorded overview whose title is ours was cut short: it is written again over itself.
  const title = overview.rows[0]?.[0]?.value;
  const ours = (cell: unknown) => !!title && "en" in title && (cell === title.en || cell === title.zh);
  if (there) return there.empty === true || ours(there.top?.[0]?.[0]) ? { sheet: there.name } : undefined;
  return {
    sheet: name,
    add: {
      kind: "addSheet",
      key: sheet.key,
      sheet: name,
      visible: sheet.visible,
      first: true,
      ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
    },
  };
}

/** The overview's cells: words in the workbook's language, links to the sheets as named, formulas over the tables' real headers. */
function overviewCells(ctx: Context, sheet: string, moveFirst: boolean): WriteCellsStep {
  const overview = ctx.spec.overview!;
  const text = textIn(ctx.language);
  const header = headerOf(ctx);
  const sheetOf = (key: string) => [...ctx.layouts.values()].find((l) => l.spec.sheet === key)?.sheet;
  const cells: WriteCellsStep["cells"][number][] = [];
  overview.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const address = areaAddress({ firstColumn: c + 1, lastColumn: c + 1, firstRow: r + 1, lastRow: r + 1 });
      const v = cell.value;
      let value: CellInput;
      if ("formula" in v) {
        const rendered = tableFormula(v.formula, "Overview", header);
        if ("missing" in rendered) return;
        value = { formula: rendered.formula };
      } else if ("link" in v) {
        const target = sheetOf(v.link);
        if (!target) return;
        const label = v.label ? text(v.label) : target;
        value = { formula: `=HYPERLINK("#${quoteSheet(target).replace(/"/g, '""')}!A1","${label.replace(/"/g, '""')}")` };
        cells.push({ address, value, format: { font: "#0563C1", wrap: true } });
        return;
      } else value = text(v);
      cells.push({ address, value, ...(cell.format ? { format: cell.format } : {}) });
    });
  });
  ctx.newRecord.push(OVERVIEW_RECORD);
  return {
    kind: "writeCells",
    sheet,
    cells,
    widths: overview.widths.map((width, i) => ({ column: columnLetters(i + 1), width })),
    record: OVERVIEW_RECORD,
    ...(moveFirst ? { moveFirst } : {}),
  };
}

/** Width of a legend's column, in characters. */
const LEGEND_WIDTH = { en: 34, zh: 24 } as const;

/**
 * Each highlighted table's legend, beside it: one blank column right of the sheet's tables
 * (after this plan's columns), from the header row down.
 * Made once: AddinRecord keeps `legend:<Table>`.
 */
function legendSteps(ctx: Context): WriteCellsStep[] {
  const steps: WriteCellsStep[] = [];
  const text = textIn(ctx.language);
  // The column of the last legend this plan puts on each sheet: two highlighted tables a user put
  // on one sheet get their legends side by side, not one over the other.
  const lastLegend = new Map<string, number>();
  for (const legend of ctx.spec.legends) {
    const layout = ctx.layouts.get(legend.table);
    const record = `legend:${legend.table}`;
    if (!layout || ctx.recorded.has(record)) continue;
    const rules = ctx.spec.conditionalFormats.filter((r) => r.table === legend.table);
    let edge = layout.firstColumn + layout.headers.length - 1;
    const sheet = layout.sheet.toLowerCase();
    // Beside the sheet's tables, whatever else the sheet uses, so a re-run after an interruption
    // finds the same place (and writes the same legend over its own start). Beside a table that
    // was there before, the writer checks the cells are blank or already the legend's.
    const made = !layout.existing || layout.interrupted === true;
    for (const other of ctx.layouts.values()) {
      if (other.sheet.toLowerCase() === sheet) edge = Math.max(edge, other.firstColumn + other.headers.length - 1);
    }
    const column = Math.max(edge, lastLegend.get(sheet) ?? 0) + 2;
    lastLegend.set(sheet, column);
    const at = (row: number) => areaAddress({ firstColumn: column, lastColumn: column, firstRow: row, lastRow: row });
    const cell = (value: string): CellInput => (value.startsWith("=") ? { formula: value } : value);
    const cells: WriteCellsStep["cells"][number][] = [{ address: at(layout.headerRow), value: text(legend.title), format: { bold: true } }];
    legend.entries.forEach((entry, i) => {
      const rule = rules.find((r) => r.id === entry.rule);
      const { fill, font, bold } = rule?.format ?? {};
      cells.push({
        address: at(layout.headerRow + 1 + i),
        value: cell(text(entry.text)),
        format: { ...(fill ? { fill } : {}), ...(font ? { font } : {}), ...(bold ? { bold } : {}), wrap: true },
      });
    });
    steps.push({
      kind: "writeCells",
      sheet: layout.sheet,
      cells,
      widths: [{ column: columnLetters(column), width: ctx.language === "zh-CN" ? LEGEND_WIDTH.zh : LEGEND_WIDTH.en }],
      record,
      ...(made ? {} : { onlyIntoBlank: true }),
    });
    ctx.newRecord.push(record);
  }
  return steps;
}
