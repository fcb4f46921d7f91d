// `npm run workbook` arguments, parsed without touching the disk so every case is testable.
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";

export interface WorkbookOptions {
  readonly language: Language;
  readonly sample: boolean;
  /** Keep SALES.* formulas (they need the add-in); the default writes native Excel equivalents. */
  readonly functions: boolean;
  readonly force: boolean;
  readonly out: string;
}

export type Parsed =
  | { readonly kind: "run"; readonly options: WorkbookOptions }
  | { readonly kind: "help" }
  | { readonly kind: "error"; readonly message: string };

export const DEFAULT_OUT = "sales-plan.xlsx";

export const USAGE = `Usage: npm run workbook -- [--lang ${LANGUAGES.join("|")}] [--no-sample] [--functions] [--force] [--out FILE]
Writes the sales planning workbook as an .xlsx file (default: English, with sample data, ./${DEFAULT_OUT}).
  --lang LANG    sheet names, headers and lists in this language
  --no-sample    no sample rows, only the empty tables
  --functions    keep SALES.* formulas (they need the add-in) instead of portable Excel formulas
  --force        replace FILE if it exists (otherwise an existing file is never touched)
  --out FILE     where to write`;

const FLAGS = new Set(["--no-sample", "--functions", "--force", "--help", "-h"]);
const VALUED = new Set(["--lang", "--out"]);

function languageOf(text: string): Language | undefined {
  return LANGUAGES.find((l) => l.toLowerCase() === text.toLowerCase());
}

export function parseArgs(argv: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      if (eq > 0) return { kind: "error", message: `${name} takes no value (got "${arg}")` };
      flags.add(name);
    } else if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        return { kind: "error", message: `${name} needs a value` };
      }
      if (values.has(name)) return { kind: "error", message: `${name} is given twice` };
      values.set(name, value);
    } else {
      return { kind: "error", message: `unknown argument "${arg}" (try --help)` };
    }
  }
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };

  let language: Language = "en-US";
  const lang = values.get("--lang");
  if (lang !== undefined) {
    const known = languageOf(lang);
    if (!known) return { kind: "error", message: `--lang: "${lang}" is not one of ${LANGUAGES.join(", ")}` };
    language = known;
  }
  const out = values.get("--out") ?? DEFAULT_OUT;
  if (!/\.xlsx$/i.test(out)) return { kind: "error", message: `--out: "${out}" must end in .xlsx` };
  return {
    kind: "run",
    options: {
      language,
      sample: !flags.has("--no-sample"),
      functions: flags.has("--functions"),
      force: flags.has("--force"),
      out,
    },
  };
}
