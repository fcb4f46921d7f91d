// The recording fake must behave like Office.js where the writer relies on it; otherwise the
// writer's tests would prove nothing. These pin the documented semantics the fake models.
import { FakeExcel, FakeWorkbook, type FakeContext, snapshotCells } from "../support/fakeExcel";

async function batch<T>(host: FakeExcel, body: (ctx: FakeContext) => Promise<T>, options = {}): Promise<T> {
  return host.run(options, body);
}

describe("recording fake of the Excel API", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, and reads it after", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("Sheet1");
    await batch(host, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/load method/);
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(/load method/);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility' is not available/);
    });
  });

  it("applies queued writes only at sync, in order, and counts syncs", async () => {
    const host = new FakeExcel();
    await batch(host, async (ctx) => {
      const sheet = ctx.workbook.worksheets.add("Data");
      sheet.getRange("A1:B1").values = [["a", 1]];
      expect(host.workbook.sheets).toHaveLength(0);
      const read = sheet.getRange("A1:B1").load("values");
      await ctx.sync();
      expect(read.values).toEqual([["a", 1]]);
    });
    expect(host.syncs).toBe(1);
    expect(host.count("WorksheetCollection.add")).toBe(1);
    expect(host.count("Range.values")).toBe(1);
  });

  it("types text like Excel: = makes a formula, + - @ before text too, numbers parse, an apostrophe keeps text", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("S");
    await batch(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A7").values = [
        ['=HYPERLINK("x")'],
        ["@SUM(1)"],
        ["-A1"],
        ["-5"],
        ["0012"],
        ['\'=HYPERLINK("x")'],
        ["'0012"],
      ];
      await ctx.sync();
    });
    const cells = snapshotCells(host.workbook.sheet("S")!);
    expect(cells.get("A1")).toMatchObject({ formula: '=HYPERLINK("x")' });
    expect(cells.get("A2")).toMatchObject({ formula: "=SUM(1)" });
    expect(cells.get("A3")).toMatchObject({ formula: "=-A1" });
    expect(cells.get("A4")).toEqual({ value: -5, numberFormat: "General" });
    expect(cells.get("A5")).toEqual({ value: 12, numberFormat: "General" });
    expect(cells.get("A6")).toEqual({ value: '=HYPERLINK("x")', numberFormat: "General" });
    expect(cells.get("A7")).toEqual({ value: "0012", numberFormat: "General" });
  });

  it("refuses a 2-D array whose shape differs from the range, at sync", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("S");
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [["only one row", "x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("fails a request over the 5 MB payload limit and applies none of it", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("S");
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.workbook.sheet("S")!.cells.size).toBe(0);
  });

  it("reports isNullObject only after a sync", async () => {
    const host = new FakeExcel();
    await batch(host, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("keeps the operations before an injected failure applied, like Excel (no batch rollback)", async () => {
    const host = new FakeExcel();
    host.failure = { sync: 1, afterOperations: 1 };
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.worksheets.add("One");
        ctx.workbook.worksheets.add("Two");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["One"]);
  });

  it("makes one undo step of a mergeUndoGroup run, one per sync otherwise", async () => {
    const twoSyncs = (host: FakeExcel) =>
      batch(
        host,
        async (ctx) => {
          ctx.workbook.worksheets.add("A");
          await ctx.sync();
          ctx.workbook.worksheets.add("B");
          await ctx.sync();
        },
        { mergeUndoGroup: true },
      );
    const merged = new FakeExcel();
    await twoSyncs(merged);
    expect(merged.undoSteps).toBe(1);
    merged.undo();
    expect(merged.workbook.sheets).toHaveLength(0);

    const plain = new FakeExcel(new FakeWorkbook(), { supportsUndoGrouping: false });
    await twoSyncs(plain);
    expect(plain.undoSteps).toBe(2);
  });

  it("gives a table made of a header row alone one blank data row, and resizes it over rows written below", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("S");
    await batch(host, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      sheet.getRange("A1:B1").values = [["Name", "Name"]];
      const table = sheet.tables.add("A1:B1", true);
      table.name = "People";
      const body = table.getDataBodyRange().load("address");
      await ctx.sync();
      expect(body.address).toBe("S!A2:B2");
      sheet.getRange("A3:B4").values = [
        ["x", 1],
        ["y", 2],
      ];
      table.resize("A1:B4");
      const header = table.getHeaderRowRange().load("values");
      await ctx.sync();
      expect(header.values).toEqual([["Name", "Name2"]]);
    });
    expect(host.workbook.table("People")!.rect).toEqual({ row: 0, col: 0, rows: 4, cols: 2 });
  });

  it("refuses structured references in conditional-format formulas, as Excel does", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["Due"], [[1]]);
    await expect(
      batch(host, async (ctx) => {
        const cf = ctx.workbook.tables.getItem("T").getDataBodyRange().conditionalFormats.add("Custom");
        cf.custom.rule.formula = "=T[@Due]>1";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("fills a first cell down like Excel's fill handle: relative rows move, absolute ones and structured references stay", async () => {
    const host = new FakeExcel();
    host.workbook.addSheet("S");
    await batch(host, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      const first = sheet.getRange("C2");
      first.formulas = [["=A2+$B$1+T[[#This Row],[Due]]+LOG10(A2)"]];
      first.numberFormat = [["0.0"]];
      first.autoFill(sheet.getRange("C2:C4"), "FillCopy");
      await ctx.sync();
    });
    const cells = snapshotCells(host.workbook.sheet("S")!);
    expect(cells.get("C4")).toEqual({ value: "", formula: "=A4+$B$1+T[[#This Row],[Due]]+LOG10(A4)", numberFormat: "0.0" });
  });

  it("records TableRowCollection.add, so a writer that adds table rows is caught", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["Name"], [["a"]]);
    await batch(host, async (ctx) => {
      ctx.workbook.tables.getItem("T").rows.add(null, [["b"]]);
      await ctx.sync();
    });
    expect(host.count("TableRowCollection.add")).toBe(1);
    expect(host.workbook.table("T")!.rect.rows).toBe(3);
  });
});

