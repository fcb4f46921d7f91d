import { plan, applyPlanToState, describeNotice, recordItem, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { PlanNotice, WorkbookState } from "../../../src/domain/plan";
import type { Language } from "../../../src/domain/spec/vocabulary";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

/** A set-up workbook whose Tasks lost Due to a rename (the add-in made it) and never had Days late. */
function dueRenamed(language: Language): WorkbookState {
  const options = { language, sample: false, today: "2026-03-15" };
  const state = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options));
  const [due, daysLate] = language === "zh-CN" ? ["截止日期", "滞后天数"] : ["Due", "Days late"];
  const unrecorded = new Set([recordItem.column("Tasks", "daysLate"), recordItem.validation("Tasks", "daysLate")]);
  return {
    ...state,
    record: state.record.filter((item) => !unrecorded.has(item)),
    tables: state.tables.map((t) =>
      t.name === "Tasks" ? { ...t, headers: t.headers.filter((h) => h !== daysLate).map((h) => (h === due ? "Deadline (mine)" : h)) } : t,
    ),
  };
}

const wordsOf = (workbook: Language, reader: Language) =>
  plan(WORKBOOK, dueRenamed(workbook), { language: workbook, sample: false, today: "2026-03-15" }).notices.map((n) => describeNotice(n, reader));

describe("planner notices in words", () => {
  it("name columns by the workbook's headers, never by their keys, in English", () => {
    expect(wordsOf("en-US", "en-US")).toEqual([
      'Tasks: the column "Due" of table Tasks was renamed or removed; it is not added again.',
      'Tasks: "Days late" was not added because table Tasks has no column "Due".',
    ]);
  });

  it("name columns by the workbook's headers, never by their keys, in Chinese", () => {
    expect(wordsOf("zh-CN", "zh-CN")).toEqual([
      "任务矩阵：表 Tasks 的“截止日期”列已被重命名或删除，不再重新添加。",
      "任务矩阵：未添加“滞后天数”列，因为表 Tasks 缺少“截止日期”列。",
    ]);
  });

  it("keep a Chinese workbook's names when the task pane speaks English", () => {
    expect(wordsOf("zh-CN", "en-US")[0]).toBe('任务矩阵: the column "截止日期" of table Tasks was renamed or removed; it is not added again.');
  });

  const where = { sheet: "Risks", table: "Risks" } as const;
  const due = { key: "due", header: "Due" };
  const missingDue = { table: "Tasks", column: due };
  it.each<[string, PlanNotice, string, string]>([
    [
      "columns added",
      {
        code: "columnsAdded",
        ...where,
        columns: [
          { key: "score", header: "Score" },
          { key: "owner", header: "Owner" },
        ],
      },
      'Risks: added "Score", "Owner" at the right end of table Risks.',
      "Risks：已在表 Risks 右端添加“Score”、“Owner”列。",
    ],
    [
      "sheet name taken",
      { code: "sheetNameTaken", sheet: "Tasks (2)", table: "Tasks", wanted: "Tasks" },
      'A sheet named "Tasks" already holds other content; Tasks goes on a new sheet "Tasks (2)".',
      "已有名为“Tasks”的工作表且含其他内容；Tasks 放在新工作表“Tasks (2)”上。",
    ],
    [
      "a column's formula",
      { code: "formulaSkipped", ...where, what: { kind: "columnFormula", column: { key: "daysOpen", header: "Days open" } }, missing: missingDue },
      'Risks: the formula of "Days open" was not set up because table Tasks has no column "Due".',
      "Risks：未设置“Days open”的公式，因为表 Tasks 缺少“Due”列。",
    ],
    [
      "a formula in a row",
      { code: "formulaSkipped", ...where, what: { kind: "cellFormula", column: { key: "value", header: "Value" } }, missing: missingDue },
      'Risks: a formula in "Value" was not set up because table Tasks has no column "Due".',
      "Risks：未设置“Value”列中的公式，因为表 Tasks 缺少“Due”列。",
    ],
    [
      "a highlight, described in the reader's language",
      {
        code: "formulaSkipped",
        ...where,
        what: { kind: "highlight", rule: "dueSoon", description: { en: "Due soon", zh: "临近截止" } },
        missing: missingDue,
      },
      'Risks: the highlight "Due soon" was not set up because table Tasks has no column "Due".',
      "Risks：未设置“临近截止”高亮，因为表 Tasks 缺少“Due”列。",
    ],
    [
      "rules kept",
      { code: "cellsKept", ...where, reason: "validated" },
      "Risks: in table Risks, some cells have validation rules already, so no drop-down or check was added.",
      "Risks：表 Risks 中部分单元格已有数据验证规则，因此未添加下拉列表或检查。",
    ],
    [
      "typed values kept",
      { code: "cellsKept", ...where, reason: "typed", column: { key: "score", header: "Score" } },
      'Risks: in table Risks, the column "Score" holds typed values, so its formula was not set.',
      "Risks：表 Risks 中“Score”列有输入的值，因此未设置其公式。",
    ],
  ])("%s", (_, notice, en, zh) => {
    expect(describeNotice(notice, "en-US")).toBe(en);
    expect(describeNotice(notice, "zh-CN")).toBe(zh);
  });
});
