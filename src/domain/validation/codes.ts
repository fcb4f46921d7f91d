// Every rule of the check by its stable code, with its severity: written once, here. Errors are
// what the issue calls wrong; warnings what may be right (a roster that lags, a formula a
// co-author overwrote, a word of the other language).
//
// Finding.details by code (all else is in the finding itself):
//   columnMissing       missing (header in the workbook's language), missingKey
//   percentAsWhole      percent (the number typed)
//   notInList, unlistedWord   expected (the list's words, " / " between)
//   otherLanguage       expected (the workbook's own word)
//   refMissing          table, sheet, column (where the name was looked for)
//   duplicate           firstRow (Excel row of the first use)
//   stageNotOnPath      path (header), pathValue
//   dateOrder           other (header of the earlier date), otherValue (as yyyy-mm-dd)
//   requiredWhen, blankUnless  when (header of the status), status (as typed)
//   smart               letters ("A", "S T")
//   probabilityFar      default (0..1), stage (as typed)
//   formulaMissing, formulaOverwritten  fromRow (a row that still has the formula), when one does
import type { Severity } from "./types";

export const SEVERITY_OF = {
  /**
   * A required column of ours is missing from its table: one finding at the table's first header
   * cell (details.missing, details.missingKey), not one per row; the rules that need it are skipped.
   */
  columnMissing: "error",
  required: "error",
  /** An Excel error value (#N/A, #VALUE!...) in a cell people fill. */
  cellError: "error",
  notDate: "error",
  notNumber: "error",
  negative: "error",
  /** A percentage typed as a whole number, e.g. 45 for 45%. */
  percentAsWhole: "error",
  percentRange: "error",
  scale1to5: "error",
  notInList: "error",
  refMissing: "error",
  duplicate: "error",
  stageNotOnPath: "error",
  dateOrder: "error",
  requiredWhen: "error",
  blankUnless: "error",
  smart: "error",
  otherLanguage: "warning",
  /** A word of the user's own in a list that allows it (Strategy Dimension). */
  unlistedWord: "warning",
  notOnRoster: "warning",
  probabilityFar: "warning",
  /** A computed cell whose formula was cleared. */
  formulaMissing: "warning",
  /** A computed cell holding a typed value instead of its formula. */
  formulaOverwritten: "warning",
} as const satisfies Record<string, Severity>;

export type FindingCodeName = keyof typeof SEVERITY_OF;
export const FINDING_CODES = Object.keys(SEVERITY_OF) as FindingCodeName[];
