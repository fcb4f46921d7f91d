// What a user sees of a fresh set-up besides the cells: column widths in Excel's points, header
// rows kept in view on the planner's sheets (not on Settings), each table's style, and a date
// column's format on every row, not just the first.
import { widthInPoints } from "../../src/excel/applyPlan";
import type { FakeExcel } from "../support/fakeExcel";
import { freshFake, setUp } from "../support/fakeExcelFixtures";

let fake: FakeExcel;
beforeAll(async () => {
  fake = freshFake();
  await setUp(fake, { language: "en-US", sample: true });
});

const sheetOf = (table: string) => fake.workbook.table(table)!.sheet;
const columnOf = (table: string, header: string) => {
  const t = fake.workbook.table(table)!;
  return t.rect.col + fake.workbook.headers(t).indexOf(header);
};

describe("column widths", () => {
  it("turn Excel's character widths into points: 7 pixels a character and 5 of padding, at 0.75 points a pixel", () => {
    expect(widthInPoints(10)).toBe(56.25);
    expect(widthInPoints(9)).toBe(51);
    // Excel's default 8.43 characters is 64 pixels, 48 points (to the hundredth).
    expect(widthInPoints(8.43)).toBe(48.01);
    expect(widthInPoints(0)).toBe(3.75);
  });

  it("are set per column as the spec gives them: ID narrow, dates wider, Settings' labels widest", () => {
    // Tasks: ID 9 characters, Due 12; Config's Setting 30; Team's Name 18.
    expect(sheetOf("Tasks").columnWidths.get(columnOf("Tasks", "ID"))).toBe(51);
    expect(sheetOf("Tasks").columnWidths.get(columnOf("Tasks", "Due"))).toBe(66.75);
    expect(sheetOf("Config").columnWidths.get(columnOf("Config", "Setting"))).toBe(161.25);
    expect(sheetOf("Team").columnWidths.get(columnOf("Team", "Name"))).toBe(98.25);
  });
});

describe("header rows and styles", () => {
  it("keeps the header row in view on a sheet whose table starts at A1, never on the hidden Settings", () => {
    expect(sheetOf("Tasks").frozenRows).toBe(1);
    expect(sheetOf("Customers").frozenRows).toBe(1);
    expect(sheetOf("ReviewInputs").frozenRows).toBe(1);
    expect(sheetOf("Config").frozenRows ?? 0).toBe(0);
  });

  it("styles each table as the spec says", () => {
    expect(fake.workbook.table("Tasks")!.style).toBe("TableStyleMedium2");
    expect(fake.workbook.table("ReviewMetrics")!.style).toBe("TableStyleMedium4");
    expect(fake.workbook.table("Config")!.style).toBe("TableStyleLight9");
  });
});

describe("number formats", () => {
  it("shows every row's due date as a date, the sample's last row too", () => {
    const tasks = fake.workbook.table("Tasks")!;
    const due = columnOf("Tasks", "Due");
    const formats = Array.from({ length: tasks.rect.rows - 1 }, (_, r) => fake.workbook.peek(tasks.sheet, tasks.rect.row + 1 + r, due)?.numberFormat);
    expect(formats.length).toBeGreaterThan(2);
    expect(new Set(formats)).toEqual(new Set(["yyyy-mm-dd"]));
  });
});
