// What the check reads (a WorkbookSnapshot, made by a reader: src/excel or src/xlsx) and what it
// finds (Findings: plain data, worded per language by describeFinding). No Office, no DOM.
import type { Language } from "../spec/vocabulary";
import type { TableName } from "../spec/types";

/**
 * A cell as a reader saw it: a number (dates are Excel serials), text, a boolean, an Excel error
 * as its text ("#N/A"), or null for a blank cell.
 */
export type SnapshotValue = string | number | boolean | null;

/** One table as it is in the workbook: its headers as displayed, its data rows, where it sits. */
export interface TableSnapshot {
  /** The table (ListObject) name, e.g. "Tasks". */
  readonly name: string;
  /** The sheet it is on, as named in the workbook. */
  readonly sheet: string;
  /** Excel row number (1-based) of the header row; data row i is at headerRow + 1 + i. */
  readonly headerRow: number;
  /** Excel column number (1-based, A = 1) of the table's first column. */
  readonly firstColumn: number;
  /** Header cells left to right, as displayed, whatever language or order the user left them in. */
  readonly headers: readonly string[];
  /** Data rows, each as long as headers. */
  readonly values: readonly (readonly SnapshotValue[])[];
  /**
   * Per data cell, the formula when the cell holds one ("=..."), else null; parallel to values.
   * Absent when the reader did not read formulas (then computed-column checks are skipped).
   */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Per data cell, its number format code; parallel to values. Absent when not read. */
  readonly numberFormats?: readonly (readonly string[])[];
}

/** Every table of a workbook the check cares about (ours, Settings tables included). */
export interface WorkbookSnapshot {
  /** The workbook's own language (the Language name in Settings), when it holds one. */
  readonly language?: Language;
  readonly tables: readonly TableSnapshot[];
}

export type Severity = "error" | "warning";

/** A finding's rule. Stable: tests, the task pane and --json output name rules by it. */
export type FindingCode = string;

/** One problem at one cell. Plain data; describeFinding(finding, language) words it. */
export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly sheet: string;
  readonly table: TableName | string;
  /** Excel row number of the cell (1-based). */
  readonly row: number;
  /** Excel column number of the cell (1-based, A = 1). */
  readonly columnNumber: number;
  /** The column's header as the user sees it. */
  readonly column: string;
  /** The spec's column key, when the column is one of ours. */
  readonly columnKey?: string;
  /** The cell's A1 address on its sheet, e.g. "C5". */
  readonly cell: string;
  /** The offending value as read (null for a blank). */
  readonly value: SnapshotValue;
  /** What the message needs beyond the above (the expected word, the other cell's header...). */
  readonly details?: Readonly<Record<string, string | number>>;
}

export interface CheckOptions {
  /** Today as an Excel serial date, for rules that depend on it. */
  readonly today?: number;
}
