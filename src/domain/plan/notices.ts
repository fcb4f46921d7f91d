// A planner notice in words, for the task pane and CLI. The planner keeps notices as data (a
// code and the names involved); the wording of each language is in src/i18n/<language>/plan.ts.
import { messages } from "../../i18n";
import type { Language } from "../spec/vocabulary";
import type { PlanNotice } from "./types";

export function describeNotice(notice: PlanNotice, language: Language): string {
  const text = messages(language).plan;
  const { sheet, table } = notice;
  switch (notice.code) {
    case "columnMissing":
      return text.columnMissing(sheet, table, notice.column.header);
    case "columnsAdded":
      return text.columnsAdded(
        sheet,
        table,
        notice.columns.map((c) => c.header),
      );
    case "sheetNameTaken":
      return text.sheetNameTaken(notice.wanted, sheet, table);
    case "formulaSkipped": {
      const { what, missing } = notice;
      if (what.kind === "column") return text.columnHeldBack(sheet, what.column.header, missing.table, missing.column.header);
      const skipped =
        what.kind === "highlight"
          ? text.skipped.highlight(language === "zh-CN" ? what.description.zh : what.description.en)
          : text.skipped[what.kind](what.column.header);
      return text.formulaSkipped(sheet, skipped, missing.table, missing.column.header);
    }
    case "columnsBlocked":
      return text.columnsBlocked(
        sheet,
        table,
        notice.columns.map((c) => c.header),
        notice.cells,
      );
    case "nameRepaired":
      return text.nameRepaired(sheet, notice.name, notice.was);
    case "cellsKept":
      return notice.reason === "typed" ? text.cellsKept.typed(sheet, table, notice.column.header) : text.cellsKept.validated(sheet, table);
  }
}
