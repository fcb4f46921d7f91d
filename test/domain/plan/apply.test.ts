// applyPlanToState is what a writer would read back after applying a plan: the fakes and the
// re-run tests trust it, so it is checked here on plans written by hand.
import { applyPlanToState, EMPTY_WORKBOOK, RECORD_TABLE } from "../../../src/domain/plan";
import type { Plan, PlanStep, WorkbookState } from "../../../src/domain/plan";

const planOf = (steps: PlanStep[], language: Plan["language"] = "en-US"): Plan => ({ language, schemaVersion: 7, steps, notices: [] });

const base: WorkbookState = {
  sheets: [
    { name: "Tasks", visible: true, usedRange: "B2:C3" },
    { name: "Settings", visible: true },
  ],
  tables: [
    { name: "Tasks", sheet: "Tasks", headers: ["ID", "Due"], rowCount: 0, address: "A1:B2" },
    { name: RECORD_TABLE, sheet: "Settings", headers: ["Made by the add-in"], rowCount: 3, address: "A1:A4" },
  ],
  names: ["Old"],
  record: ["a", "b", "c"],
};

describe("a plan applied to what a workbook holds", () => {
  it("makes a new table one blank row deep when it has no rows, its rows deep when it has", () => {
    const add = (table: "Risks" | "Playbook", rows: string[][]): PlanStep => ({
      kind: "addTable",
      table,
      sheet: "New",
      address: "D3:E3",
      headers: ["X", "Y"],
      keys: ["x", "y"],
      rows,
      freezeHeader: false,
    });
    const after = applyPlanToState(
      EMPTY_WORKBOOK,
      planOf([
        { kind: "addSheet", key: "risks", sheet: "New", visible: false },
        add("Risks", []),
        add("Playbook", [
          ["1", "2"],
          ["3", "4"],
        ]),
      ]),
    );
    expect(after.tables).toEqual([
      { name: "Risks", sheet: "New", headers: ["X", "Y"], rowCount: 0, address: "D3:E4" },
      { name: "Playbook", sheet: "New", headers: ["X", "Y"], rowCount: 2, address: "D3:E5" },
    ]);
    expect(after.sheets).toEqual([
      { name: "Sheet1", visible: true, empty: true },
      { name: "New", visible: false, empty: false, usedRange: "D3:E5" },
    ]);
  });

  it("grows a table right over added columns and down over appended rows, its first row filling Excel's blank one", () => {
    const after = applyPlanToState(
      base,
      planOf([
        {
          kind: "addColumns",
          // Excel table names ignore case.
          table: "tasks" as "Tasks",
          sheet: "Tasks",
          columns: [
            { key: "a", header: "A" },
            { key: "b", header: "B" },
          ],
        },
        { kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-1", null, null, null]] },
        { kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-2", null, null, null]] },
      ]),
    );
    expect(after.tables[0]).toEqual({ name: "Tasks", sheet: "Tasks", headers: ["ID", "Due", "A", "B"], rowCount: 2, address: "A1:D3" });
    // The sheet's used range takes in both what it used (B2:C3) and the table.
    expect(after.sheets[0]).toEqual({ name: "Tasks", visible: true, empty: false, usedRange: "A1:D3" });
    expect(after.record).toEqual(["a", "b", "c"]);
  });

  it("records the items appended to AddinRecord, and only those", () => {
    const after = applyPlanToState(
      base,
      planOf([{ kind: "appendRows", table: RECORD_TABLE, sheet: "Settings", rows: [["cf:Tasks.lagging"], ["legend:Tasks"]] }]),
    );
    expect(after.record).toEqual(["a", "b", "c", "cf:Tasks.lagging", "legend:Tasks"]);
    expect(after.tables[1].address).toBe("A1:A6");
    expect(base.record).toEqual(["a", "b", "c"]);
  });

  it("adds names, takes the plan's language once Language is defined, and the schema version it sets", () => {
    const after = applyPlanToState(
      base,
      planOf(
        [
          {
            kind: "setNames",
            names: [
              { name: "Language", refersTo: "='Settings'!$B$2" },
              { name: "Old", refersTo: "='Settings'!$B$9", repair: true },
            ],
          },
          { kind: "setSchemaVersion", version: 7 },
        ],
        "zh-CN",
      ),
    );
    expect(after).toMatchObject({ names: ["Old", "Language"], language: "zh-CN", schemaVersion: 7 });
  });

  it("leaves language and schema version unknown when the plan sets neither", () => {
    const after = applyPlanToState(base, planOf([{ kind: "setNames", names: [{ name: "LagAlertDays", refersTo: "='Settings'!$B$4" }] }]));
    expect(after.names).toEqual(["Old", "LagAlertDays"]);
    expect(after).not.toHaveProperty("language");
    expect(after).not.toHaveProperty("schemaVersion");
    expect(after).not.toHaveProperty("notRanges");
  });

  it("widens a sheet's used range by the cells written, and renames and hides as told", () => {
    const after = applyPlanToState(
      base,
      planOf([
        { kind: "writeCells", sheet: "settings", cells: [{ address: "F9", value: "x" }] },
        { kind: "renameTable", from: "Tasks", table: "Tasks", sheet: "Tasks" },
        { kind: "hideSheet", sheet: "SETTINGS" },
        { kind: "hideSheet", sheet: "Gone" },
      ]),
    );
    expect(after.sheets).toEqual([
      { name: "Tasks", visible: true, usedRange: "B2:C3" },
      { name: "Settings", visible: false, empty: false, usedRange: "F9" },
    ]);
  });

  it("keeps a sheet's used range where the cells written lie inside it", () => {
    const wide: WorkbookState = { ...base, sheets: [{ name: "Tasks", visible: true, usedRange: "A1:Z50" }, base.sheets[1]] };
    const after = applyPlanToState(wide, planOf([{ kind: "writeCells", sheet: "Tasks", cells: [{ address: "C3", value: "x" }] }]));
    expect(after.sheets[0]).toEqual({ name: "Tasks", visible: true, empty: false, usedRange: "A1:Z50" });
  });

  it("refuses a plan that uses a table or sheet before adding it", () => {
    expect(() => applyPlanToState(EMPTY_WORKBOOK, planOf([{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [] }]))).toThrow(
      "The plan uses table Tasks before adding it",
    );
    expect(() => applyPlanToState(EMPTY_WORKBOOK, planOf([{ kind: "writeCells", sheet: "Overview", cells: [{ address: "A1", value: 1 }] }]))).toThrow(
      "The plan uses sheet Overview before adding it",
    );
  });
});
