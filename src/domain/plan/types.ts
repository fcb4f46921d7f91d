// What a workbook holds (WorkbookState, read by a writer) and what setup or upgrade will
// add to it (Plan, made by plan()). Both are plain, serializable data.
//
// Writers (src/excel with Office.js, src/xlsx with ExcelJS) read the state in one batch,
// call plan(), then apply the steps IN ORDER; consecutive steps may be batched freely.
// Every step only adds: there is no step that deletes, clears, moves or overwrites a
// user's rows, columns, values, formats or rules.
import type { Language, SheetKey, TableName, RuleFormat, Localized } from "../spec/types";

// ---------------------------------------------------------------------------------------
// State: what a writer reads from the workbook before planning.

export interface SheetState {
  readonly name: string;
  /** False when hidden or very hidden. */
  readonly visible?: boolean;
  /** True when the sheet has no value in any cell (a fresh "Sheet1"). Unknown counts as not empty. */
  readonly empty?: boolean;
  /** Address of the used range ("A1:N501"), when known; a new table goes to its right. */
  readonly usedRange?: string;
  /**
   * Formulas (or values) of the sheet's top-left cells, row by row from A1, as far as a writer
   * read them. Lets a re-run recognise the headers and rows an interrupted set-up wrote where a
   * table was about to be made; a cell outside them is unknown, and unknown is "not ours".
   */
  readonly top?: readonly (readonly unknown[])[];
}

export interface TableState {
  /** The table (ListObject) name, e.g. "Tasks". */
  readonly name: string;
  /** The sheet the table is on. */
  readonly sheet: string;
  /** Header row cells, left to right, as displayed. */
  readonly headers: readonly string[];
  /** Data rows, not counting the header row, nor the one blank row Excel keeps in an empty table. */
  readonly rowCount: number;
  /** Address of the whole table including the header row, "A1:N501" or "Tasks!A1:N501". */
  readonly address: string;
  /** Whether any data cell has a validation rule; unknown counts as yes. */
  readonly validated?: boolean;
  /** Per column, whether its data cells hold typed values (constants, not formulas); unknown counts as yes. */
  readonly typed?: readonly boolean[];
  /**
   * Where the cells right of the table (its rows, a few columns) hold anything: the address of
   * their used range ("F2:F9"), "" when they are blank, undefined when not read: then nothing
   * blocks the columns (the Office.js reader always reads these cells; the .xlsx one plans new
   * files only). Columns are added into these cells, never inserted.
   */
  readonly usedRight?: string;
  /** How many columns right of the table `usedRight` looked at. */
  readonly checkedRight?: number;
  /** Blank data cells of the spec's computed columns, by header: "K5:K9,K12" (sheet-local areas). */
  readonly blanks?: readonly { readonly column: string; readonly address: string }[];
}

export interface WorkbookState {
  readonly sheets: readonly SheetState[];
  readonly tables: readonly TableState[];
  /** Workbook-scope defined names. */
  readonly names: readonly string[];
  /**
   * Names whose formula is not a range (Excel's NamedItem.type is not "Range"): "=#REF!" after a
   * sheet or row was deleted, or a constant someone typed. Absent when the writer did not read it.
   */
  readonly notRanges?: readonly { readonly name: string; readonly formula: string }[];
  /**
   * The Item column of the AddinRecord table on Settings (empty when there is none): what the
   * add-in made before, e.g. "column:Tasks.due", "dv:Tasks.status", "cf:Tasks.lagging".
   * A recorded item that is gone from the workbook was removed or renamed by a user, and is
   * not made again.
   */
  readonly record: readonly string[];
  /** Value of the SchemaVersion defined name, when present. */
  readonly schemaVersion?: number;
  /** Value of the Language defined name, when it is "en-US" or "zh-CN". */
  readonly language?: Language;
}

/** The state of a workbook with nothing in it but one empty sheet. */
export const EMPTY_WORKBOOK: WorkbookState = {
  sheets: [{ name: "Sheet1", visible: true, empty: true }],
  tables: [],
  names: [],
  record: [],
};

// ---------------------------------------------------------------------------------------
// Plan: what to add.

/**
 * A cell to write. A string is user-facing TEXT and must stay text even when it starts with
 * = + - @ or reads as a number, date or boolean (Office.js writes src/excel/cells.ts
 * textCell(value); ExcelJS assigns the string as is).
 * Dates are Excel serial numbers (the column's number format shows them as dates).
 * `{ formula }` is an en-US formula, written as a formula.
 */
export type CellInput = string | number | boolean | null | { readonly formula: string };

export interface AddSheetStep {
  readonly kind: "addSheet";
  readonly key: SheetKey;
  /** Name to create; the planner has checked that no sheet has it. */
  readonly sheet: string;
  readonly visible: boolean;
  readonly tabColor?: string;
  /** Put it first in the tab order (the overview). */
  readonly first?: boolean;
}

