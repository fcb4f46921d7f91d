// Excel on the web refuses requests over 5 MB: big writes are split into ranges and batches
// that each stay under the budget, and the size estimate the split relies on is exact.
import fc from "fast-check";
import type { Plan } from "../../src/domain/plan/types";
import { applyPlan } from "../../src/excel/applyPlan";
import { BATCH_BUDGET_BYTES, WEB_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../src/excel/payload";
import { readWorkbook } from "../../src/excel/readState";
import { freshFake, setUp } from "../support/fakeExcelFixtures";

describe("payload estimate", () => {
  it("is the UTF-8 size of the JSON Office.js sends, for any grid of cells", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (grid) => {
        expect(jsonBytes(grid)).toBe(Buffer.byteLength(JSON.stringify(grid), "utf8"));
      }),
      // Empty grids, characters JSON escapes, 1-4 byte UTF-8, a surrogate pair, numbers JSON writes long.
      {
        examples: [
          [[]],
          [[[]]],
          [[[""]]],
          [[['"\\\n\t\u0001']]],
          [[["é任😀"]]],
          [[[1e308, -5e-324, 0.1, -0, 123456789012]]],
          [[[true, false, "a"], []]],
        ] as [(string | number | boolean)[][]][],
      },
    );
  });

  it("counts Chinese text at three bytes a character", () => {
    expect(jsonBytes([["任务矩阵"]])).toBe(4 + 12 + 2);
  });
});

describe("a 50,000-row write", () => {
  it("is split into ranges and batches that each stay under the budget, and lands whole", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    const tasks = fake.workbook.table("Tasks")!;
    const rows = Array.from({ length: 50_000 }, (_, i) => [
      `T${i + 1}`,
      `Customer ${i % 900}`,
      "new customer",
      "product demo",
      `Demo for customer ${i % 900}, round ${i}`,
      "Needs confirmed in writing",
      `Rep ${i % 12}`,
      "marketing, technical",
      46_000 + (i % 60),
      46_014 + (i % 60),
      "in progress",
      null,
      null,
      "=not a formula",
    ]);
    const plan: Plan = { language: "en-US", schemaVersion: 1, notices: [], steps: [{ kind: "appendRows", table: "Tasks", sheet: "Tasks", rows }] };
    fake.resetCounters();
    await fake.run({}, async (ctx) => {
      const context = ctx as unknown as Excel.RequestContext;
      await applyPlan(context, plan, await readWorkbook(context));
    });

    const writes = fake.operations.filter((op) => op.name === "Range.formulas");
    expect(writes.length).toBeGreaterThan(4);
    expect(Math.max(...writes.map((op) => op.bytes))).toBeLessThanOrEqual(BATCH_BUDGET_BYTES / 4 + 200);
    const writeSyncs = new Set(writes.map((op) => op.sync));
    expect(writeSyncs.size).toBeGreaterThan(1);
    for (const s of fake.syncRecords) {
      expect(s.requestBytes).toBeLessThanOrEqual(BATCH_BUDGET_BYTES + 1024);
      expect(s.responseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT_BYTES);
    }
    expect(fake.count("TableRowCollection.add")).toBe(0);
    expect(tasks.rect.rows).toBe(1 + 50_000);
    const last = tasks.rect.row + 50_000;
    expect(fake.workbook.peek(tasks.sheet, last, 0)?.value).toBe("T50000");
    expect(fake.workbook.peek(tasks.sheet, last, 13)).toMatchObject({ value: "=not a formula" });
    expect(fake.workbook.peek(tasks.sheet, last, 13)?.formula).toBeUndefined();
  });
});
