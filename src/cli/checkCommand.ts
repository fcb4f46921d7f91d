// `npm run check -- FILE.xlsx [--json] [--lang zh-CN]`: the workbook check on a file, without
// Excel. Findings grouped by sheet, worded in the workbook's language unless --lang says
// otherwise. Exit 0 with no error (warnings allowed), 1 with errors, 2 when the file cannot be
// checked or the arguments are wrong: then one line on stderr, naming the file and the reason,
// in the language --lang names or else the system's.
import { resolve } from "node:path";
import { WORKBOOK } from "../domain/spec/workbook";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import { checkWorkbook, describeFinding, describeProblem } from "../domain/validation";
import type { CheckOptions, Finding, WorkbookSnapshot } from "../domain/validation/types";
import { messages } from "../i18n";
import { readWorkbookFile, type FileRead } from "../xlsx/readFile";
import type { Io } from "./workbookCommand";

export interface CheckCommandOptions {
  readonly file: string;
  readonly json: boolean;
  /** Words the findings in this language instead of the workbook's own. */
  readonly language?: Language;
}

export type CheckParsed =
  | { readonly kind: "run"; readonly options: CheckCommandOptions }
  | { readonly kind: "help"; readonly language: Language }
  | { readonly kind: "error"; readonly language: Language; readonly message: string };

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS = 1;
export const EXIT_CANNOT_CHECK = 2;

export interface CheckDependencies {
  readonly read: (path: string) => Promise<FileRead>;
  readonly check: (snapshot: WorkbookSnapshot, options: CheckOptions) => Finding[];
  /** The whole finding in words, where included (for --json). */
  readonly describe: (finding: Finding, language: Language) => string;
  /** What is wrong, without where (the text lists findings under their sheet and cell). */
  readonly describeProblem: (finding: Finding, language: Language) => string;
  /** Today as an Excel serial date (rules on due dates depend on it). */
  readonly today: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UNIX_EPOCH_SERIAL = 25569;

/** The local calendar day as an Excel serial date. */
export function todaySerial(now = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS + UNIX_EPOCH_SERIAL;
}

export const defaultDependencies = (): CheckDependencies => ({
  read: readWorkbookFile,
  check: checkWorkbook,
  describe: describeFinding,
  describeProblem,
  today: todaySerial(),
});

function languageOf(text: string): Language | undefined {
  return LANGUAGES.find((l) => l.toLowerCase() === text.toLowerCase());
}

/** `system`: the language the command speaks when --lang names none (the system's). */
export function parseCheckArgs(argv: readonly string[], system: Language = "en-US"): CheckParsed {
  // The language of the argument messages themselves: --lang when it names one.
  const langAt = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const langText = langAt < 0 ? undefined : argv[langAt].startsWith("--lang=") ? argv[langAt].slice(7) : argv[langAt + 1];
  const wording = (langText && languageOf(langText)) || system;
  const text = messages(wording).checkCommand.argument;
  const error = (message: string): CheckParsed => ({ kind: "error", language: wording, message });

  const files: string[] = [];
  let json = false;
  let help = false;
  let language: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--json" || name === "--help" || name === "-h") {
      if (eq > 0) return error(text.noValue(name));
      if (name === "--json") json = true;
      else help = true;
    } else if (name === "--lang") {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) return error(text.needsValue(name));
      if (language !== undefined) return error(text.twice(name));
      language = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      return error(text.unknown(arg));
    } else {
      files.push(arg);
    }
  }
  if (help) return { kind: "help", language: wording };
  const known = language === undefined ? undefined : languageOf(language);
  if (language !== undefined && !known) return error(text.language(language, LANGUAGES.join(", ")));
  if (files.length === 0) return error(text.noFile);
  if (files.length > 1) return error(text.tooManyFiles(files[1]));
  return { kind: "run", options: { file: files[0], json, ...(known ? { language: known } : {}) } };
}

interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

function countsOf(findings: readonly Finding[]): Counts {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

/** Sheets in the order the workbook has its tables, findings by row then column within each. */
function bySheet(snapshot: WorkbookSnapshot, findings: readonly Finding[]): { sheet: string; findings: Finding[] }[] {
  const order = [...new Set([...snapshot.tables.map((t) => t.sheet), ...findings.map((f) => f.sheet)])];
  return order
    .map((sheet) => ({
      sheet,
      findings: findings.filter((f) => f.sheet === sheet).sort((a, b) => a.row - b.row || a.columnNumber - b.columnNumber),
    }))
    .filter((group) => group.findings.length > 0);
}

function ourTables(snapshot: WorkbookSnapshot): boolean {
  const names = new Set(WORKBOOK.tables.map((t) => t.name.toLowerCase()));
  return snapshot.tables.some((t) => names.has(t.name.toLowerCase()));
}

export async function main(argv: readonly string[], io: Io, dependencies: CheckDependencies = defaultDependencies()): Promise<number> {
  const parsed = parseCheckArgs(argv, io.language);
  if (parsed.kind === "help") {
    io.out(`${messages(parsed.language).checkCommand.usage}\n`);
    return EXIT_CLEAN;
  }
  const fail = (message: string): number => {
    io.err(`check: ${message.replace(/\s*\n\s*/g, " ")}\n`);
    return EXIT_CANNOT_CHECK;
  };
  if (parsed.kind === "error") return fail(parsed.message);

  const { options } = parsed;
  const file = resolve(io.cwd, options.file);
  const wording = messages(options.language ?? io.language).checkCommand;
  const read = await dependencies.read(file);
  if (read.kind === "unreadable") {
    const reason = read.reason === "damaged" ? wording.reason.damaged(read.detail ?? "") : wording.reason[read.reason];
    return fail(wording.cannotCheck(file, reason));
  }
  const { snapshot } = read;
  if (!ourTables(snapshot)) return fail(wording.cannotCheck(file, wording.reason.noTables));

  const findings = dependencies.check(snapshot, { today: dependencies.today });
  const language = options.language ?? snapshot.language ?? io.language;
  const text = messages(language).checkCommand;
  const counts = countsOf(findings);
  const groups = bySheet(snapshot, findings);

  if (options.json) {
    const report = {
      file,
      language,
      counts,
      sheets: groups.map((g) => ({ sheet: g.sheet, ...countsOf(g.findings) })),
      findings: groups.flatMap((g) => g.findings).map((finding) => ({ ...finding, message: dependencies.describe(finding, language) })),
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const countText = (c: Counts) =>
      [c.errors > 0 ? text.errors(c.errors) : "", c.warnings > 0 ? text.warnings(c.warnings) : ""].filter(Boolean).join(text.separator);
    const width = Math.max(text.severity.error.length, text.severity.warning.length);
    const lines = findings.length === 0 ? [text.clean(file)] : [text.summary(file, countText(counts), groups.length)];
    for (const group of groups) {
      lines.push("", text.sheetHeading(group.sheet, countText(countsOf(group.findings))));
      for (const finding of group.findings) {
        const severity = text.severity[finding.severity].padEnd(width);
        lines.push(`  ${finding.cell.padEnd(6)} ${severity}  ${finding.column}: ${dependencies.describeProblem(finding, language)}`);
      }
    }
    io.out(`${lines.join("\n")}\n`);
  }
  return counts.errors > 0 ? EXIT_ERRORS : EXIT_CLEAN;
}
