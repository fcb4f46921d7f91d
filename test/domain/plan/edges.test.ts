// The small readers and writers every plan leans on, at their edges: addresses Excel would not
// take, quarters a year away, formulas that read a column nobody has, headers Excel would refuse
// as duplicates, and words looked up in the spec's lists.
import { plan, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { AddTableStep } from "../../../src/domain/plan";
import { parseArea, areaAddress, columnLetters, excelSerial, quoteSheet } from "../../../src/domain/plan/address";
import { ruleFormula, tableFormula, chooseFormula, escapeHeader } from "../../../src/domain/plan/formulas";
import { quarterDay, quarterName, nameQuarters } from "../../../src/domain/plan/calendar";
import { WORKBOOK, sheetSpec, tableSpec } from "../../../src/domain/spec/workbook";
import { TASK_STATUS, matchTerm, termOf, label, normalizeWord } from "../../../src/domain/spec/vocabulary";
import type { WorkbookSpec } from "../../../src/domain/spec/types";

describe("cell addresses", () => {
  it("read absolute, lower-case and reversed areas as the same cells", () => {
    expect(parseArea("$b$3:$aa$10")).toEqual({ firstColumn: 2, firstRow: 3, lastColumn: 27, lastRow: 10 });
    expect(parseArea("AA10:B3")).toEqual({ firstColumn: 2, firstRow: 3, lastColumn: 27, lastRow: 10 });
    expect(parseArea("Sheet!A1:B2!C3")).toEqual({ firstColumn: 3, firstRow: 3, lastColumn: 3, lastRow: 3 });
    expect(parseArea(" XFD1048576 ")).toEqual({ firstColumn: 16384, firstRow: 1048576, lastColumn: 16384, lastRow: 1048576 });
  });

  it.each(["Tasks", "A", "1", "ABCD1", "A1B", "A-1", ""])("refuse %j, naming it", (text) => {
    expect(() => parseArea(text)).toThrow(`Not a cell address: "${text}"`);
  });

  it("write one cell without a range, and a range with both corners", () => {
    expect(areaAddress({ firstColumn: 3, firstRow: 7, lastColumn: 3, lastRow: 7 })).toBe("C7");
    expect(areaAddress({ firstColumn: 3, firstRow: 7, lastColumn: 3, lastRow: 8 })).toBe("C7:C8");
    expect(areaAddress({ firstColumn: 26, firstRow: 1, lastColumn: 28, lastRow: 1 })).toBe("Z1:AB1");
    expect(columnLetters(702)).toBe("ZZ");
    expect(quoteSheet("'Q1' plan")).toBe("'''Q1'' plan'");
  });

  it("count a setup day only when it is written YYYY-MM-DD and nothing else", () => {
    expect(excelSerial("2024-02-29")).toBe(45351);
    expect(excelSerial("2026-01-01")).toBe(46023);
    for (const bad of ["2026-03-15T00:00", " 2026-03-15", "26-03-15", "2026/03/15"]) expect(() => excelSerial(bad)).toThrow(`"${bad}"`);
  });
});

describe("quarters", () => {
  it("name quarters any number of quarters back or ahead", () => {
    expect(quarterName("2026-02-10", -5)).toBe("Q4");
    expect(quarterName("2026-02-10", 4)).toBe("Q1");
    expect(quarterName("2026-06-30", 1)).toBe("Q3");
    expect(nameQuarters("{Q+2} after {Q}, not {Q-2}", "2026-09-01")).toBe("Q1 after Q3, not Q1");
  });

  it("span the next quarter across a year's end", () => {
    // 2027-01-01 is 46023 + 365 = 46388; 2027-03-31 is 46388 + 31 + 28 + 30 = 46477.
    expect(quarterDay("2026-11-15", 1, "first")).toBe(46388);
    expect(quarterDay("2026-11-15", 1, "last")).toBe(46477);
  });
});

describe("formulas that read a column the workbook lacks", () => {
  const headerOf = (table: string, key: string) => ({ Tasks: { due: "Due", status: "Status" } })[table as "Tasks"]?.[key as "due"];
  const columnOf = (key: string) => ({ due: 10, status: 11 })[key as "due"];

  it("name another table's missing column in a highlight", () => {
    expect(ruleFormula("={@due}>MAX({Customers:lastContact})", "Tasks", headerOf, columnOf, 2)).toEqual({
      missing: { table: "Customers", key: "lastContact" },
    });
  });

  it("name the first missing column, wherever it is", () => {
    expect(tableFormula("={@nope}+{@due}+{@other}", "Tasks", headerOf)).toEqual({ missing: { table: "Tasks", key: "nope" } });
    expect(tableFormula("=SUM({Tasks:due:gone})", "Tasks", headerOf)).toEqual({ missing: { table: "Tasks", key: "gone" } });
    // A header the table has but a rule cannot place (no column number) is missing too.
    expect(ruleFormula("={@status}&{@due}", "Tasks", headerOf, (k) => (k === "due" ? 10 : undefined), 2)).toEqual({
      missing: { table: "Tasks", key: "status" },
    });
  });

  it("escape a closing bracket in a header", () => {
    expect(escapeHeader("Spend [Q1]")).toBe("Spend '[Q1']");
    expect(tableFormula("={@due}", "Tasks", () => "Due]")).toEqual({ formula: "=Tasks[[#This Row],[Due']]]" });
  });

  it("use a native formula whether or not custom functions are asked for", () => {
    expect(chooseFormula({ native: "=1" }, true)).toEqual({ template: "=1", usesFunctions: false });
    expect(chooseFormula({ functions: "=SALES.X()", portable: "=2" }, false)).toEqual({ template: "=2", usesFunctions: false });
    expect(chooseFormula({ functions: "=SALES.X()", portable: "=2" }, true)).toEqual({ template: "=SALES.X()", usesFunctions: true });
  });
});

describe("headers Excel would refuse as duplicates", () => {
  // A spec whose Playbook had three columns headed Notes: Excel takes no two equal headers.
  const spec: WorkbookSpec = {
    ...WORKBOOK,
    tables: WORKBOOK.tables.map((t) =>
      t.name === "Playbook"
        ? {
            ...t,
            columns: [
              ...t.columns,
              ...["a", "b", "c"].map((key) => ({ key: `notes${key}`, header: { en: "Notes", zh: "备注" }, type: "text" as const })),
            ],
          }
        : t,
    ),
  };

  it("are numbered from 2 in a new table", () => {
    const p = plan(spec, EMPTY_WORKBOOK, { language: "en-US", sample: false, today: "2026-03-15", sheets: ["playbook"] });
    const table = p.steps.find((s): s is AddTableStep => s.kind === "addTable" && s.table === "Playbook")!;
    expect(table.headers.slice(-3)).toEqual(["Notes", "Notes 2", "Notes 3"]);
  });

  it("are numbered past the ones a table already has", () => {
    const playbook = WORKBOOK.tables.find((t) => t.name === "Playbook")!;
    const headers = [...playbook.columns.map((c) => c.header.en), "Notes", "notes 2"];
    const state = {
      ...EMPTY_WORKBOOK,
      sheets: [{ name: "Playbook", visible: true }],
      tables: [{ name: "Playbook", sheet: "Playbook", headers, rowCount: 0, address: "A1:K2" }],
    };
    const p = plan(spec, state, { language: "en-US", sample: false, today: "2026-03-15", sheets: ["playbook"] });
    const added = p.steps.find((s) => s.kind === "addColumns");
    // The first Notes column matches "Notes"; "notes 2" is the user's own (no spec header reads so).
    // The other two are new, numbered past "notes 2", whatever its case.
    expect(added).toEqual({
      kind: "addColumns",
      table: "Playbook",
      sheet: "Playbook",
      columns: [
        { key: "notesb", header: "Notes 3" },
        { key: "notesc", header: "Notes 4" },
      ],
    });
  });
});

describe("the spec's words", () => {
  it("find a term by either language or its key, any case, spaces around ignored", () => {
    expect(["  DONE ", "已完成", "done", "Done"].map((w) => matchTerm(TASK_STATUS, w))).toEqual(["done", "done", "done", "done"]);
    expect(matchTerm(TASK_STATUS, "notStarted")).toBe("notStarted");
    expect([5, null, undefined, "finished", "do ne"].map((w) => matchTerm(TASK_STATUS, w))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(normalizeWord("  İn Progress ")).toBe("i̇n progress");
  });

  it("refuse a key a list does not have, naming both", () => {
    expect(label(termOf(TASK_STATUS, "blocked"), "zh-CN")).toBe("受阻");
    expect(() => termOf(TASK_STATUS, "late" as never)).toThrow("No term late in list taskStatus");
  });

  it("find a sheet and a table by their keys", () => {
    expect(sheetSpec("tasks")?.name).toEqual({ en: "Tasks", zh: "任务矩阵" });
    expect(sheetSpec("Tasks")).toBeUndefined();
    expect(tableSpec("Risks")?.sheet).toBe("risks");
    expect(tableSpec("risks")).toBeUndefined();
  });
});
