// `npm run workbook`: the planning workbook as an .xlsx file, without Excel. Usage mistakes and
// paths we cannot write get one line on stderr and exit code 2; nothing is half-written.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs, USAGE, type WorkbookOptions } from "./args";
import { TargetExists, writeFileAtomic } from "./safeWrite";
import type { BuiltWorkbook } from "../xlsx/build";

export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export type Build = (options: WorkbookOptions) => Promise<BuiltWorkbook>;

export const USAGE_ERROR = 2;

const WRITE_ERRORS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOENT: "folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "is a folder",
  ENOSPC: "disk full",
  ENAMETOOLONG: "name too long",
};

function describe(options: WorkbookOptions): string {
  return [
    options.language,
    options.sample ? "with sample data" : "no sample data",
    options.functions ? "SALES.* formulas" : "portable formulas",
  ].join(", ");
}

export async function main(argv: readonly string[], io: Io, build: Build): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    io.err(`workbook: ${message.replace(/\s*\n\s*/g, " ")}\n`);
    return USAGE_ERROR;
  };
  if (parsed.kind === "error") return fail(parsed.message);

  const { options } = parsed;
  const target = resolve(io.cwd, options.out);
  const exists = () => fail(`${target} already exists; it was left untouched (add --force to replace it)`);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) return fail(`--out: ${target} is a folder`);
    if (!options.force) return exists();
  }
  if (!existsSync(dirname(target))) return fail(`--out: folder ${dirname(target)} does not exist`);

  const built = await build(options);
  try {
    writeFileAtomic(target, built.bytes, options.force);
  } catch (error) {
    if (error instanceof TargetExists) return exists();
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = WRITE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
    return fail(`cannot write ${target}: ${reason}`);
  }

  const lines = [`Wrote ${target} (${describe(options)}):`];
  for (const sheet of built.sheets) {
    const tables = sheet.tables.map((t) => `${t.name} ${t.rows} ${t.rows === 1 ? "row" : "rows"}`).join(", ");
    lines.push(`  ${sheet.name}${sheet.hidden ? " (hidden)" : ""}: ${tables || "no table"}`);
  }
  io.out(`${lines.join("\n")}\n`);
  return 0;
}
