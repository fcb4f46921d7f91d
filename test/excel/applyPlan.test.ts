// The writer on small hand-made plans: what lands in which cells, the rules a drop-down carries
// (blank allowed, the message, a stop or a warning), what a failure names, one recalculation at the
// end, and progress up to every step.
import { applyPlan, type ApplyOptions } from "../../src/excel/applyPlan";
import { readWorkbook } from "../../src/excel/readState";
import { WorkbookWriteError } from "../../src/excel/errors";
import type { ColumnValidation, Plan, PlanStep } from "../../src/domain/plan/types";
import { FakeExcel, FakeWorkbook, cellKey } from "../support/fakeExcel";

function workbook(taskRows: (string | number)[][] = [["T-1", "Acme", "in progress"]]): FakeExcel {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  wb.seedTable("Tasks", "Tasks", "A1", ["ID", "Customer", "Status"], taskRows);
  wb.seedTable("Clients", "Customers", "B2", ["Customer", "Value"], [["Acme", 5]]);
  return new FakeExcel(wb);
}

const plan = (steps: PlanStep[]): Plan => ({ language: "en-US", schemaVersion: 1, notices: [], steps });

async function apply(fake: FakeExcel, steps: PlanStep[], options: ApplyOptions = {}) {
  return fake.run({}, async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    return applyPlan(context, plan(steps), await readWorkbook(context), options);
  });
}

const column = (fake: FakeExcel, table: string, c: number) => {
  const t = fake.workbook.table(table)!;
  return Array.from({ length: t.rect.rows - 1 }, (_, r) => fake.workbook.peek(t.sheet, t.rect.row + 1 + r, t.rect.col + c)?.value ?? "");
};

const validation = (id: string, columnName: string, style: "stop" | "warning", prompt = true): ColumnValidation => ({
  id,
  key: id,
  column: columnName,
  check: { kind: "list", source: "=List_TaskStatus" },
  allowBlank: true,
  ...(prompt ? { prompt: { title: "Status", message: "Pick one." } } : {}),
  error: { title: "Not a status", message: "Choose from the list.", style },
});

describe("rows", () => {
  it("go directly below the rows a table has, which then grows over them, text kept as text", async () => {
    const fake = workbook();
    await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-2", "=cmd", "done"], ["T-3"]] }]);
    expect(fake.workbook.table("Tasks")!.rect.rows).toBe(4);
    expect(column(fake, "Tasks", 0)).toEqual(["T-1", "T-2", "T-3"]);
    expect(column(fake, "Tasks", 1)).toEqual(["Acme", "=cmd", ""]);
    expect(fake.workbook.peek(fake.workbook.sheet("Tasks")!, 2, 1)?.formula).toBeUndefined();
  });

  it("fill an empty table's blank row first", async () => {
    const fake = workbook([]);
    expect(fake.workbook.table("Tasks")!.rect.rows).toBe(2);
    await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-1"], ["T-2"]] }]);
    expect(fake.workbook.table("Tasks")!.rect.rows).toBe(3);
    expect(column(fake, "Tasks", 0)).toEqual(["T-1", "T-2"]);
  });

  it("a row longer than the table is refused, naming the table and both counts, and nothing is written", async () => {
    const fake = workbook();
    const error = (await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["a", "b", "c", "d"]] }]).catch(
      (e: unknown) => e,
    )) as WorkbookWriteError;
    expect(error.message).toMatch(/^Sheet "Tasks", table Tasks: could not add rows \(a row of 4 cells does not fit a table of 3 columns\)/);
    expect(fake.operations).toEqual([]);
  });

  it("many rows under a small budget go in several ranges and batches, every row once, in order", async () => {
    const fake = workbook();
    const rows = Array.from({ length: 60 }, (_, i) => [`T-${i + 2}`, `Customer with a longish name ${i}`, "in progress"]);
    const result = await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows }], { budgetBytes: 2_000 });
    expect(column(fake, "Tasks", 0)).toEqual(["T-1", ...rows.map((r) => r[0])]);
    expect(fake.count("Range.formulas")).toBeGreaterThan(2);
    expect(result.syncs).toBeGreaterThan(2);
    // No request over the budget and its envelope.
    expect(Math.max(...fake.syncRecords.map((s) => s.requestBytes))).toBeLessThan(2_000 + 4_000);
  });
});

