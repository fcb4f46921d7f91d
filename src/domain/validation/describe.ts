// A finding in words, in a language. Findings stay data (codes.ts); the wording of each
// language is in src/i18n/<language>/check.ts.
import { messages } from "../../i18n";
import type { Language } from "../spec/vocabulary";
import { tableSpec } from "../spec/workbook";
import { serialToIso } from "./cells";
import type { FindingCodeName } from "./codes";
import type { Finding, SnapshotValue } from "./types";

/** Long text is cut for a message; the finding keeps the whole value. */
const MAX_SHOWN = 60;

const percent = (n: number) => `${Number((n * 100).toFixed(6))}%`;
const plain = (n: number) => String(Number(n.toPrecision(12)));

function shown(finding: Finding, value: SnapshotValue | undefined, language: Language): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return messages(language).check.blank;
  if (typeof value === "number") {
    const type = tableSpec(finding.table)?.columns.find((c) => c.key === finding.columnKey)?.type;
    if (type === "date" && value >= 1 && value <= 2_958_465) return serialToIso(value);
    return plain(value);
  }
  const text = String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** What is wrong with the cell, without saying where (for lists grouped by sheet and row). */
export function describeProblem(finding: Finding, language: Language): string {
  const text = messages(language).check.problem;
  const d = finding.details ?? {};
  const s = (key: string) => String(d[key] ?? "");
  const value = shown(finding, finding.value, language);
  const code = finding.code as FindingCodeName;
  switch (code) {
    case "columnMissing":
      return text.columnMissing(s("missing"));
    case "required":
      return text.required(finding.column);
    case "cellError":
      return text.cellError(value);
    case "notDate":
      return text.notDate(value);
    case "notNumber":
      return text.notNumber(value);
    case "negative":
      return text.negative(value);
    case "percentAsWhole": {
      const n = typeof finding.value === "number" ? finding.value : Number(d.percent);
      return text.percentAsWhole(plain(n), percent(n), `${plain(n)}%`, plain(n / 100));
    }
    case "percentRange":
      return text.percentRange(value);
    case "scale1to5":
      return text.scale1to5(value);
    case "notInList":
      return text.notInList(value, s("expected"));
    case "otherLanguage":
      return text.otherLanguage(value, s("expected"));
    case "unlistedWord":
      return text.unlistedWord(value, s("expected"));
    case "notOnRoster":
      return text.notOnRoster(value);
    case "refMissing":
      return text.refMissing(value, s("sheet"), s("column"));
    case "duplicate":
      return text.duplicate(value, s("firstRow"));
    case "stageNotOnPath":
      return text.stageNotOnPath(value, s("path"), s("pathValue"));
    case "dateOrder":
      return text.dateOrder(value, s("other"), s("otherValue"));
    case "requiredWhen":
      return text.requiredWhen(finding.column, s("when"), s("status"));
    case "blankUnless":
      return text.blankUnless(finding.column, s("when"), s("status"));
    case "smart":
      return text.smart(s("letters"));
    case "probabilityFar":
      return text.probabilityFar(typeof finding.value === "number" ? percent(finding.value) : value, s("stage"), percent(Number(d.default)));
    case "formulaMissing":
    case "formulaOverwritten": {
      const restore = d.fromRow === undefined ? text.restoreNone : text.restoreFrom(s("fromRow"));
      return code === "formulaMissing" ? text.formulaMissing(finding.column, restore) : text.formulaOverwritten(finding.column, value, restore);
    }
    default:
      return `${finding.code}: ${value}`;
  }
}

/** The finding in one line: where it is (sheet, cell, column) and what is wrong. */
export function describeFinding(finding: Finding, language: Language): string {
  const text = messages(language).check;
  return text.line(text.where(finding.sheet, finding.cell, finding.column), describeProblem(finding, language));
}
