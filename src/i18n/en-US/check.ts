// Findings of the workbook check, worded. Each message gets the values already formatted
// (dates as 2026-09-30, percentages with %); sheet and column names arrive as the workbook shows them.
export const check = {
  /** Where a finding is: sheet, cell and the column's header. */
  where: (sheet: string, cell: string, column: string) => `${sheet}!${cell} "${column}"`,
  /** A finding in one line: where, then what is wrong. */
  line: (where: string, problem: string) => `${where}: ${problem}`,
  blank: "(blank)",
  summary: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
  severity: { error: "error", warning: "warning" },
  problem: {
    columnMissing: (missing: string) => `this table has no column "${missing}", which every row needs: add it back, or rename a column back to it.`,
    required: (column: string) => `"${column}" is required.`,
    cellError: (value: string) => `the cell holds the Excel error ${value}; type a value instead.`,
    notDate: (value: string) => `${value} is not a date; type one such as 2026-09-30.`,
    notNumber: (value: string) => `${value} is not a number.`,
    negative: (value: string) => `${value} is below 0; amounts and counts are 0 or more.`,
    percentAsWhole: (value: string, asPercent: string, meant: string, decimal: string) =>
      `${value} means ${asPercent} in Excel; for ${meant} type ${meant} or ${decimal}.`,
    percentRange: (value: string) => `${value} is not a percentage from 0% to 100%.`,
    scale1to5: (value: string) => `${value} is not a whole number from 1 to 5.`,
    notInList: (value: string, expected: string) => `"${value}" is not in the list (${expected}).`,
    otherLanguage: (value: string, expected: string) => `"${value}" is the other language's word; this workbook says "${expected}".`,
    unlistedWord: (value: string, expected: string) => `"${value}" is not one of the list's words (${expected}); keep it if it is meant.`,
    notOnRoster: (value: string) => `"${value}" is not on the Team roster (Settings); add them there, or check the spelling.`,
    refMissing: (value: string, sheet: string, column: string) =>
      `"${value}" is not in "${column}" on ${sheet}; add it there first, or check the spelling.`,
    duplicate: (value: string, firstRow: string) => `"${value}" is already used in row ${firstRow}; each row needs its own.`,
    stageNotOnPath: (value: string, path: string, pathValue: string) => `"${value}" is not a stage of the ${path} "${pathValue}".`,
    dateOrder: (value: string, other: string, otherValue: string) => `${value} is before "${other}" (${otherValue}).`,
    requiredWhen: (column: string, when: string, status: string) => `"${column}" is required when "${when}" is "${status}".`,
    blankUnless: (column: string, when: string, status: string) => `"${column}" should be blank while "${when}" is "${status}".`,
    smart: (letters: string) =>
      `the goal is not SMART here (${letters}): S specific, M measurable, A achievable (positive, at most 3 × the baseline, a rate at most 100%), R a listed metric, T a deadline after the start.`,
    probabilityFar: (value: string, stage: string, usual: string) =>
      `${value} is far from the "${stage}" stage's default of ${usual}; check the stage or the probability.`,
    formulaMissing: (column: string, restore: string) => `the formula of "${column}" was cleared. ${restore}`,
    formulaOverwritten: (column: string, value: string, restore: string) =>
      `"${column}" is calculated, but this cell holds the typed value ${value}. ${restore}`,
    restoreFrom: (row: string) => `To restore it, copy the cell of row ${row} in this column (it still has the formula) and paste it here.`,
    restoreNone: "To restore it, run Set up in a copy of the workbook and copy this column's formula from there.",
  },
};