describe("drop-downs", () => {
  it("carry the list, allow blanks, show the input message, and stop or warn as the plan says", async () => {
    const fake = workbook();
    await apply(fake, [
      { kind: "setValidation", table: "Tasks", sheet: "Tasks", columns: [validation("status", "Status", "stop")] },
      { kind: "setValidation", table: "Customers", sheet: "Clients", columns: [validation("value", "Value", "warning", false)] },
    ]);
    const status = fake.workbook.sheet("Tasks")!.validations.get(cellKey(1, 2))!;
    expect(status).toEqual({
      rule: { list: { inCellDropDown: true, source: "=List_TaskStatus" } },
      ignoreBlanks: true,
      prompt: { showPrompt: true, title: "Status", message: "Pick one." },
      errorAlert: { showAlert: true, style: "Stop", title: "Not a status", message: "Choose from the list." },
    });
    const value = fake.workbook.sheet("Clients")!.validations.get(cellKey(2, 2))!;
    expect(value.errorAlert).toEqual({ showAlert: true, style: "Warning", title: "Not a status", message: "Choose from the list." });
    expect(value.prompt).toBeUndefined();
  });

  it("a column's number rule: at least the minimum, or between the two", async () => {
    const fake = workbook();
    const base = validation("x", "Value", "stop", false);
    await apply(fake, [
      { kind: "setValidation", table: "Customers", sheet: "Clients", columns: [{ ...base, check: { kind: "decimal", min: 0 } }] },
      {
        kind: "setValidation",
        table: "Tasks",
        sheet: "Tasks",
        columns: [{ ...base, column: "Customer", check: { kind: "decimal", min: 0, max: 1 } }],
      },
      { kind: "setValidation", table: "Tasks", sheet: "Tasks", columns: [{ ...base, column: "Status", check: { kind: "whole", min: 1, max: 5 } }] },
      { kind: "setValidation", table: "Tasks", sheet: "Tasks", columns: [{ ...base, column: "ID", check: { kind: "date" } }] },
    ]);
    expect(fake.workbook.sheet("Clients")!.validations.get(cellKey(2, 2))!.rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    const tasks = fake.workbook.sheet("Tasks")!.validations;
    expect(tasks.get(cellKey(1, 1))!.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(tasks.get(cellKey(1, 2))!.rule).toEqual({ wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } });
    expect(tasks.get(cellKey(1, 0))!.rule).toEqual({ date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } });
  });

  it("an input message alone (any value) sets no rule", async () => {
    const fake = workbook();
    await apply(fake, [
      { kind: "setValidation", table: "Tasks", sheet: "Tasks", columns: [{ ...validation("id", "ID", "stop"), check: { kind: "any" } }] },
    ]);
    const id = fake.workbook.sheet("Tasks")!.validations.get(cellKey(1, 0))!;
    expect(id.rule).toEqual({});
    expect(id.prompt).toEqual({ showPrompt: true, title: "Status", message: "Pick one." });
  });
});

describe("a write Excel refuses", () => {
  const steps = (): PlanStep[] => [
    { kind: "setFormats", table: "Customers", sheet: "Clients", columns: [{ key: "value", column: "Value", numberFormat: "#,##0" }] },
    { kind: "setValidation", table: "Tasks", sheet: "Tasks", columns: [validation("status", "Status", "stop")] },
  ];

  it("names the step that made the kind of call Excel refused: its sheet, table and column, and what it was doing", async () => {
    const fake = workbook();
    // The read takes three syncs (planner tables the record does not list are scanned); the writes go in the fourth.
    fake.failure = { sync: 4, operation: "DataValidation.rule" };
    const error = (await apply(fake, steps()).catch((e: unknown) => e)) as WorkbookWriteError;
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.action).toBe("setValidation");
    expect(error.places).toEqual([{ sheet: "Tasks", table: "Tasks", column: "Status" }]);
    expect(error.code).toBe("GeneralException");
    expect(error.message).toMatch(/^Sheet "Tasks", table Tasks, column "Status": could not add the drop-down and input rule \(GeneralException: /);
  });

  it("a batch lost as a whole names the batch's first steps, each place once", async () => {
    const fake = workbook();
    fake.failure = { sync: 4 };
    const error = (await apply(fake, steps()).catch((e: unknown) => e)) as WorkbookWriteError;
    expect(error.action).toBe("setFormats");
    expect(error.places).toEqual([
      { sheet: "Clients", table: "Customers", column: "Value" },
      { sheet: "Tasks", table: "Tasks", column: "Status" },
    ]);
  });
});

