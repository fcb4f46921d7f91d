// A plan formula ("=IFS(...)", en-US as typed in Excel) as the file stores it. Functions newer
// than Excel 2007 are stored with a prefix (_xlfn., and _xlfn._xlws. for FILTER and SORT);
// written bare, Excel shows #NAME? until someone re-enters the cell.
const XLWS = new Set(["FILTER", "SORT"]);
const XLFN = new Set([
  "AGGREGATE",
  "CONCAT",
  "DAYS",
  "FORECAST.LINEAR",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "LAMBDA",
  "LET",
  "MAXIFS",
  "MINIFS",
  "NUMBERVALUE",
  "PERCENTILE.INC",
  "RANDARRAY",
  "SEQUENCE",
  "SORTBY",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "UNIQUE",
  "XLOOKUP",
  "XMATCH",
  "XOR",
]);

// Excel stores a call to an add-in's custom function as _xldudf_<NAMESPACE>_<NAME>, and links
// it to the add-in when the file opens; a bare SALES.LTV( would stay #NAME? until re-entered.
const CUSTOM_FUNCTION_NAMESPACE = "SALES";

export function fileFormula(formula: string): string {
  const body = formula.replace(/^=/, "");
  // Split on string literals so a word inside quotes is never touched.
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)(?=\()/g, (whole, before: string, name: string) => {
            const upper = name.toUpperCase();
            if (upper.startsWith(`${CUSTOM_FUNCTION_NAMESPACE}.`)) return `${before}_xldudf_${upper.replace(".", "_")}`;
            if (XLWS.has(upper)) return `${before}_xlfn._xlws.${name}`;
            if (XLFN.has(upper)) return `${before}_xlfn.${name}`;
            return whole;
          }),
    )
    .join("");
}

// Native functions that take whole ranges and give one value however Excel evaluates the
// formula: inside one, a range is never reduced to one cell.
// A SALES call inside an argument counts as one too: its own arguments are checked on their own.
const AGGREGATES =
  /\b(?:SUM|SUMPRODUCT|AVERAGE|COUNT|COUNTA|COUNTIF|COUNTIFS|SUMIF|SUMIFS|MIN|MAX|INDEX|MATCH|_xldudf_[A-Z0-9_]+)\((?:[^()"]|"(?:[^"]|"")*")*\)/gi;
/** A whole table column (Pipeline[Amount], ReviewInputs[[A]:[B]]); a [#This Row] cell is one value. */
const TABLE_COLUMN = /\b[A-Za-z_][A-Za-z0-9_.]*\[(?!\[?#This Row|@)/;
const BARE_COLUMN = /^[A-Za-z_][A-Za-z0-9_.]*\[(?:[^\]]|\][^\]]*\])*\]$/;

/** The arguments of every call to `name` in a stored formula, string literals included as they are. */
function argumentsOf(formula: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const match of formula.matchAll(name)) {
    let depth = 0;
    let inString = false;
    let start = match.index + match[0].length;
    for (let i = start; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === '"') inString = !inString;
      if (inString) continue;
      if (ch === "(") depth++;
      else if (ch === ")" && depth-- === 0) {
        found.push(formula.slice(start, i).trim());
        break;
      } else if (ch === "," && depth === 0) {
        found.push(formula.slice(start, i).trim());
        start = i + 1;
      }
    }
  }
  return found;
}

/**
 * Whether a stored formula must be an array formula to mean what it says in every Excel. A
 * formula in a file without the dynamic-array flag is read as a legacy formula, and legacy
 * Excel reduces a range to one cell (implicit intersection, shown as @ in Excel 365) where a
 * function argument is an expression over a whole column, e.g. SALES.WEIGHTED(...,
 * Pipeline[Probability]+..., ...). A column passed as it is, or summed up by a native
 * aggregate first, is not reduced.
 */
export function needsArrayEntry(stored: string): boolean {
  return argumentsOf(stored, /_xldudf_[A-Z0-9_]+\(/g).some((argument) => {
    if (BARE_COLUMN.test(argument)) return false;
    let rest = argument;
    for (let before = ""; before !== rest;) {
      before = rest;
      rest = rest.replace(AGGREGATES, "0");
    }
    return TABLE_COLUMN.test(rest);
  });
}

/**
 * A formula as the file stores it, as Excel shows it ("=" first, no _xlfn. prefixes, add-in
 * functions by their own names): what Office.js's Range.formulas gives for the same cell.
 */
export function displayFormula(stored: string): string {
  const body = stored.replace(/^=/, "");
  const shown = body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/_xlfn\.(?:_xlws\.)?/g, "")
            .replace(/_xldudf_([A-Za-z0-9]+)_([A-Za-z0-9_.]+)(?=\()/g, (_, namespace: string, name: string) => `${namespace}.${name}`),
    )
    .join("");
  return `=${shown}`;
}
