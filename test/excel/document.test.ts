// The Office.js set-up gives the same document the .xlsx gets: page set-up on every visible
// sheet, per-row number formats on the review metrics, and goal values shown by their Metric.
import { freshFake, setUp } from "../support/fakeExcelFixtures";
import { cellKey } from "../support/fakeExcel";

describe("the Office.js set-up as a document", () => {
  const fake = freshFake();
  beforeAll(async () => {
    await setUp(fake, { language: "en-US", sample: true });
  });

  it("sets every visible sheet to print landscape, one page wide, header row on every page, footer with sheet and page", () => {
    const visible = fake.workbook.sheets.filter((s) => s.visibility === "Visible" && s.name !== "Sheet1" && s.name !== "Overview");
    expect(visible.length).toBe(9);
    expect(fake.workbook.sheets[0].name).toBe("Overview");
    expect(fake.workbook.sheets[0].pageLayout).toEqual({
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerFooter: "&A — page &P of &N",
    });
    for (const sheet of visible) {
      expect({ sheet: sheet.name, layout: sheet.pageLayout }).toEqual({
        sheet: sheet.name,
        layout: {
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: "$1:$1",
          centerFooter: "&A — page &P of &N",
        },
      });
    }
    expect(fake.workbook.sheet("Settings")!.pageLayout).toBeUndefined();
  });

  it("formats each review metric row by its meaning", () => {
    const table = fake.workbook.table("ReviewMetrics")!;
    const sheet = table.sheet;
    const format = (row: number, col: number) => sheet.cells.get(cellKey(table.rect.row + 1 + row, table.rect.col + col))?.numberFormat;
    // Rows as REVIEW_METRICS lists them; Target is the 2nd column, Actual the 3rd, Variance the 4th.
    const expected = ["0%", "0%", "0%", "#,##0", "#,##0", "0.0", "0.0", "#,##0", "#,##0"];
    expect(expected.map((_, row) => [format(row, 1), format(row, 2), format(row, 3)])).toEqual(expected.map((f) => [f, f, f]));
  });

  it("shows goal values through conditional number formats (ConditionalRangeFormat.numberFormat)", () => {
    const goals = fake.workbook.sheet("Goals")!;
    expect(goals.conditionalFormats.map((cf) => cf.numberFormat).sort()).toEqual(["#,##0", "#,##0", "0%", "0%"]);
  });
});

describe("a legend beside a table that was there before", () => {
  it("is left out, with its record item, when a user's cell is where it would go", async () => {
    const { olderWorkbook, setUp: run } = await import("../support/fakeExcelFixtures");
    const fake = await olderWorkbook({ taskRows: 5, otherRows: 5 });
    const customers = fake.workbook.table("Customers")!;
    // Customers ends at column P (16 columns from A); its legend would start at R1.
    const sheet = customers.sheet;
    fake.workbook.cell(sheet, 0, 17).value = "my note";
    await run(fake);
    expect(fake.workbook.cell(sheet, 0, 17).value).toBe("my note");
    expect(fake.workbook.cell(sheet, 1, 17).value).toBe("");
    const record = fake.workbook.table("AddinRecord")!;
    const items = Array.from(
      { length: record.rect.rows - 1 },
      (_, r) => fake.workbook.cell(record.sheet, record.rect.row + 1 + r, record.rect.col).value,
    );
    expect(items).not.toContain("legend:Customers");
    expect(items).toContain("legend:Tasks");
  });
});