/** Hides a sheet the spec keeps hidden that an interrupted set-up made but left visible. */
export interface HideSheetStep {
  readonly kind: "hideSheet";
  readonly sheet: string;
}

/** Gives a table an interrupted set-up made (and Excel named "Table1") the spec's name. */
export interface RenameTableStep {
  readonly kind: "renameTable";
  /** The name it has. */
  readonly from: string;
  readonly table: TableName;
  readonly sheet: string;
}

export interface AddTableStep {
  readonly kind: "addTable";
  readonly table: TableName;
  readonly sheet: string;
  /** Header row range, e.g. "A1:N1"; the data rows follow directly below. */
  readonly address: string;
  readonly headers: readonly string[];
  /** Column keys, parallel to headers. */
  readonly keys: readonly string[];
  /** Data rows, each as long as headers; empty means one blank data row (Excel's minimum). */
  readonly rows: readonly (readonly CellInput[])[];
  readonly style?: string;
  /** Freeze panes below the header row (only on sheets the plan adds). */
  readonly freezeHeader: boolean;
}

export interface AddColumnsStep {
  readonly kind: "addColumns";
  readonly table: TableName;
  readonly sheet: string;
  /**
   * Appended at the table's right end, in this order, whatever columns users added or moved:
   * written into the blank cells right of the table, which then grows over them (never
   * TableColumnCollection.add, which inserts cells and so moves whatever is beside the table).
   */
  readonly columns: readonly { readonly key: string; readonly header: string; readonly values?: readonly CellInput[] }[];
}

export interface AppendRowsStep {
  readonly kind: "appendRows";
  readonly table: TableName;
  readonly sheet: string;
  /**
   * Written as a range directly below the table's last data row (not TableRowCollection.add),
   * then the table grows over them. In a table with no data (the one blank row of a new
   * table), the first row fills that blank row.
   */
  readonly rows: readonly (readonly CellInput[])[];
}

export interface NameDefinition {
  readonly name: string;
  /** The name exists but is not a range (#REF!): its formula is set again rather than added. */
  readonly repair?: true;
  /** "='Settings'!$B$2", "='设置'!$F$2:$F$7" or "=Customers[Customer]". */
  readonly refersTo: string;
  readonly comment?: string;
}

export interface SetNamesStep {
  readonly kind: "setNames";
  /** Only names the workbook does not have yet, or has broken (repair). */
  readonly names: readonly NameDefinition[];
}

export interface ColumnFormat {
  readonly key: string;
  readonly column: string;
  readonly numberFormat?: string;
  /** Excel character units (see ColumnSpec.width). */
  readonly width?: number;
}

export interface SetFormatsStep {
  readonly kind: "setFormats";
  readonly table: TableName;
  readonly sheet: string;
  /** Number format on the column's data body, width on the sheet column. Only columns the plan adds, or an interrupted set-up made. */
  readonly columns: readonly ColumnFormat[];
}

export interface ColumnFormula {
  readonly key: string;
  /** The column's header as it is (or will be) in the table. */
  readonly column: string;
  /** en-US formula with structured references, e.g. "=IF(Tasks[[#This Row],[Due]]=\"\",\"\",...)". */
  readonly formula: string;
  /** True when the formula calls SALES.* custom functions. */
  readonly usesFunctions: boolean;
}

export interface SetColumnFormulaStep {
  readonly kind: "setColumnFormula";
  readonly table: TableName;
  readonly sheet: string;
  /**
   * Set on every data cell of each column, so Excel keeps it as the table's calculated column.
   * Only columns the plan adds, or an interrupted set-up made and nobody typed values into.
   */
  readonly columns: readonly ColumnFormula[];
}

export type ValidationCheck =
  /** Any value: the rule only carries the input message (required text columns). */
  | { readonly kind: "any" }
  /** In-cell drop-down; source is "=List_TaskStatus" (a defined name). */
  | { readonly kind: "list"; readonly source: string }
  /** Any date on or after 1900-01-01. */
  | { readonly kind: "date" }
  /** A decimal >= min (and <= max when given). */
  | { readonly kind: "decimal"; readonly min: number; readonly max?: number }
  /** A whole number between min and max. */
  | { readonly kind: "whole"; readonly min: number; readonly max: number };

export interface ColumnValidation {
  /** Stable id, recorded as `dv:<Table>.<key>`. */
  readonly id: string;
  readonly key: string;
  readonly column: string;
  readonly check: ValidationCheck;
  /** Blank cells are always allowed: required is checked by the task pane, not by Excel. */
  readonly allowBlank: true;
  /** Input message (required columns and every list/ref column), already localized. */
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string; readonly style: "stop" | "warning" };
}

