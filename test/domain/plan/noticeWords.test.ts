// The two notices the planner's wording tests left out, in both languages: columns with no room
// beside their table, and a name that pointed nowhere.
import { describeNotice } from "../../../src/domain/plan";
import type { PlanNotice } from "../../../src/domain/plan";

describe("planner notices in words", () => {
  it.each<[string, PlanNotice, string, string]>([
    [
      "columns blocked",
      {
        code: "columnsBlocked",
        sheet: "Tasks",
        table: "Tasks",
        columns: [
          { key: "completedOn", header: "Completed on" },
          { key: "daysLate", header: "Days late" },
        ],
        cells: "M1:N501",
      },
      'Tasks: "Completed on", "Days late" were not added to table Tasks because the cells M1:N501 to its right are not empty; move what is there and run Set up again.',
      "Tasks：未向表 Tasks 添加“Completed on”、“Days late”列，因为其右侧的单元格 M1:N501 不为空；请移走其中内容后再次运行“设置”。",
    ],
    [
      "name repaired",
      { code: "nameRepaired", sheet: "设置", table: "Config", name: "LagAlertDays", was: "=#REF!" },
      "设置: the name LagAlertDays no longer pointed at cells (it was =#REF!); it points at its Settings cells again.",
      "设置：名称 LagAlertDays 已不再指向单元格（原为 =#REF!）；已重新指向其设置单元格。",
    ],
    [
      "a computed column held back",
      {
        code: "formulaSkipped",
        sheet: "Customers",
        table: "Customers",
        what: { kind: "column", column: { key: "tier", header: "Tier" } },
        missing: { table: "Customers", column: { key: "value", header: "Value" } },
      },
      'Customers: "Tier" was not added because table Customers has no column "Value".',
      "Customers：未添加“Tier”列，因为表 Customers 缺少“Value”列。",
    ],
  ])("%s", (_, notice, en, zh) => {
    expect(describeNotice(notice, "en-US")).toBe(en);
    expect(describeNotice(notice, "zh-CN")).toBe(zh);
  });
});
