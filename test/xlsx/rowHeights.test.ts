// Row heights a file stores for wrapped text: the lines each cell needs, worked out by hand.
import ExcelJS from "exceljs";
import { fitRowHeights, linesFor, textUnits } from "../../src/xlsx/rowHeights";

describe("lines of wrapped text", () => {
  it("counts a CJK character as nearly two units and a Latin one as one", () => {
    expect(textUnits("abc")).toBe(3);
    expect(textUnits("华东")).toBeCloseTo(3.3);
    // Full-width brackets around an ASCII percent sign.
    expect(textUnits("（%）")).toBeCloseTo(4.3);
  });

  it("breaks at spaces, a long word wherever it must, and a line break always", () => {
    expect(linesFor("short", 10)).toBe(1);
    // room is width - 1 = 9: "aaaa bbbb " fits, "cccc" goes to a second line.
    expect(linesFor("aaaa bbbb cccc", 10)).toBe(2);
    expect(linesFor("x".repeat(20), 10)).toBe(3);
    expect(linesFor("one\ntwo", 30)).toBe(2);
    // Ten CJK characters (16.5 units) in a column 12 wide: two lines.
    expect(linesFor("华东精密制造有限公司", 12)).toBe(2);
    expect(linesFor("华东精密制造有限公司", 18)).toBe(1);
  });

  it("gives bold text a little more room", () => {
    expect(linesFor("a".repeat(9), 10)).toBe(1);
    expect(linesFor("a".repeat(9), 10, true)).toBe(2);
  });
});

describe("row heights stored in the file", () => {
  it("sets a row to the lines its wrapped cells need, taller for CJK, and leaves one-line rows alone", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("S");
    sheet.getColumn(1).width = 10;
    const put = (row: number, text: string, wrap = true) => {
      const cell = sheet.getCell(row, 1);
      cell.value = text;
      if (wrap) cell.alignment = { wrapText: true };
    };
    put(1, "aaaa bbbb cccc");
    put(2, "华东精密制造有限公司");
    put(3, "short");
    put(4, "aaaa bbbb cccc", false);
    fitRowHeights(sheet, 1, 4, 1, 1);
    expect([1, 2, 3, 4].map((r) => sheet.getRow(r).height)).toEqual([30, 34, undefined, undefined]);
  });
});
