// A plan formula ("=IFS(...)", en-US as typed in Excel) as the file stores it. Functions newer
// than Excel 2007 are stored with a prefix (_xlfn., and _xlfn._xlws. for FILTER and SORT);
// written bare, Excel shows #NAME? until someone re-enters the cell.
const XLWS = new Set(["FILTER", "SORT"]);
const XLFN = new Set([
  "AGGREGATE", "CONCAT", "DAYS", "FORECAST.LINEAR", "IFNA", "IFS", "ISOWEEKNUM", "LAMBDA", "LET",
  "MAXIFS", "MINIFS", "NUMBERVALUE", "PERCENTILE.INC", "RANDARRAY", "SEQUENCE", "SORTBY",
  "STDEV.P", "STDEV.S", "SWITCH", "TEXTJOIN", "UNIQUE", "XLOOKUP", "XMATCH", "XOR",
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
