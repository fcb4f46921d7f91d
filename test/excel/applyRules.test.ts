// Highlight rules as the writer adds them: over the columns the rule names (one rule per block of
// neighbouring columns), below a user's own rules, and, after a set-up that stopped midway, never
// a second copy: a rule it began is finished in place, and a user's rule with our formula but their
// own colours is theirs and stays as it is.
import { applyPlan } from "../../src/excel/applyPlan";
import { readWorkbook } from "../../src/excel/readState";
import type { ConditionalFormatRule, Plan } from "../../src/domain/plan/types";
import { FakeExcel, FakeWorkbook, type FakeConditionalFormat } from "../support/fakeExcel";

const LATE = '=AND($C2<>"",TODAY()-$C2>3)';
const OURS = { fill: "#FFC7CE", font: "#9C0006", bold: true } as const;

function workbook(): { fake: FakeExcel; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  wb.seedTable(
    "Tasks",
    "Tasks",
    "A1",
    ["ID", "Owner", "Due", "Status"],
    [
      ["T-1", "Ann", 46000, "open"],
      ["T-2", "Bo", 46001, "open"],
    ],
  );
  return { fake: new FakeExcel(wb), wb };
}

async function addRules(fake: FakeExcel, rules: ConditionalFormatRule[]) {
  const plan: Plan = {
    language: "en-US",
    schemaVersion: 1,
    notices: [],
    steps: [{ kind: "setConditionalFormat", table: "Tasks", sheet: "Tasks", rules }],
  };
  return fake.run({}, async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    return applyPlan(context, plan, await readWorkbook(context));
  });
}

const rulesOf = (wb: FakeWorkbook) =>
  wb.sheet("Tasks")!.conditionalFormats.map((cf) => ({
    rect: cf.rect,
    formula: cf.formula,
    fill: cf.fill,
    fontColor: cf.fontColor,
    bold: cf.bold,
    strike: cf.strike,
    numberFormat: cf.numberFormat,
  }));

/** A rule as a user (or an interrupted set-up) left it on the Tasks data body. */
function existing(wb: FakeWorkbook, col: number, cols: number, parts: Partial<FakeConditionalFormat>): FakeConditionalFormat {
  const cf = wb.addConditionalFormat(wb.sheet("Tasks")!, { row: 1, col, rows: 2, cols }, "Custom");
  return Object.assign(cf, parts);
}

describe("a new highlight rule", () => {
  it("covers the table's data rows with its formula and every part of its look", async () => {
    const { fake, wb } = workbook();
    await addRules(fake, [
      { id: "late", formula: LATE, format: { fill: "#FFC7CE", font: "#9C0006", bold: true, strike: true, numberFormat: "0.0" } },
    ]);
    expect(rulesOf(wb)).toEqual([
      {
        rect: { row: 1, col: 0, rows: 2, cols: 4 },
        formula: LATE,
        fill: "#FFC7CE",
        fontColor: "#9C0006",
        bold: true,
        strike: true,
        numberFormat: "0.0",
      },
    ]);
  });

  it("over named columns: one rule per block of neighbours, and none of the parts it does not set", async () => {
    const { fake, wb } = workbook();
    await addRules(fake, [{ id: "late", columns: ["Status", "ID", "Owner"], formula: LATE, format: { fill: "#FFEB9C" } }]);
    expect(rulesOf(wb).map((r) => [r.rect, r.fill, r.fontColor, r.bold, r.strike, r.numberFormat])).toEqual([
      [{ row: 1, col: 0, rows: 2, cols: 2 }, "#FFEB9C", undefined, undefined, undefined, undefined],
      [{ row: 1, col: 3, rows: 2, cols: 1 }, "#FFEB9C", undefined, undefined, undefined, undefined],
    ]);
  });

  it("goes below a user's own rule, which keeps winning where both apply", async () => {
    const { fake, wb } = workbook();
    const mine = existing(wb, 3, 1, { formula: '=$D2="blocked"', fill: "#7030A0" });
    await addRules(fake, [{ id: "late", formula: LATE, format: OURS }]);
    const rules = wb.sheet("Tasks")!.conditionalFormats;
    expect(rules[0]).toBe(mine);
    expect(rules.map((r) => r.formula)).toEqual(['=$D2="blocked"', LATE]);
  });

  it("names the column it could not find", async () => {
    const { fake } = workbook();
    await expect(addRules(fake, [{ id: "x", columns: ["Done on"], formula: LATE, format: OURS }])).rejects.toThrow(
      'Sheet "Tasks", table Tasks, column "Done on": could not add the highlighting rule (the table has no column "Done on")',
    );
  });
});

