// `npm run workbook`: usage, argument mistakes, why a path cannot be written, what was written.
export const cli = {
  usage: (
    languages: string,
    defaultOut: string,
  ) => `Usage: npm run workbook -- [--lang ${languages}] [--no-sample] [--functions] [--force] [--out FILE|FOLDER]
Writes the sales planning workbook as an .xlsx file (default: English, with sample data, ./${defaultOut}).
  --lang LANG    sheet names, headers and lists in this language
  --no-sample    no sample rows, only the empty tables
  --functions    keep SALES.* formulas (they need the add-in) instead of portable Excel formulas
  --force        replace FILE if it exists (otherwise an existing file is never touched)
  --out FILE     where to write; an existing folder gets ${defaultOut} inside it`,
  takesNoValue: (name: string, arg: string) => `${name} takes no value (got "${arg}")`,
  needsValue: (name: string) => `${name} needs a value`,
  givenTwice: (name: string) => `${name} is given twice`,
  unknownArgument: (arg: string) => `unknown argument "${arg}" (try --help)`,
  unknownLanguage: (value: string, languages: string) => `--lang: "${value}" is not one of ${languages}`,
  notXlsx: (out: string) => `--out: "${out}" must end in .xlsx, or name an existing folder`,
  exists: (target: string) => `${target} already exists; it was left untouched (add --force to replace it)`,
  cannotWrite: (target: string, reason: string) => `cannot write ${target}: ${reason}`,
  /** Why a write failed, by Node's error code. */
  reasons: {
    EACCES: "permission denied",
    EPERM: "not permitted (is the file open in another program, such as Excel?)",
    EBUSY: "the file is in use (close it in Excel and try again)",
    EROFS: "the disk is read-only",
    ENOENT: "the folder does not exist",
    ENOTDIR: "a part of the path is a file, not a folder",
    EISDIR: "that is a folder (name a file, or the folder alone to write sales-plan.xlsx into it)",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    ENAMETOOLONG: "the name is too long",
    EINVAL: "the name holds characters this disk does not allow",
    EIO: "the disk reported an input/output error",
  },
  otherReason: (code: string) => `error ${code}`,
  wrote: (target: string, summary: string) => `Wrote ${target} (${summary}):`,
  separator: ", ",
  withSample: "with sample data",
  noSample: "no sample data",
  salesFormulas: "SALES.* formulas",
  portableFormulas: "portable formulas",
  rows: (count: number) => `${count} ${count === 1 ? "row" : "rows"}`,
  hidden: " (hidden)",
  noTable: "no table",
};
