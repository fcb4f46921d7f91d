// Opens an .xlsx file for reading only and says plainly why one cannot be read: each reason is
// a code the command words per language. The file is read once into memory and never written.
import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../domain/validation/types";
import { loadWorkbook } from "./names";
import { readSnapshot } from "./readSnapshot";
import { headerlessTables, readZipEntry } from "./zipEntry";

export type UnreadableReason = "missing" | "folder" | "denied" | "empty" | "notZip" | "truncated" | "notWorkbook" | "damaged";

export type FileRead =
  | { readonly kind: "read"; readonly snapshot: WorkbookSnapshot }
  | { readonly kind: "unreadable"; readonly reason: UnreadableReason; readonly detail?: string };

// Every zip starts with a local file header ("PK\x03\x04") and ends with the central directory;
// a file that starts like a zip but has no end was cut short.
const ZIP_START = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const END_RECORD_BYTES = 22;

const FILE_ERRORS: Record<string, UnreadableReason> = {
  ENOENT: "missing",
  ENOTDIR: "missing",
  EISDIR: "folder",
  EACCES: "denied",
  EPERM: "denied",
};

function fileError(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = FILE_ERRORS[code];
  if (reason) return { kind: "unreadable", reason };
  return { kind: "unreadable", reason: "damaged", detail: error instanceof Error ? error.message : String(error) };
}

/** The zip's own shape, before ExcelJS sees it (its errors name no file and no reason a user knows). */
function zipProblem(bytes: Buffer): FileRead | undefined {
  if (bytes.length === 0) return { kind: "unreadable", reason: "empty" };
  if (bytes.length < ZIP_START.length || !bytes.subarray(0, ZIP_START.length).equals(ZIP_START)) return { kind: "unreadable", reason: "notZip" };
  const tail = bytes.subarray(Math.max(0, bytes.length - END_RECORD_BYTES - 0xffff));
  if (tail.lastIndexOf(ZIP_END) < 0) return { kind: "unreadable", reason: "truncated" };
  try {
    if (!readZipEntry(bytes, "xl/workbook.xml")) return { kind: "unreadable", reason: "notWorkbook" };
  } catch (error) {
    return { kind: "unreadable", reason: "damaged", detail: error instanceof Error ? error.message : String(error) };
  }
  return undefined;
}

export async function readWorkbookFile(path: string): Promise<FileRead> {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { kind: "unreadable", reason: "folder" };
    bytes = readFileSync(path);
  } catch (error) {
    return fileError(error);
  }
  const problem = zipProblem(bytes);
  if (problem) return problem;
  try {
    const workbook = new ExcelJS.Workbook();
    await loadWorkbook(workbook, bytes);
    return { kind: "read", snapshot: readSnapshot(workbook, { headerless: headerlessTables(bytes) }) };
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 200);
    return { kind: "unreadable", reason: "damaged", detail };
  }
}
