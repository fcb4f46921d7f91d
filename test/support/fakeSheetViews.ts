// Named sheet views (ExcelApiOnline 1.1) and table column filters (ExcelApi 1.2) for the recording
// fake. Importing this file plugs them into ./fakeExcel.ts (Worksheet.namedSheetViews,
// TableColumn.filter). Each rule and its source is a row of ./FAKE.md ("Sheet views and filters").
//
// The model: a named view belongs to its worksheet and is kept in the workbook, so every host
// over the same FakeWorkbook sees it; which view is active is each host's own (one FakeExcel is
// one person's Excel). A filter applied while a view is active is stored in that view; with no
// view active it is the sheet's own filter, which everyone sees.
import {
  FakeCollection,
  FakeObject,
  FakeOfficeError,
  fakeExtensions,
  type FakeContext,
  type FakeExcel,
  type FakeSheet,
  type FakeWorkbook,
  type FakeTable,
  type TableColumnProxy,
  type TableProxy,
  type WorksheetProxy,
} from "./fakeExcel";

/** What a column's filter keeps; the fake models Values filters, the only kind the product applies. */
export interface FakeFilterCriteria {
  readonly filterOn: "Values";
  readonly values: readonly string[];
}

type ColumnFilters = Map<number, FakeFilterCriteria>;

interface FakeSheetView {
  name: string;
  /** Per table id, per column index. */
  readonly filters: Map<string, ColumnFilters>;
}

interface WorkbookViews {
  /** Per sheet id, the sheet's named views. */
  readonly views: Map<string, FakeSheetView[]>;
  /** Per table id, the filter everyone sees (no view active). */
  readonly shared: Map<string, ColumnFilters>;
}

const byWorkbook = new WeakMap<FakeWorkbook, WorkbookViews>();
/** Per host, per sheet id, the name of the view that host has active. */
const activeByHost = new WeakMap<FakeExcel, Map<string, string>>();
const withoutViews = new WeakSet<FakeExcel>();

function stateOf(workbook: FakeWorkbook): WorkbookViews {
  let state = byWorkbook.get(workbook);
  if (!state) {
    state = { views: new Map(), shared: new Map() };
    byWorkbook.set(workbook, state);
  }
  return state;
}

function viewsOf(workbook: FakeWorkbook, sheet: FakeSheet): FakeSheetView[] {
  const state = stateOf(workbook);
  let views = state.views.get(sheet.id);
  if (!views) {
    views = [];
    state.views.set(sheet.id, views);
  }
  return views;
}

function activeOf(host: FakeExcel): Map<string, string> {
  let active = activeByHost.get(host);
  if (!active) {
    active = new Map();
    activeByHost.set(host, active);
  }
  return active;
}

function activeView(host: FakeExcel, sheet: FakeSheet): FakeSheetView | undefined {
  const name = activeOf(host).get(sheet.id);
  return name === undefined ? undefined : viewsOf(host.workbook, sheet).find((v) => v.name === name);
}

/** The filters this host sees on the table: its active view's on that sheet, else the shared ones. */
function filtersSeenBy(host: FakeExcel, table: FakeTable): ColumnFilters {
  const view = activeView(host, table.sheet);
  const store = view ? view.filters : stateOf(host.workbook).shared;
  let filters = store.get(table.id);
  if (!filters) {
    filters = new Map();
    store.set(table.id, filters);
  }
  return filters;
}

const FORBIDDEN = /[:\\/?*[\]]/;

// ---------------------------------------------------------------- proxies

export class NamedSheetViewCollectionProxy extends FakeCollection<FakeSheet, FakeSheetView, NamedSheetViewProxy> {
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx, () => sheet.target(), `sheet views of ${sheet["describe"]}`);
  }
  protected list(sheet: FakeSheet): FakeSheetView[] {
    return viewsOf(this.ctx.model, sheet);
  }
  protected itemProxy(view: FakeSheetView): NamedSheetViewProxy {
    return new NamedSheetViewProxy(this.ctx, () => ({ sheet: this.target(), view }), `sheet view "${view.name}"`);
  }
  /** Typings: refuses a name that is empty, taken or reserved; the sheet-name rules are the fake's guess. */
  add(name: string): NamedSheetViewProxy {
    let created: FakeSheetView | undefined;
    this.queueOp("add", name, (sheet) => {
      const views = viewsOf(this.ctx.model, sheet);
      if (name === "") throw new FakeOfficeError("InvalidArgument", "A sheet view needs a name.");
      if (views.some((v) => v.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet view named "${name}" already exists.`);
      if ([...name].length > 31 || FORBIDDEN.test(name))
        throw new FakeOfficeError("InvalidArgument", `"${name}" is not a name the fake accepts (sheet-name rules, a guess).`);
      created = { name, filters: new Map() };
      views.push(created);
    });
    return new NamedSheetViewProxy(this.ctx, () => (created ? { sheet: this.target(), view: created } : null), `new sheet view "${name}"`);
  }
  /** Typings: the name is case-sensitive; a missing view is ItemNotFound. */
  getItem(name: string): NamedSheetViewProxy {
    return new NamedSheetViewProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        const view = viewsOf(this.ctx.model, sheet).find((v) => v.name === name);
        if (!view) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: sheet view "${name}".`);
        return { sheet, view };
      },
      `sheet view "${name}"`,
    );
  }
  /** Leaves this host's active view on the sheet; with none active it does nothing (undocumented: a guess). */
  exit(): void {
    this.queueOp("exit", null, (sheet) => {
      activeOf(this.ctx.host).delete(sheet.id);
    });
  }
}

