// `npm run workbook`: the planning workbook as an .xlsx file, without Excel. Usage mistakes and
// paths we cannot write get one line on stderr, in the user's language, and exit code 2;
// nothing is half-written.
import { statSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import { messages, type Messages } from "../i18n";
import { DEFAULT_OUT, parseArgs, type ArgumentProblem, type WorkbookOptions } from "./args";
import { TargetExists, writeFileAtomic } from "./safeWrite";
import type { BuiltWorkbook } from "../xlsx/build";

export interface Io {
  readonly cwd: string;
  /** The language of what the command says (the system's, not the workbook's --lang). */
  readonly language: Language;
  out(text: string): void;
  err(text: string): void;
  /** Writes the file; the real one unless a test stands in for a failing disk. */
  readonly write?: typeof writeFileAtomic;
}

export type Build = (options: WorkbookOptions) => Promise<BuiltWorkbook>;

export const USAGE_ERROR = 2;

type Text = Messages["cli"];

function describeProblem(problem: ArgumentProblem, text: Text): string {
  switch (problem.code) {
    case "takesNoValue":
      return text.takesNoValue(problem.name, problem.arg);
    case "needsValue":
      return text.needsValue(problem.name);
    case "givenTwice":
      return text.givenTwice(problem.name);
    case "unknownArgument":
      return text.unknownArgument(problem.arg);
    case "unknownLanguage":
      return text.unknownLanguage(problem.value, LANGUAGES.join(", "));
  }
}

/** The reason behind a failed file operation, in words, from Node's error code. */
function reasonOf(error: unknown, text: Text): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return Object.hasOwn(text.reasons, code) ? text.reasons[code as keyof Text["reasons"]] : text.otherReason(code);
  return error instanceof Error ? error.message : String(error);
}

/** The path's Stats, undefined when nothing is there, or the error that stopped us looking. */
function look(path: string): Stats | undefined | { readonly failed: unknown } {
  try {
    return statSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? undefined : { failed: error };
  }
}
const failedLook = (seen: ReturnType<typeof look>): seen is { readonly failed: unknown } => seen !== undefined && "failed" in seen;

type Target = { readonly path: string } | { readonly problem: string };

/**
 * Where --out points: an existing folder gets DEFAULT_OUT inside it; otherwise a file ending in
 * .xlsx whose folder exists. Checked before the (slow) build so mistakes are told at once.
 */
function targetOf(cwd: string, out: string, force: boolean, text: Text): Target {
  const given = resolve(cwd, out);
  const seen = look(given);
  let path = given;
  if (seen !== undefined && !failedLook(seen) && seen.isDirectory()) {
    path = join(given, DEFAULT_OUT);
  } else if (/[\\/]$/.test(out)) {
    // A trailing slash means a folder, so the file would have been DEFAULT_OUT inside it.
    const reason = failedLook(seen) ? reasonOf(seen.failed, text) : seen === undefined ? text.reasons.ENOENT : text.reasons.ENOTDIR;
    return { problem: text.cannotWrite(join(given, DEFAULT_OUT), reason) };
  } else if (!/\.xlsx$/i.test(out)) {
    return { problem: text.notXlsx(out) };
  }

  const existing = path === given ? seen : look(path);
  if (failedLook(existing)) return { problem: text.cannotWrite(path, reasonOf(existing.failed, text)) };
  if (existing?.isDirectory()) return { problem: text.cannotWrite(path, text.reasons.EISDIR) };
  if (existing !== undefined && !force) return { problem: text.exists(path) };

  const folder = look(dirname(path));
  if (folder === undefined) return { problem: text.cannotWrite(path, text.reasons.ENOENT) };
  if (failedLook(folder)) return { problem: text.cannotWrite(path, reasonOf(folder.failed, text)) };
  if (!folder.isDirectory()) return { problem: text.cannotWrite(path, text.reasons.ENOTDIR) };
  return { path };
}

function summaryOf(options: WorkbookOptions, text: Text): string {
  return [options.language, options.sample ? text.withSample : text.noSample, options.functions ? text.salesFormulas : text.portableFormulas].join(
    text.separator,
  );
}

export async function main(argv: readonly string[], io: Io, build: Build): Promise<number> {
  const text = messages(io.language).cli;
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.out(`${text.usage(LANGUAGES.join("|"), DEFAULT_OUT)}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    io.err(`workbook: ${message.replace(/\s*\n\s*/g, " ")}\n`);
    return USAGE_ERROR;
  };
  if (parsed.kind === "error") return fail(describeProblem(parsed.problem, text));

  const { options } = parsed;
  const target = targetOf(io.cwd, options.out, options.force, text);
  if ("problem" in target) return fail(target.problem);

  const built = await build(options);
  try {
    (io.write ?? writeFileAtomic)(target.path, built.bytes, options.force);
  } catch (error) {
    if (error instanceof TargetExists) return fail(text.exists(target.path));
    return fail(text.cannotWrite(target.path, reasonOf(error, text)));
  }

  const lines = [text.wrote(target.path, summaryOf(options, text))];
  for (const sheet of built.sheets) {
    const tables = sheet.tables.map((t) => `${t.name} ${text.rows(t.rows)}`).join(text.separator);
    lines.push(`  ${sheet.name}${sheet.hidden ? text.hidden : ""}: ${tables || text.noTable}`);
  }
  io.out(`${lines.join("\n")}\n`);
  return 0;
}
