// What one cell's value is, as the check reads it: blank, an Excel error, a date.
import type { SnapshotValue } from "./types";

/**
 * Excel's error values as a reader hands them over: the text Excel shows for each member of
 * Excel.ErrorCellValueType (@types/office-js), the classic seven among them.
 */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

export function isExcelError(value: SnapshotValue): value is string {
  return typeof value === "string" && value.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(value.toUpperCase());
}

/** Null, or text of spaces only: what a person sees as an empty cell. */
export function isBlank(value: SnapshotValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Trimmed and case-folded, so "Acme " and "ACME" name the same customer or owner. */
export function foldText(value: SnapshotValue): string {
  return String(value).trim().toLocaleLowerCase("en-US");
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const DAY_MS = 86_400_000;
/** Excel's serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/**
 * Excel counts a 1900-02-29 that never was (serial 60), so its serials of earlier days are one
 * less than a day count gives (learn.microsoft.com: office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year).
 */
const FIRST_TRUE_SERIAL = 61;

/** The Excel serial of ISO date text ("2026-09-30"), or undefined when it is not a real calendar day. */
export function isoDateSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  // Date.UTC rolls 2026-02-30 over into March; a real day comes back as written.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  const days = utc / DAY_MS + UNIX_EPOCH_SERIAL;
  return days < FIRST_TRUE_SERIAL ? days - 1 : days;
}

/** "2026-09-30" for an Excel serial date (time of day dropped), for messages. */
export function serialToIso(serial: number): string {
  const day = Math.floor(serial);
  const days = day < FIRST_TRUE_SERIAL - 1 ? day + 1 : day;
  return new Date((days - UNIX_EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
}