export interface SetValidationStep {
  readonly kind: "setValidation";
  readonly table: TableName;
  readonly sheet: string;
  /** Applied to each column's data body range. */
  readonly columns: readonly ColumnValidation[];
}

export interface ConditionalFormatRule {
  /** Stable id, recorded as `cf:<Table>.<id>`. */
  readonly id: string;
  /** Headers of the columns the rule covers (data body); every column of the table when absent. */
  readonly columns?: readonly string[];
  /**
   * Native formula for the rule's top-left data cell: A1 references with absolute column and
   * relative row (e.g. "=AND($J2<>\"\",TODAY()-$J2>LagAlertDays)"). The planner computed the
   * letters from the table's layout after this plan's added columns.
   */
  readonly formula: string;
  readonly format: RuleFormat;
}

export interface SetConditionalFormatStep {
  readonly kind: "setConditionalFormat";
  readonly table: TableName;
  readonly sheet: string;
  /** Added after the sheet's existing rules; rules of one step never overlap in what they match. */
  readonly rules: readonly ConditionalFormatRule[];
}

export interface SetRowFormatsStep {
  readonly kind: "setRowFormats";
  readonly table: TableName;
  readonly sheet: string;
  /** Rows of a table this plan makes whose cells mean different things: data row `row` (0 = first), columns by header. */
  readonly rows: readonly { readonly row: number; readonly columns: readonly string[]; readonly numberFormat: string }[];
}

export interface StyleTableStep {
  readonly kind: "styleTable";
  readonly table: TableName;
  readonly sheet: string;
  /** The header cells' own bold, fill and font, and wrapping (only for tables this plan makes). */
  readonly header?: RuleFormat;
  /** Headers of columns whose data cells wrap (columns this plan adds). */
  readonly wrap: readonly string[];
  /**
   * For a table an interrupted set-up made (which may have stopped before them): its table style,
   * and whether its header row is frozen, as addTable would have set them.
   */
  readonly tableStyle?: string;
  readonly freezeHeader?: boolean;
}

export interface SetPrintStep {
  readonly kind: "setPrint";
  /** A sheet this plan adds. */
  readonly sheet: string;
  readonly orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page, e.g. "$1:$1". */
  readonly titleRows?: string;
  /** Footer, in Excel's header/footer codes (&A sheet name, &P page, &N pages). */
  readonly footer: string;
  /**
   * The tab colour, for a sheet an interrupted set-up made (a sheet this plan adds gets it with
   * addSheet): the set-up may have stopped before colouring the tab.
   */
  readonly tabColor?: string;
}

/** A cell's own look (legends, the overview). */
export interface CellFormat extends RuleFormat {
  readonly wrap?: boolean;
  /** Font size in points. */
  readonly size?: number;
  readonly italic?: boolean;
}

export interface WriteCellsStep {
  readonly kind: "writeCells";
  readonly sheet: string;
  /** Only into cells the planner knows are blank. */
  readonly cells: readonly { readonly address: string; readonly value: CellInput; readonly format?: CellFormat }[];
  /** Sheet column widths, by column letters (only columns nothing used before). */
  readonly widths?: readonly { readonly column: string; readonly width: number }[];
  /** The AddinRecord item these cells make true (`legend:Tasks`): written with them, never twice. */
  readonly record?: string;
  /**
   * Beside a table that was there before: the writer first reads the cells and leaves the step
   * out (and its record item) when one holds something other than what it would write.
   */
  readonly onlyIntoBlank?: boolean;
  /** Move the sheet first in the tab order (an overview sheet an interrupted set-up left). */
  readonly moveFirst?: boolean;
}

/**
 * Computed cells left blank in rows users added (Excel fills a calculated column only when the
 * user's AutoCorrect option "Fill formulas in tables" is on): each gets its column's formula.
 * Only blank cells of columns the add-in made; a cell holding anything is left as it is.
 */
export interface FillFormulasStep {
  readonly kind: "fillFormulas";
  readonly table: TableName;
  readonly sheet: string;
  readonly columns: readonly { readonly column: string; readonly formula: string; readonly areas: readonly string[] }[];
}

export interface SetSchemaVersionStep {
  readonly kind: "setSchemaVersion";
  /** Write this number into the cell named SchemaVersion (it exists by now). */
  readonly version: number;
}

export type PlanStep =
  | AddSheetStep
  | HideSheetStep
  | RenameTableStep
  | AddTableStep
  | AddColumnsStep
  | AppendRowsStep
  | SetNamesStep
  | SetFormatsStep
  | SetColumnFormulaStep
  | SetValidationStep
  | SetConditionalFormatStep
  | SetRowFormatsStep
  | StyleTableStep
  | SetPrintStep
  | WriteCellsStep
  | FillFormulasStep
  | SetSchemaVersionStep;

