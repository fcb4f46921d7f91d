// User text must reach a cell as text: "=HYPERLINK(...)" typed as a customer name, or
// "-5% discount", must never become a formula or a number.

/** True when Excel would read `text` as a formula (or strip its first character) if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@']/.test(text);
}

/**
 * The string to put in Office.js `range.values` (or `formulas`) so `text` stays exactly that text:
 * a leading apostrophe, which Excel swallows and shows nowhere, when the text starts with
 * = + - @ or an apostrophe of its own. ExcelJS needs none of this: assign the string itself
 * (`cell.value = text`), which is always stored as a string, never as a formula.
 */
export function officeText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