describe("after a set-up that stopped midway", () => {
  it("a rule it added with part of its look is finished in place, not added twice, whatever the formula's spacing and case", async () => {
    const { fake, wb } = workbook();
    existing(wb, 0, 4, { formula: LATE.toLowerCase().replace(",", ", "), fill: "#ffc7ce" });
    await addRules(fake, [{ id: "late", formula: LATE, format: OURS }]);
    const rules = rulesOf(wb);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ rect: { row: 1, col: 0, rows: 2, cols: 4 }, fill: "#FFC7CE", fontColor: "#9C0006", bold: true });
  });

  it("a rule Excel added before its formula was set gets the formula; no second rule", async () => {
    const { fake, wb } = workbook();
    existing(wb, 0, 4, {});
    await addRules(fake, [{ id: "late", formula: LATE, format: OURS }]);
    expect(rulesOf(wb)).toEqual([
      {
        rect: { row: 1, col: 0, rows: 2, cols: 4 },
        formula: LATE,
        fill: "#FFC7CE",
        fontColor: "#9C0006",
        bold: true,
        strike: undefined,
        numberFormat: undefined,
      },
    ]);
  });

  it("of a rule over two blocks, the block it made is finished and only the missing block is added", async () => {
    const { fake, wb } = workbook();
    existing(wb, 3, 1, { formula: LATE, fill: "#FFEB9C" });
    await addRules(fake, [{ id: "late", columns: ["ID", "Owner", "Status"], formula: LATE, format: { fill: "#FFEB9C", bold: true } }]);
    const rules = rulesOf(wb).map((r) => [r.rect.col, r.rect.cols, r.formula, r.bold]);
    expect(rules.sort()).toEqual([
      [0, 2, LATE, true],
      [3, 1, LATE, true],
    ]);
  });
});

describe("asking Excel where a rule's blocks start", () => {
  it("when that read fails, says it could not read the workbook (nothing was being written)", async () => {
    const { fake, wb } = workbook();
    existing(wb, 0, 2, { formula: LATE, fill: "#FFEB9C" });
    existing(wb, 3, 1, { formula: LATE, fill: "#FFEB9C" });
    // Three syncs read the workbook; the fourth asks where the two rules start.
    fake.failure = { sync: 4 };
    const error = (await addRules(fake, [{ id: "late", columns: ["ID", "Owner", "Status"], formula: LATE, format: { fill: "#FFEB9C" } }]).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/^The workbook: could not read the workbook \(GeneralException: /);
    expect(wb.sheet("Tasks")!.conditionalFormats).toHaveLength(2);
  });
});

describe("a user's rule with our formula", () => {
  it.each([
    ["another fill", { fill: "#00B050" }],
    ["another font colour", { font: "#0000FF" }],
    ["bold where ours is not", { bold: true }],
    ["struck through", { strike: true }],
    ["another number format", { numberFormat: "0%" }],
  ] as const)("with %s is theirs: it stays as it is and ours is not added", async (_what, look) => {
    const { fake, wb } = workbook();
    const parts = {
      formula: LATE,
      ...("fill" in look ? { fill: look.fill } : {}),
      ...("font" in look ? { fontColor: look.font } : {}),
      ...("bold" in look ? { bold: true } : {}),
      ...("strike" in look ? { strike: true } : {}),
      ...("numberFormat" in look ? { numberFormat: look.numberFormat } : {}),
    };
    existing(wb, 0, 4, parts);
    const before = rulesOf(wb);
    await addRules(fake, [{ id: "late", formula: LATE, format: { fill: "#FFC7CE", font: "#9C0006", numberFormat: "0.0" } }]);
    expect(rulesOf(wb)).toEqual(before);
  });
});
