// Notices from set-up and upgrade: what was left alone on purpose. Sheet, table and column names
// arrive as the workbook shows them (headers in the workbook's language).
const quoted = (headers: readonly string[]) => headers.map((h) => `"${h}"`).join(", ");

export const plan = {
  columnMissing: (sheet: string, table: string, column: string) =>
    `${sheet}: the column "${column}" of table ${table} was renamed or removed; it is not added again.`,
  columnsAdded: (sheet: string, table: string, columns: readonly string[]) =>
    `${sheet}: added ${quoted(columns)} at the right end of table ${table}.`,
  sheetNameTaken: (wanted: string, sheet: string, table: string) =>
    `A sheet named "${wanted}" already holds other content; ${table} goes on a new sheet "${sheet}".`,
  columnHeldBack: (sheet: string, column: string, missingTable: string, missingColumn: string) =>
    `${sheet}: "${column}" was not added because table ${missingTable} has no column "${missingColumn}".`,
  formulaSkipped: (sheet: string, what: string, missingTable: string, missingColumn: string) =>
    `${sheet}: ${what} was not set up because table ${missingTable} has no column "${missingColumn}".`,
  skipped: {
    columnFormula: (column: string) => `the formula of "${column}"`,
    cellFormula: (column: string) => `a formula in "${column}"`,
    highlight: (description: string) => `the highlight "${description}"`,
  },
  columnsBlocked: (sheet: string, table: string, columns: readonly string[], cells: string) =>
    `${sheet}: ${quoted(columns)} were not added to table ${table} because the cells ${cells} to its right are not empty; move what is there and run Set up again.`,
  nameRepaired: (sheet: string, name: string, was: string) =>
    `${sheet}: the name ${name} no longer pointed at cells (it was ${was}); it points at its Settings cells again.`,
  cellsKept: {
    validated: (sheet: string, table: string) =>
      `${sheet}: in table ${table}, some cells have validation rules already, so no drop-down or check was added.`,
    typed: (sheet: string, table: string, column: string) =>
      `${sheet}: in table ${table}, the column "${column}" holds typed values, so its formula was not set.`,
  },
};
