// The one place that builds CustomFunctions.Error: SPEC's codes, messages in the reader's
// Office language (messages live only in the error indicator, never in a cell).
import type { MetricError, MetricErrorCode, MetricMessageArgs, MetricMessageKey } from "../domain/metrics/errors";
import type { Language } from "../domain/spec/vocabulary";
import { languageFor } from "../i18n";
// Only this section's messages, not every catalog: they ship in the functions bundle.
import { functions as english } from "../i18n/en-US/functions";
import { functions as chinese } from "../i18n/zh-CN/functions";

export function displayLanguage(): Language {
  try {
    return languageFor(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
  } catch {
    return "en-US";
  }
}

export function messageOf(error: MetricError, language: Language): string {
  const catalog = language === "zh-CN" ? chinese : english;
  const format = catalog[error.key] as (...args: MetricMessageArgs[MetricMessageKey]) => string;
  const message = format(...error.args);
  return error.cell ? catalog.inCell(message, error.cell.row, error.cell.column) : message;
}

/** CustomFunctions.ErrorCode's values are Excel's own error texts, so a code maps by value. */
export function toExcelError(error: MetricError, language: Language = displayLanguage()): CustomFunctions.Error {
  return new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, messageOf(error, language));
}

/** An Excel error as it reaches a custom function inside a range, e.g. a #N/A cell. */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("#")
  );
}

/** Excel lets a function return these codes as they are; #NAME? and #REF! only come in. */
const PASSED_AS_IS: ReadonlySet<string> = new Set<MetricErrorCode>(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);

export function passedOnCode(code: string): MetricErrorCode {
  return PASSED_AS_IS.has(code) ? (code as MetricErrorCode) : "#VALUE!";
}
