// Messages of `npm run check` (the command that checks an .xlsx file).
export const checkCommand = {
  usage: `Usage: npm run check -- FILE.xlsx [--json] [--lang en-US|zh-CN]
Checks a planning workbook file against the workbook's rules, without Excel and without changing the file.
  --json         print the findings and their counts as JSON
  --lang LANG    word the findings in this language (default: the workbook's own)
Exit code: 0 no error (warnings allowed), 1 errors found, 2 the file cannot be checked.`,
  errors: (count: number) => (count === 1 ? "1 error" : `${count} errors`),
  warnings: (count: number) => (count === 1 ? "1 warning" : `${count} warnings`),
  separator: ", ",
  severity: { error: "error", warning: "warning" },
  clean: (file: string) => `${file}: no problems found.`,
  summary: (file: string, counts: string, sheets: number) => `${file}: ${counts} on ${sheets === 1 ? "1 sheet" : `${sheets} sheets`}.`,
  sheetHeading: (sheet: string, counts: string) => `${sheet} (${counts})`,
  cannotCheck: (file: string, reason: string) => `cannot check ${file}: ${reason}`,
  reason: {
    missing: "there is no such file",
    folder: "it is a folder, not a file",
    denied: "permission denied",
    empty: "the file is empty (0 bytes)",
    notZip: "it is not an .xlsx file (an .xlsx is a zip archive; this is not one)",
    truncated: "the file is cut short (incomplete download or copy?); the end of the archive is missing",
    notWorkbook: "it is a zip archive but not an Excel workbook (no xl/workbook.xml inside)",
    damaged: (detail: string) => `the workbook is damaged and cannot be read (${detail})`,
    noTables: "it is a workbook, but it holds none of the planner's tables (Tasks, Pipeline, Customers...)",
  },
  argument: {
    noFile: "name the .xlsx file to check (try --help)",
    tooManyFiles: (extra: string) => `one file at a time ("${extra}" is a second one)`,
    unknown: (arg: string) => `unknown argument "${arg}" (try --help)`,
    needsValue: (name: string) => `${name} needs a value`,
    noValue: (name: string) => `${name} takes no value`,
    twice: (name: string) => `${name} is given twice`,
    language: (value: string, known: string) => `--lang: "${value}" is not one of ${known}`,
  },
};