describe("rules of real Excel the fake keeps (test/support/FAKE.md)", () => {
  it("refuses Worksheet.visibility inside an undo group on Windows, not on the web", async () => {
    for (const [platform, refused] of [
      ["windows", true],
      ["web", false],
    ] as const) {
      const host = new FakeExcel(new FakeWorkbook(), { platform });
      host.workbook.addSheet("Data");
      host.workbook.addSheet("Shown");
      const result = batch(
        host,
        async (ctx) => {
          ctx.workbook.worksheets.getItem("Data").visibility = "Hidden";
          await ctx.sync();
        },
        { mergeUndoGroup: true },
      );
      if (refused) await expect(result).rejects.toMatchObject({ code: "UndoNotSupported" });
      else await expect(result).resolves.toBeUndefined();
    }
  });

  it("refuses TableColumnCollection.add when another table is on the table's rows to its right (InsertDeleteConflict)", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "Left", "A1", ["a", "b"], [[1, 2]]);
    host.workbook.seedTable("S", "Right", "D1", ["c"], [[3]]);
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.tables.getItem("Left").columns.add(undefined, undefined, "new");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InsertDeleteConflict" });
    expect(host.workbook.table("Right")!.rect.col).toBe(3);
  });

  it("fills a calculated column into rows a table grows over only when AutoCorrect's option is on", async () => {
    for (const on of [true, false]) {
      const host = new FakeExcel(new FakeWorkbook(), { fillFormulasInTables: on });
      host.workbook.seedTable("S", "T", "A1", ["a", "b"], [[1, "=T[[#This Row],[a]]*2"]]);
      await batch(host, async (ctx) => {
        ctx.workbook.tables.getItem("T").resize("S!A1:B3");
        await ctx.sync();
      });
      expect({ on, formula: host.workbook.peek(host.workbook.sheet("S")!, 2, 1)?.formula }).toEqual({
        on,
        formula: on ? "=T[[#This Row],[a]]*2" : undefined,
      });
    }
  });

  it("answers a #REF! name's getRange with an error and getRangeOrNullObject with a null object", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("Settings", "Config", "A1", ["Value"], [[3]]);
    host.workbook.addName("Lag", "='Settings'!$A$2");
    host.workbook.addSheet("Other");
    host.workbook.deleteSheet("Settings");
    expect(host.workbook.name("Lag")!.formula).toBe("=#REF!");
    await batch(host, async (ctx) => {
      const item = ctx.workbook.names.getItem("Lag").load("type");
      const orNull = ctx.workbook.names.getItem("Lag").getRangeOrNullObject();
      await ctx.sync();
      expect(item.type).toBe("Error");
      expect(orNull.isNullObject).toBe(true);
      ctx.workbook.names.getItem("Lag").getRange().load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("puts a new conditional format on top; a priority past the end puts it last", async () => {
    const host = new FakeExcel();
    const sheet = host.workbook.addSheet("S");
    const mine = host.workbook.addConditionalFormat(sheet, { row: 0, col: 0, rows: 2, cols: 1 }, "CellValue");
    await batch(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A2").conditionalFormats.add("Custom");
      await ctx.sync();
    });
    expect(sheet.conditionalFormats.indexOf(mine)).toBe(1);
    await batch(host, async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("S").getRange("A1:A2").conditionalFormats.add("Custom");
      cf.priority = 1_000_000;
      await ctx.sync();
    });
    expect(sheet.conditionalFormats.indexOf(mine)).toBe(1);
    expect(sheet.conditionalFormats).toHaveLength(3);
  });
});
