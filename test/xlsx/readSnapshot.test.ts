import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import { buildWorkbook } from "../../src/xlsx/build";
import { displayFormula } from "../../src/xlsx/formula";
import { addName, loadWorkbook } from "../../src/xlsx/names";
import { readSnapshot } from "../../src/xlsx/readSnapshot";
import { readWorkbookFile } from "../../src/xlsx/readFile";
import { headerlessTables } from "../../src/xlsx/zipEntry";
import { zip } from "../support/zip";

async function reload(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const loaded = new ExcelJS.Workbook();
  await loadWorkbook(loaded, bytes);
  return loaded;
}

describe("the .xlsx reader", () => {
  it("reads each kind of cell as Office.js would give it", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Notes");
    sheet.addTable({
      name: "MyNotes",
      ref: "B3",
      headerRow: true,
      columns: [{ name: "Text" }, { name: "When" }, { name: "Sum" }, { name: "Flag" }],
      rows: [
        ["plain", null, null, true],
        [null, null, null, false],
        [null, null, null, null],
      ],
    });
    sheet.getCell("B4").value = "plain";
    sheet.getCell("C4").value = new Date(Date.UTC(2026, 10, 26));
    sheet.getCell("C4").numFmt = "yyyy-mm-dd";
    sheet.getCell("D4").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    sheet.getCell("B5").value = { richText: [{ text: "Big " }, { font: { bold: true }, text: "deal" }] };
    sheet.getCell("C5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    // A file written without Excel holds no cached result.
    sheet.getCell("D5").value = { formula: '_xlfn.IFS(B5="","none",TRUE,"some")' } as ExcelJS.CellFormulaValue;
    sheet.getCell("B6").value = { text: "Acme", hyperlink: "https://example.com" };
    sheet.getCell("C6").value = "";
    sheet.getCell("D6").value = { formula: "_xldudf_SALES_WINRATE(B4:B6)", result: 0.5 } as ExcelJS.CellFormulaValue;
    sheet.getCell("D6").numFmt = "0%";

    const snapshot = readSnapshot(await reload(workbook));
    expect(snapshot.tables).toEqual([
      {
        name: "MyNotes",
        sheet: "Notes",
        headerRow: 3,
        firstColumn: 2,
        headers: ["Text", "When", "Sum", "Flag"],
        values: [
          // 2026-11-26 is serial 46352 (2026-01-01 is 46023, and it is day 330).
          ["plain", 46352, 2, true],
          ["Big deal", "#N/A", null, false],
          ["Acme", null, 0.5, null],
        ],
        formulas: [
          [null, null, "=1+1", null],
          [null, null, '=IFS(B5="","none",TRUE,"some")', null],
          [null, null, "=SALES.WINRATE(B4:B6)", null],
        ],
        numberFormats: [
          ["General", "yyyy-mm-dd", "General", "General"],
          ["General", "General", "General", "General"],
          ["General", "General", "0%", "General"],
        ],
      },
    ]);
    expect(snapshot.language).toBeUndefined();
  });

  it("takes the language from the Language name, and ignores a word that is not one", async () => {
    const workbook = new ExcelJS.Workbook();
    const settings = workbook.addWorksheet("设置");
    settings.getCell("B2").value = "zh-CN";
    settings.getCell("B3").value = "fr-FR";
    addName(workbook, "Language", "'设置'!$B$2");
    expect(readSnapshot(await reload(workbook)).language).toBe("zh-CN");

    const other = new ExcelJS.Workbook();
    other.addWorksheet("Settings").getCell("B3").value = "fr-FR";
    addName(other, "Language", "Settings!$B$3");
    expect(readSnapshot(await reload(other)).language).toBeUndefined();
  });

  it.each(["en-US", "zh-CN"] as const)(
    "the written workbook (%s): every table of the spec, in its language, headers as the spec words them",
    async (language) => {
      const built = await buildWorkbook({ language, sample: true, functions: true }, "2026-11-26");
      const workbook = new ExcelJS.Workbook();
      await loadWorkbook(workbook, built.bytes);
      const snapshot = readSnapshot(workbook);
      expect(snapshot.language).toBe(language);
      for (const spec of WORKBOOK.tables) {
        const table = snapshot.tables.find((t) => t.name === spec.name);
        expect({ name: spec.name, found: table !== undefined }).toEqual({ name: spec.name, found: true });
        expect(table!.headers).toEqual(spec.columns.map((c) => (language === "en-US" ? c.header.en : c.header.zh)));
        const sheet = WORKBOOK.sheets.find((s) => s.key === spec.sheet)!;
        expect(table!.sheet).toBe(language === "en-US" ? sheet.name.en : sheet.name.zh);
        for (const row of table!.values) expect(row).toHaveLength(spec.columns.length);
      }
      // Computed columns hold their formula in every row, add-in functions by their own names.
      const customers = snapshot.tables.find((t) => t.name === "Customers")!;
      const tier = WORKBOOK.tables.find((t) => t.name === "Customers")!.columns.findIndex((c) => c.key === "tier");
      for (const row of customers.formulas!) expect(row[tier]).toMatch(/^=.*SALES\.TIER\(/);
      const tasks = snapshot.tables.find((t) => t.name === "Tasks")!;
      const due = WORKBOOK.tables.find((t) => t.name === "Tasks")!.columns.findIndex((c) => c.key === "due");
      for (const row of tasks.values) expect(typeof row[due]).toBe("number");
    },
  );

  it("formulas as Excel shows them: prefixes gone outside strings, kept inside", () => {
    expect(displayFormula('_xlfn._xlws.FILTER(A:A,B:B="_xlfn.x")')).toBe('=FILTER(A:A,B:B="_xlfn.x")');
    expect(displayFormula("_xldudf_SALES_LTVCAC(1,2)+_xlfn.IFS(TRUE,1)")).toBe("=SALES.LTVCAC(1,2)+IFS(TRUE,1)");
    expect(displayFormula("=SUM(A1:A3)")).toBe("=SUM(A1:A3)");
  });
});

describe("tables that hide their header row", () => {
  it("are told apart by their part's headerRowCount, whose absence means one header row", () => {
    const part = (name: string, attributes: string) =>
      `<?xml version="1.0"?><table xmlns="x" id="1" name="${name}" displayName="${name}" ref="A1:B3"${attributes}><tableColumns count="2"/></table>`;
    const bytes = zip({
      "xl/tables/table1.xml": part("Shown", ""),
      "xl/tables/table2.xml": part("Hidden", ' headerRowCount="0"'),
      "xl/tables/table3.xml": part("Explicit", ' headerRowCount="1"'),
      "xl/worksheets/sheet1.xml": part("NotATablePart", ' headerRowCount="0"'),
    });
    expect([...headerlessTables(bytes)]).toEqual(["Hidden"]);
  });

  it("read from a file: the table's column names as headers, every row as data", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Stock");
    sheet.addTable({
      name: "Stock",
      ref: "B2",
      headerRow: false,
      columns: [{ name: "Item" }, { name: "Qty" }],
      rows: [
        ["bolts", 10],
        ["nuts", 20],
      ],
    });
    const path = join(mkdtempSync(join(tmpdir(), "sales-planner-headerless-")), "stock.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const read = await readWorkbookFile(path);
    expect(read.kind === "read" && read.snapshot.tables).toEqual([
      expect.objectContaining({
        name: "Stock",
        headerRow: 1,
        firstColumn: 2,
        headers: ["Item", "Qty"],
        values: [
          ["bolts", 10],
          ["nuts", 20],
        ],
      }),
    ]);
  });
});