describe("a step about a table that is not there", () => {
  it.each([
    [
      "setFormats",
      { kind: "setFormats", table: "Risks", sheet: "Risks", columns: [{ key: "score", column: "Score", numberFormat: "0" }] },
      "set the number format and width",
    ],
    ["appendRows", { kind: "appendRows", table: "Risks", sheet: "Risks", rows: [["x"]] }, "add rows"],
    ["renameTable", { kind: "renameTable", from: "Table7", table: "Risks", sheet: "Risks" }, "name the table"],
  ] as const)("%s is refused before anything is written, naming the sheet and table", async (_kind, step, doing) => {
    const fake = workbook();
    const error = (await apply(fake, [step as PlanStep]).catch((e: unknown) => e)) as WorkbookWriteError;
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.message).toBe(
      `Sheet "Risks", table Risks: could not ${doing} (the table is not in the workbook). Nothing that was in the workbook has been changed; run Set up again to finish.`,
    );
    expect(fake.operations).toEqual([]);
  });

  it("a rename Excel refuses names the sheet and table being renamed", async () => {
    const fake = workbook();
    // Excel refuses a table name that is taken: Customers exists.
    const error = (await apply(fake, [{ kind: "renameTable", from: "Tasks", table: "Customers", sheet: "Tasks" }]).catch(
      (e: unknown) => e,
    )) as WorkbookWriteError;
    expect(error.places).toEqual([{ sheet: "Tasks", table: "Customers" }]);
    expect(error.action).toBe("renameTable");
    expect(error.code).toBe("ItemAlreadyExists");
  });
});

describe("a lost batch of many steps", () => {
  it("names at most the first three places, so the message stays readable", async () => {
    const fake = workbook();
    fake.failure = { sync: 4 };
    const formats = (table: "Tasks" | "Customers", sheet: string, column: string): PlanStep => ({
      kind: "setFormats",
      table,
      sheet,
      columns: [{ key: column, column, numberFormat: "@" }],
    });
    const error = (await apply(fake, [
      formats("Tasks", "Tasks", "ID"),
      formats("Tasks", "Tasks", "Customer"),
      formats("Customers", "Clients", "Value"),
      formats("Tasks", "Tasks", "Status"),
    ]).catch((e: unknown) => e)) as WorkbookWriteError;
    expect(error.places).toEqual([
      { sheet: "Tasks", table: "Tasks", column: "ID" },
      { sheet: "Tasks", table: "Tasks", column: "Customer" },
      { sheet: "Clients", table: "Customers", column: "Value" },
    ]);
  });
});

describe("recalculation and progress", () => {
  it("suspends calculation while writing and recalculates once, in a batch of its own, at the end", async () => {
    const fake = workbook();
    const seen: [number, number][] = [];
    const result = await apply(
      fake,
      [
        { kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-2"]] },
        { kind: "setFormats", table: "Customers", sheet: "Clients", columns: [{ key: "value", column: "Value", numberFormat: "#,##0" }] },
      ],
      { onProgress: (p) => seen.push([p.done, p.total]) },
    );
    expect(fake.count("Application.calculate")).toBe(1);
    const last = fake.operations.filter((o) => o.sync === Math.max(...fake.operations.map((x) => x.sync)));
    expect(last.map((o) => o.name)).toEqual(["Application.calculate"]);
    expect(result.syncs).toBe(2);
    expect(seen[0]).toEqual([0, 2]);
    expect(seen.at(-1)).toEqual([2, 2]);
    // The write batch ran with calculation suspended.
    expect(fake.syncRecords.filter((s) => s.operations > 0).map((s) => s.calculationSuspended)).toEqual([true, false]);
  });

  it("the first part of a larger set-up does not recalculate, and counts its progress within the whole", async () => {
    const fake = workbook();
    const seen: [number, number][] = [];
    await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-2"]] }], {
      recalculate: false,
      progressOf: { before: 3, total: 10 },
      onProgress: (p) => seen.push([p.done, p.total]),
    });
    expect(fake.count("Application.calculate")).toBe(0);
    expect(seen[0]).toEqual([3, 10]);
    expect(seen.at(-1)).toEqual([4, 10]);
  });

  it("an empty plan writes nothing and recalculates nothing", async () => {
    const fake = workbook();
    const result = await apply(fake, []);
    expect(result.syncs).toBe(0);
    expect(fake.operations).toEqual([]);
  });
});
