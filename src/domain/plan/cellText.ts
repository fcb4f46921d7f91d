// User text must reach a cell as text: "=HYPERLINK(...)" typed as a customer name, or
// "-5% discount", must never become a formula or a number. The Office.js writer protects it
// (src/excel/cells.ts textCell); ExcelJS stores an assigned string as a string, never a formula.

/** True when Excel would read `text` as a formula (or strip its first character) if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@']/.test(text);
}
