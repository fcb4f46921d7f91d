// The shape of the declarative workbook spec (SPEC section 2 and 3). The content is in
// workbook.ts; writers, the validator and the task pane read it, never a copy of it.
import type { Language, TermList } from "./vocabulary";

/** A label in both product languages. Labels live here, in the spec, not in src/i18n. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export type SheetKey =
  "overview" | "goals" | "strategy" | "market" | "customers" | "tasks" | "pipeline" | "risks" | "review" | "playbook" | "settings";

/** Stable English table names: structured references and defined names use them in every language. */
export type TableName =
  | "SalesGoals"
  | "StrategyPlan"
  | "MarketAnalysis"
  | "Customers"
  | "Tasks"
  | "Pipeline"
  | "Risks"
  | "ReviewInputs"
  | "ReviewMetrics"
  | "ReviewFunnel"
  | "Playbook"
  // Settings sheet blocks
  | "Config"
  | "Stages"
  | "Tiers"
  | "Team"
  | "Lists"
  | "AddinRecord"
  | "Nudges";

export type ColumnType = "text" | "date" | "number" | "percent" | "int1to5" | "list" | "ref" | "computed";

/**
 * A formula template. Placeholders, resolved by the planner against the table's real headers:
 * - `{@key}`        this row's cell of column `key` of the same table
 *                   (`Tasks[[#This Row],[Due]]` in a column formula; `$J2` in a rule formula)
 * - `{Table:key}`   the whole data column of another table (`Customers[Customer]`)
 * - `{Table:a:b}`   the columns a through b of a table (`ReviewInputs[[Sales spend]:[Marketing spend]]`)
 * Everything else is en-US Excel syntax and English defined names (LagAlertDays, List_Tier...).
 */
export type FormulaTemplate = string;

/** A computed column's formula: native everywhere, or SALES.* with a portable native twin. */
export type ComputedFormula = { readonly native: FormulaTemplate } | { readonly functions: FormulaTemplate; readonly portable: FormulaTemplate };

/** Name of a Settings list (a defined name such as List_TaskStatus) that feeds a drop-down. */
export type ListName = string;

export interface ColumnSpec {
  /** Stable key: plan steps, the validator and AddinRecord items name columns by it. */
  readonly key: string;
  readonly header: Localized;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly unique?: boolean;
  /** For list columns: the Settings list whose values are allowed. */
  readonly list?: ListName;
  /**
   * For list columns whose drop-down depends on the row (Tasks Stage by Path): a native formula
   * template giving the range to offer, `{@key}` for this row's cells. `list` stays the whole set.
   */
  readonly listFormula?: FormulaTemplate;
  /** For ref columns: the column of another table whose values are allowed. */
  readonly ref?: { readonly table: TableName; readonly column: string };
  /** Date column that may not be earlier than this date column (a key of the same table) in the same row. */
  readonly notBefore?: string;
  /**
   * Required when this row's list column `column` holds the word of one of `is` (term keys); with
   * `onlyThen`, also blank otherwise (a completion date belongs to done tasks only).
   */
  readonly requiredWhen?: { readonly column: string; readonly is: readonly string[]; readonly onlyThen?: boolean };
  /** Percent column whose blank means the default probability (Settings Stages) of the stage in this column. */
  readonly defaultFrom?: string;
  /** For computed columns. */
  readonly formula?: ComputedFormula;
  /** Computed column whose formula differs per row (ReviewMetrics[Actual]): each fixed row supplies it. */
  readonly formulaPerRow?: boolean;
  /** List column that also accepts other words (the drop-down warns instead of refusing). */
  readonly openList?: boolean;
  /** Excel number format code (en-US), e.g. "yyyy-mm-dd", "0%", "#,##0". */
  readonly numberFormat?: string;
  /** Column width in Excel character units (ExcelJS `width`; Office.js: points ≈ width × 7). */
  readonly width?: number;
  /** Width in a Chinese workbook, where the same words take fewer, wider characters; `width` when absent. */
  readonly zhWidth?: number;
  /** Long text: the data cells wrap within the column's width instead of running into the next. */
  readonly wrap?: boolean;
  /** Input message shown when the cell is selected (Excel: title ≤ 32, message ≤ 255 characters). */
  readonly input?: Localized;
}

/** A sample or fixed cell value, resolved per language and setup day by the planner. */
export type SpecValue =
  | string
  | number
  | boolean
  | Localized
  /** A date `days` after the setup day (negative: before). */
  | { readonly days: number }
  /** The first or last day of the quarter `quarter` quarters from the setup day's (0: this one, -1: the last). */
  | { readonly quarter: number; readonly day: "first" | "last" }
  /** Text naming quarters: `{Q}` becomes this quarter ("Q3"), `{Q-1}` the one before, as of the setup day. */
  | { readonly quarterly: Localized }
  /** The word for `key` in a vocabulary list, in the workbook's language. */
  | { readonly term: TermList; readonly key: string }
  /** A formula template (for per-row formulas such as ReviewMetrics[Actual]). */
  | { readonly formula: ComputedFormula }
  /** Filled in by the planner: the workbook's language, or blank until setup ends (schema version). */
  | { readonly fill: "language" | "schemaVersion" };

