// `npm run workbook` arguments, parsed without touching the disk so every case is testable.
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";

export interface WorkbookOptions {
  readonly language: Language;
  readonly sample: boolean;
  /** Keep SALES.* formulas (they need the add-in); the default writes native Excel equivalents. */
  readonly functions: boolean;
  readonly force: boolean;
  /** As typed: a file, or a folder to write DEFAULT_OUT into. */
  readonly out: string;
}

/** A mistake in the arguments, as data; workbookCommand words it in the user's language. */
export type ArgumentProblem =
  | { readonly code: "takesNoValue"; readonly name: string; readonly arg: string }
  | { readonly code: "needsValue"; readonly name: string }
  | { readonly code: "givenTwice"; readonly name: string }
  | { readonly code: "unknownArgument"; readonly arg: string }
  | { readonly code: "unknownLanguage"; readonly value: string };

export type Parsed =
  | { readonly kind: "run"; readonly options: WorkbookOptions }
  | { readonly kind: "help" }
  | { readonly kind: "error"; readonly problem: ArgumentProblem };

export const DEFAULT_OUT = "sales-plan.xlsx";

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
      if (eq > 0) return { kind: "error", problem: { code: "takesNoValue", name, arg } };
      flags.add(name);
    } else if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        return { kind: "error", problem: { code: "needsValue", name } };
      }
      if (values.has(name)) return { kind: "error", problem: { code: "givenTwice", name } };
      values.set(name, value);
    } else {
      return { kind: "error", problem: { code: "unknownArgument", arg } };
    }
  }
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };

  let language: Language = "en-US";
  const lang = values.get("--lang");
  if (lang !== undefined) {
    const known = languageOf(lang);
    if (!known) return { kind: "error", problem: { code: "unknownLanguage", value: lang } };
    language = known;
  }
  // Whether --out names a file or a folder is for the disk to say (workbookCommand asks it).
  const out = values.get("--out") ?? DEFAULT_OUT;
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