export class NamedSheetViewProxy extends FakeObject<{ sheet: FakeSheet; view: FakeSheetView }> {
  protected scalars() {
    return { name: (t: { view: FakeSheetView }) => t.view.name };
  }
  get name(): string {
    return this.read<string>("name");
  }
  /** "Switch To" for this host only: a co-author's Excel keeps its own view. */
  activate(): void {
    this.queueOp("activate", null, ({ sheet, view }) => {
      activeOf(this.ctx.host).set(sheet.id, view.name);
    });
  }
  delete(): void {
    this.queueOp("delete", null, ({ sheet, view }) => {
      const views = viewsOf(this.ctx.model, sheet);
      views.splice(views.indexOf(view), 1);
    });
  }
}

export class FilterProxy extends FakeObject<{ table: FakeTable; column: number }> {
  constructor(ctx: FakeContext, table: TableProxy, column: TableColumnProxy) {
    super(ctx, () => ({ table: table.target(), column: column.target() }), `filter of ${column["describe"]}`);
  }
  protected scalars() {
    return {
      criteria: ({ table, column }: { table: FakeTable; column: number }) => filtersSeenBy(this.ctx.host, table).get(column) ?? null,
    };
  }
  get criteria(): FakeFilterCriteria | null {
    return this.read<FakeFilterCriteria | null>("criteria");
  }
  apply(criteria: { filterOn: string; values?: readonly unknown[] }): void {
    this.queueOp("apply", criteria, ({ table, column }) => {
      if (criteria.filterOn !== "Values")
        throw new FakeOfficeError("NotImplemented", `The fake models Values filters only, not ${criteria.filterOn}.`);
      const values = criteria.values ?? [];
      if (values.length === 0 || values.some((v) => typeof v !== "string"))
        throw new FakeOfficeError("InvalidArgument", "A Values filter takes a non-empty list of texts in the fake (a guess).");
      filtersSeenBy(this.ctx.host, table).set(column, { filterOn: "Values", values: [...(values as string[])] });
    });
  }
  clear(): void {
    this.queueOp("clear", null, ({ table, column }) => {
      filtersSeenBy(this.ctx.host, table).delete(column);
    });
  }
}

fakeExtensions.namedSheetViews = (ctx, sheet) => {
  if (withoutViews.has(ctx.host))
    throw new FakeOfficeError("ApiNotFound", "This Excel has no named sheet views (ExcelApiOnline 1.1 is not supported).");
  return new NamedSheetViewCollectionProxy(ctx, sheet);
};
fakeExtensions.columnFilter = (ctx, table, column) => new FilterProxy(ctx, table, column);

// ---------------------------------------------------------------- what tests look at

/** This host is an Excel without ExcelApiOnline 1.1: touching namedSheetViews fails. */
export function withoutSheetViews(host: FakeExcel): FakeExcel {
  withoutViews.add(host);
  return host;
}

/** The named views kept on a sheet, for every host over this workbook. */
export function sheetViewNames(workbook: FakeWorkbook, sheetName: string): string[] {
  return viewsOf(workbook, workbook.requireSheet(sheetName)).map((v) => v.name);
}

/** The view this host has active on the sheet, if any. */
export function activeSheetView(host: FakeExcel, sheetName: string): string | undefined {
  return activeView(host, host.workbook.requireSheet(sheetName))?.name;
}

function requireTable(workbook: FakeWorkbook, name: string): FakeTable {
  const table = workbook.table(name);
  if (!table) throw new Error(`No table ${name}`);
  return table;
}

/** The filters this host sees on the table, by header. */
export function filtersSeen(host: FakeExcel, tableName: string): Record<string, readonly string[]> {
  const table = requireTable(host.workbook, tableName);
  const headers = host.workbook.headers(table);
  return Object.fromEntries([...filtersSeenBy(host, table)].map(([column, c]) => [headers[column], c.values]));
}

/** A user's own filter with no view active (the sheet's filter everyone sees), set as in Excel's UI. */
export function setSharedFilter(workbook: FakeWorkbook, tableName: string, header: string, values: readonly string[]): void {
  const table = requireTable(workbook, tableName);
  const column = workbook.headers(table).indexOf(header);
  if (column < 0) throw new Error(`No column ${header} in ${tableName}`);
  const state = stateOf(workbook);
  const filters = state.shared.get(table.id) ?? new Map<number, FakeFilterCriteria>();
  filters.set(column, { filterOn: "Values", values: [...values] });
  state.shared.set(table.id, filters);
}

/**
 * The data rows (0-based) this host sees: a row shows when every filtered column's cell text is
 * one of its values. Excel compares what the cell shows; the fake compares the exact text (a guess
 * on case, so the product passes the cells' own texts).
 */
export function visibleRows(host: FakeExcel, tableName: string): number[] {
  const table = requireTable(host.workbook, tableName);
  const filters = [...filtersSeenBy(host, table)];
  const shown: number[] = [];
  for (let r = 0; r < table.rect.rows - 1; r++) {
    const row = table.rect.row + 1 + r;
    const keep = filters.every(([column, c]) => {
      const cell = host.workbook.peek(table.sheet, row, table.rect.col + column);
      return c.values.includes(cell === undefined ? "" : String(cell.value));
    });
    if (keep) shown.push(r);
  }
  return shown;
}