export type SpecRow = Readonly<Record<string, SpecValue>>;

export interface TableSpec {
  readonly name: TableName;
  readonly sheet: SheetKey;
  /** Top-left cell of the header row on a new sheet, e.g. "A1". */
  readonly anchor: string;
  readonly columns: readonly ColumnSpec[];
  /** Rows written whenever the table is created (Settings content, review metrics). */
  readonly rows?: readonly SpecRow[];
  /** Rows written only when sample data is asked for and the table is new. */
  readonly sample?: readonly SpecRow[];
  readonly style?: string;
  /**
   * Number formats of the fixed `rows`, one entry per row, where a column's rows mean different
   * things (ReviewMetrics: a rate, an amount, a count): the row's cells of `columns` show `numberFormat`.
   */
  readonly rowFormats?: readonly { readonly columns: readonly string[]; readonly numberFormat: string }[];
  /** The header cells' own look, so readers that draw no table styles still show a header row. */
  readonly headerFormat?: RuleFormat;
}

/** A cell of the overview: text, or an en-US formula template (`{Table:key}` for a table column). */
export interface OverviewCell {
  readonly value: Localized | { readonly formula: FormulaTemplate } | { readonly link: SheetKey; readonly label?: Localized };
  readonly format?: RuleFormat & { readonly size?: number; readonly wrap?: boolean };
}

/** The overview sheet, row by row from A1: native formulas only, so every co-author sees it. */
export interface OverviewSpec {
  readonly sheet: SheetKey;
  /** Column widths from A, in characters. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly OverviewCell[])[];
}

/**
 * A table's legend: a heading and one line per highlighting rule, each in its rule's colours,
 * beside the table. A line starting with "=" is an en-US formula reading Settings names, so a
 * changed threshold changes the legend.
 */
export interface LegendSpec {
  readonly table: TableName;
  readonly title: Localized;
  readonly entries: readonly { readonly rule: string; readonly text: Localized }[];
}

/** How a sheet prints: one page wide, its header row on every page, a footer with sheet name and page. */
export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
}

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: Localized;
  readonly visible: boolean;
  readonly tabColor?: string;
  /** Visible sheets print; hidden ones (Settings) do not. */
  readonly print?: PrintSpec;
}

/** Where a Settings defined name points. */
export type NameTarget =
  /** The Value cell of the Config row whose Name column holds this name. */
  | { readonly kind: "config" }
  /** The data cells of a column of a Settings table, `rows` rows from the top (all rows when absent). */
  | { readonly kind: "column"; readonly table: TableName; readonly column: string; readonly from?: number; readonly count?: number }
  /** A whole table column, as a structured reference (grows with the table). */
  | { readonly kind: "tableColumn"; readonly table: TableName; readonly column: string };

export interface NameSpec {
  /** English defined name, read by formulas, validation and conditional formats. */
  readonly name: string;
  readonly target: NameTarget;
  readonly comment?: string;
}

export interface ConfigSpec {
  /** The defined name of the Value cell. */
  readonly name: string;
  readonly label: Localized;
  /** Default value; language and schema version are filled in by the planner. */
  readonly value: number | { readonly fill: "language" | "schemaVersion" };
}

/** Where a Settings list's words come from (for the validator and task pane). */
export type ListSource =
  | { readonly kind: "terms"; readonly terms: TermList }
  | { readonly kind: "stages"; readonly path?: "new" | "existing" }
  | { readonly kind: "tiers" }
  | { readonly kind: "roster" }
  | { readonly kind: "ref"; readonly table: TableName; readonly column: string };

export interface ListSpec {
  readonly name: ListName;
  readonly source: ListSource;
}

export interface RuleFormat {
  /** Fill colour, "#RRGGBB". */
  readonly fill?: string;
  /** Font colour, "#RRGGBB". */
  readonly font?: string;
  readonly bold?: boolean;
  readonly strike?: boolean;
  /** Number format the rule shows the cells in (Excel code, en-US): rows of one column that mean different things. */
  readonly numberFormat?: string;
}

export interface ConditionalFormatSpec {
  /** Stable id, recorded in AddinRecord as `cf:<Table>.<id>` once made. */
  readonly id: string;
  readonly table: TableName;
  /** The columns the rule colours; every column (the whole row) when absent. */
  readonly columns?: readonly string[];
  /** Native formula template, `{@key}` for this row's cells; reads only Settings names. */
  readonly formula: FormulaTemplate;
  readonly format: RuleFormat;
  readonly description: Localized;
}

export interface WorkbookSpec {
  readonly schemaVersion: number;
  readonly sheets: readonly SheetSpec[];
  readonly tables: readonly TableSpec[];
  readonly config: readonly ConfigSpec[];
  readonly lists: readonly ListSpec[];
  readonly names: readonly NameSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  /** Printed at the foot of every page, in Excel's header/footer codes (&A sheet, &P page, &N pages). */
  readonly printFooter: Localized;
  readonly legends: readonly LegendSpec[];
  readonly overview?: OverviewSpec;
}

export type { Language };