export type PlanStepKind = PlanStep["kind"];

/** A spec column as a notice names it: the key for code, the header for people. */
export interface NoticeColumn {
  readonly key: string;
  /** As the table shows it, or, when the table lacks it, the spec's header in the workbook's language. */
  readonly header: string;
}

/** What a formula that could not be written was for. */
export type SkippedFormula =
  /** A computed column not appended to an existing table (a later upgrade adds it). */
  | { readonly kind: "column"; readonly column: NoticeColumn }
  /** The calculated-column formula of a column the plan adds. */
  | { readonly kind: "columnFormula"; readonly column: NoticeColumn }
  /** A formula in one row's cell of a column (fixed Settings rows). */
  | { readonly kind: "cellFormula"; readonly column: NoticeColumn }
  /** A conditional format, by its spec id and description. */
  | { readonly kind: "highlight"; readonly rule: string; readonly description: Localized };

interface NoticeWhere {
  /** The sheet as named in the workbook. */
  readonly sheet: string;
  readonly table: TableName;
}

/**
 * Something the planner left alone on purpose, for the task pane and CLI to show. Plain data:
 * describeNotice (notices.ts) words it in a language from src/i18n/<language>/plan.ts.
 */
export type PlanNotice =
  /** A column the add-in made is gone or renamed, and is not made again. */
  | (NoticeWhere & { readonly code: "columnMissing"; readonly column: NoticeColumn })
  /**
   * Spec columns appended to a table that existed (a header renamed by hand before the add-in
   * ever recorded it reads as missing, so this tells the user).
   */
  | (NoticeWhere & { readonly code: "columnsAdded"; readonly columns: readonly NoticeColumn[] })
  /** A new table went to a new sheet, `sheet` ("Tasks (2)"), because `wanted` holds other content. */
  | (NoticeWhere & { readonly code: "sheetNameTaken"; readonly wanted: string })
  /** A formula or highlight needed a column the workbook lacks. */
  | (NoticeWhere & {
      readonly code: "formulaSkipped";
      readonly what: SkippedFormula;
      readonly missing: { readonly table: string; readonly column: NoticeColumn };
    })
  /**
   * In a table an interrupted set-up made: cells with validation rules already got no drop-down
   * ("validated"), or a computed column holding typed values got no formula ("typed").
   */
  | (NoticeWhere & { readonly code: "cellsKept"; readonly reason: "validated" })
  | (NoticeWhere & { readonly code: "cellsKept"; readonly reason: "typed"; readonly column: NoticeColumn })
  /**
   * Spec columns not added because the cells right of the table, where they would go, are not
   * blank (a user's content or another table): nothing is written for this table.
   */
  | (NoticeWhere & { readonly code: "columnsBlocked"; readonly columns: readonly NoticeColumn[]; readonly cells: string })
  /** A defined name the add-in reads was not a range (e.g. #REF! after a sheet was deleted); it points at its cells again. */
  | (NoticeWhere & { readonly code: "nameRepaired"; readonly name: string; readonly was: string });

export interface Plan {
  readonly language: Language;
  /** Schema version after the plan is applied. */
  readonly schemaVersion: number;
  /**
   * In order: addSheet, hideSheet, renameTable, addTable (Settings first), addColumns,
   * appendRows (Config), setNames, setFormats, setColumnFormula, setValidation,
   * setConditionalFormat, fillFormulas, setRowFormats, styleTable, setPrint, writeCells,
   * setSchemaVersion, and last appendRows to AddinRecord (write it only when every earlier
   * step succeeded, so a failed setup is completed by a re-run). Empty when nothing is missing.
   */
  readonly steps: readonly PlanStep[];
  readonly notices: readonly PlanNotice[];
}

export interface PlanOptions {
  /** Language of a new workbook; an existing workbook keeps the language recorded in Settings. */
  readonly language: Language;
  /** Write sample rows into tables this plan creates. */
  readonly sample: boolean;
  /** The setup day, "YYYY-MM-DD"; sample dates are relative to it. */
  readonly today: string;
  /** Use SALES.* custom functions in computed cells (default false: portable native formulas). */
  readonly functions?: boolean;
  /** Sheets to set up (default all); Settings, and the tables others refer to, always come too. */
  readonly sheets?: readonly SheetKey[];
}

/** Table that records what the add-in made (one column, Item), on Settings. */
export const RECORD_TABLE: TableName = "AddinRecord";
/** Defined names a writer reads into WorkbookState.language and .schemaVersion. */
export const LANGUAGE_NAME = "Language";
export const SCHEMA_VERSION_NAME = "SchemaVersion";
