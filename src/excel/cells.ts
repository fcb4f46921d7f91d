// Plan cells to what Office.js's `formulas` property should receive.
//
// User text stays text: Excel reads "=HYPERLINK(...)" as a formula, "+x"/"-x"/"@x" as one too,
// "0012" as 12 and "TRUE" as a boolean when they are written to `values` or `formulas`. We put a
// leading apostrophe (Excel's prefix character) before such text. We chose it over the Text number
// format ("@") because the apostrophe belongs to the one value: it is invisible, reads back as the
// plain text, and leaves the column's format alone, so a date or number the user types there later
// is still a date or number; "@" would be a second 2-D array per write and would change how every
// later entry in those cells is read.
import type { CellInput } from "../domain/plan/types";
import { looksLikeFormula } from "../domain/plan/cellText";

export type OfficeCell = string | number | boolean;

/**
 * Text Excel may read as something else when typed: numbers in any of its forms ("12", "1,000",
 * "1e5", "12%", "(12)", "$12", "¥12"), dates and times ("2024-01-05", "1/2", "12:30", "Jan 5"),
 * TRUE and FALSE, error values ("#N/A", "#REF!": any text starting with #). Generous on purpose:
 * an apostrophe too many is invisible, one too few loses text.
 */
const COERCIBLE = /^\s*([\d.(#]|[$€£¥]|(true|false)\s*$|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./-]*\d)/i;

export function textCell(text: string): string {
  return looksLikeFormula(text) || COERCIBLE.test(text) ? `'${text}` : text;
}

export function officeCell(input: CellInput): OfficeCell {
  if (input === null) return "";
  if (typeof input === "object") return input.formula;
  if (typeof input === "string") return textCell(input);
  return input;
}
