// What real Excel refuses, the fake refuses too (test/support/FAKE.md, "Refusals"): a writer that
// leans on any of these would pass against a lenient fake and fail in Excel.
import { FakeExcel, FakeOfficeError, FakeWorkbook, type FakeContext, snapshotCells } from "../support/fakeExcel";

async function batch<T>(host: FakeExcel, body: (ctx: FakeContext) => Promise<T>, options = {}): Promise<T> {
  return host.run(options, body);
}

function hostWith(...sheets: string[]): FakeExcel {
  const host = new FakeExcel();
  for (const name of sheets) host.workbook.addSheet(name);
  return host;
}

async function write(host: FakeExcel, sheet: string, address: string, values: unknown[][], prop: "values" | "formulas" = "values") {
  await batch(host, async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    (range as unknown as Record<string, unknown>)[prop] = values;
    await ctx.sync();
  });
}

describe("a proxy whose Excel.run has ended", () => {
  it("refuses a write or a load through it (InvalidObjectPath), and applies nothing", async () => {
    const host = hostWith("S");
    const range = await batch(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await ctx.sync();
      return r;
    });
    // What was loaded stays readable: it is a copy in the add-in.
    expect(range.values).toEqual([[""]]);
    await expect(
      batch(host, async (ctx) => {
        range.values = [["late"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(() => range.load("values")).toThrow(FakeOfficeError);
    expect(host.workbook.peek(host.workbook.sheet("S")!, 0, 0)).toBeUndefined();
  });

  it("refuses a sync of the ended run's context, and goes on through Excel.run(context, …)", async () => {
    const host = hostWith("S");
    let kept: FakeContext | undefined;
    const range = await batch(host, async (ctx) => {
      kept = ctx;
      return ctx.workbook.worksheets.getItem("S").getRange("A1");
    });
    await expect(kept!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    await host.run(kept!, async (ctx) => {
      range.values = [["again"]];
      await ctx.sync();
    });
    expect(host.workbook.peek(host.workbook.sheet("S")!, 0, 0)?.value).toBe("again");
    expect(() => (range.values = [["after"]])).toThrow(/isn't working/);
  });

  it("refuses it once the run failed too", async () => {
    const host = hostWith("S");
    let range: unknown;
    await expect(
      batch(host, async (ctx) => {
        range = ctx.workbook.worksheets.getItem("S").getRange("A1");
        throw new Error("the batch gave up");
      }),
    ).rejects.toThrow("the batch gave up");
    expect(() => ((range as { values: unknown }).values = [[1]])).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });
});

describe("a proxy from one request context passed into another's call", () => {
  it("is refused at the call (InvalidRequestContext), even while both runs are open", async () => {
    const host = hostWith("S");
    await batch(host, async (outer) => {
      const theirs = outer.workbook.worksheets.getItem("S").getRange("A1:B2");
      await batch(host, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("S");
        expect(() => sheet.tables.add(theirs, true)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
        expect(() => ctx.workbook.names.add("Mine", theirs)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
        expect(() => sheet.getRange("A1").autoFill(theirs)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
        // The same calls with the context's own range are accepted.
        sheet.getRange("A1:B1").values = [["a", "b"]];
        ctx.workbook.names.add("Mine", sheet.getRange("A1:B2"));
        sheet.tables.add(sheet.getRange("A1:B2"), true).resize(sheet.getRange("A1:B3"));
        await ctx.sync();
      });
    });
    expect(host.workbook.tables.map((t) => t.rect)).toEqual([{ row: 0, col: 0, rows: 3, cols: 2 }]);
    expect(host.workbook.names.map((n) => n.formula)).toEqual(["=S!$A$1:$B$2"]);
  });

  it("refuses a table resized to another context's range", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["a"], [[1]]);
    const other = await batch(host, async (ctx) => ctx.workbook.worksheets.getItem("S").getRange("A1:A5"));
    await batch(host, async (ctx) => {
      expect(() => ctx.workbook.tables.getItem("T").resize(other)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
    });
  });
});

describe("formulas Excel cannot parse", () => {
  const refused = [
    "=SUM(1,2",
    "=SUM(1,2))",
    "=(1+2",
    '="open',
    "='My sheet!A1",
    "='My sheet'A1",
    "=Tasks[[#This Row],[Due]",
    "=1+",
    "=*2",
    "=1+*2",
    "=()",
    "=SUM(1,)+",
    "=1 2",
    '=1"a"',
    "=1,2",
    "=IF(A1>1,)%)",
    "={1,,2}",
    "=#WRONG!",
    "=A1)",
  ];
  const accepted = [
    "=SUM(1,2)",
    "=-A1",
    "=+A1%",
    "=-(-1)",
    '=IF(A1="(",")","x""y")',
    "='My sheet'!$A$1:$B$2",
    "=Sheet1!A1",
    "=Tasks[[#This Row],[Due]]-TODAY()",
    "=[@Due]>1",
    '=COUNTIFS(Tasks[Status],"done",Tasks[Owner],[@Name])',
    "=IF(,,)",
    "=NOW()",
    "=A1 B1",
    "=SUM(A:A)",
    "=SUM(1:1)",
    "=A1#",
    "={1,2;3,4}",
    "=#N/A",
    "=IFERROR(1/0,#DIV/0!)",
    "=1E+3*2^-1",
    "=A1<>B1",
    '=A1>=B1&"x"',
    "=LET(x,1,x+1)",
    "=_xlfn.XLOOKUP(1,A:A,B:B)",
    "=SALES.LTV(1,2,3)",
  ];

  it.each(refused)("refuses %s written through values or formulas, and leaves the cell", async (formula) => {
    for (const prop of ["values", "formulas"] as const) {
      const host = hostWith("S");
      host.workbook.type("S", "A1", [["before", "kept"]]);
      await expect(write(host, "S", "A1:B1", [[formula, "=1+1"]], prop)).rejects.toMatchObject({ code: "InvalidArgument" });
      // The whole write is refused: neither cell changed.
      expect([...snapshotCells(host.workbook.sheet("S")!).values()].map((c) => c.value)).toEqual(["before", "kept"]);
    }
  });

  it.each(accepted)("accepts %s", async (formula) => {
    const host = hostWith("S");
    await write(host, "S", "A1", [[formula]], "formulas");
    expect(host.workbook.peek(host.workbook.sheet("S")!, 0, 0)?.formula).toBe(formula);
  });

  it("refuses text that Excel types as a formula that does not parse (+, - or @ first)", async () => {
    const host = hostWith("S");
    await expect(write(host, "S", "A1", [["+86 138 0000"]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(write(host, "S", "A1", [["-(call back"]])).rejects.toMatchObject({ code: "InvalidArgument" });
    // Quoted, or in a Text cell, it stays text.
    await write(host, "S", "A1:A2", [["'+86 138 0000"], ["'-(call back"]]);
    expect(snapshotCells(host.workbook.sheet("S")!).get("A2")?.value).toBe("-(call back");
  });

  it("refuses a broken formula in a highlight rule, a validation rule and a name", async () => {
    const host = hostWith("S");
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A3").conditionalFormats.add("Custom").custom.rule.formula = "=AND(A1>1";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A3").dataValidation.rule = { custom: { formula: "=A1>" } };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.names.add("Broken", "=S!$A$1+");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.workbook.names).toEqual([]);
    expect(host.workbook.sheet("S")!.validations.size).toBe(0);
  });
});

describe("sheet names", () => {
  const refused = ["", "   ", "x".repeat(32), "a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b", "'quoted", "quoted'", "History", "history"];
  const accepted = ["x".repeat(31), "it's", "Historys", "My History", "销售 目标", "Q1 (plan)"];

  it.each(refused)("refuses %j for a new sheet and for a rename (InvalidArgument)", async (name) => {
    const host = hostWith("Sheet1");
    await expect(batch(host, async (ctx) => (ctx.workbook.worksheets.add(name), ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("Sheet1").name = name), ctx.sync()))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it.each(accepted)("accepts %j for a new sheet and for a rename", async (name) => {
    const host = hostWith("Sheet1");
    await batch(host, async (ctx) => (ctx.workbook.worksheets.add(name), ctx.sync()));
    await batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("Sheet1").name = `${name.slice(0, 30)}2`), ctx.sync()));
    expect(host.workbook.sheets.map((s) => s.name)).toEqual([`${name.slice(0, 30)}2`, name]);
  });

  it("refuses a name another sheet has in any case (ItemAlreadyExists), and lets a sheet change its own name's case", async () => {
    const host = hostWith("Plan", "Other");
    await expect(batch(host, async (ctx) => (ctx.workbook.worksheets.add("PLAN"), ctx.sync()))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("Other").name = "plan"), ctx.sync()))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("Plan").name = "PLAN"), ctx.sync()));
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["PLAN", "Other"]);
  });
});

describe("the last visible sheet", () => {
  it.each(["Hidden", "VeryHidden"])("cannot be made %s; another can, while one stays visible", async (visibility) => {
    const host = hostWith("A", "B", "C");
    host.workbook.sheet("C")!.visibility = "Hidden";
    await batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("A").visibility = visibility), ctx.sync()));
    await expect(batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("B").visibility = visibility), ctx.sync()))).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    expect(host.workbook.sheets.map((s) => s.visibility)).toEqual([visibility, "Visible", "Hidden"]);
  });

  it("refuses a visibility that is not Excel's", async () => {
    const host = hostWith("A", "B");
    await expect(batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("A").visibility = "hidden"), ctx.sync()))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });
});

describe("colours and table styles", () => {
  const colours = {
    accepted: ["#FFA500", "#ffa500", "#000000", "orange", "Orange", "darkslategray"],
    refused: ["FFA500", "#FFA50", "#FFA5000", "#GGGGGG", "rgb(255,165,0)", "oranges", "#FFF"],
  };

  it.each(colours.accepted)("accepts %s as a fill, font, tab and highlight colour", async (colour) => {
    const host = hostWith("S", "T");
    await batch(host, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      sheet.tabColor = colour;
      sheet.getRange("A1").format.fill.color = colour;
      sheet.getRange("A1").format.font.color = colour;
      const cf = sheet.getRange("A1:A2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=A1>1";
      cf.custom.format.fill.color = colour;
      cf.custom.format.font.color = colour;
      await ctx.sync();
    });
    expect(host.workbook.sheet("S")!.conditionalFormats[0]).toMatchObject({ fill: colour, fontColor: colour });
  });

  it.each(colours.refused)("refuses %s wherever a colour goes (InvalidArgument)", async (colour) => {
    const host = hostWith("S", "T");
    const attempts: ((ctx: FakeContext) => void)[] = [
      (ctx) => (ctx.workbook.worksheets.getItem("S").tabColor = colour),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").format.fill.color = colour),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").format.font.color = colour),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("Custom").custom.format.fill.color = colour),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").conditionalFormats.add("Custom").custom.format.font.color = colour),
    ];
    for (const attempt of attempts) {
      await expect(batch(host, async (ctx) => (attempt(ctx), ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("takes an empty tab colour as Excel's automatic one, but no empty fill", async () => {
    const host = hostWith("S");
    await batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("S").tabColor = ""), ctx.sync()));
    await expect(
      batch(host, async (ctx) => ((ctx.workbook.worksheets.getItem("S").getRange("A1").format.fill.color = ""), ctx.sync())),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it.each([
    ["TableStyleLight1", true],
    ["TableStyleLight21", true],
    ["TableStyleLight22", false],
    ["TableStyleMedium28", true],
    ["TableStyleMedium29", false],
    ["TableStyleDark11", true],
    ["TableStyleDark12", false],
    ["TableStyleMedium0", false],
    ["TableStyleMedium02", false],
    ["tablestylemedium2", false],
    ["Blue banded", false],
  ] as const)("table style %s: accepted %s", async (style, ok) => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["a"], [[1]]);
    const run = batch(host, async (ctx) => {
      const table = ctx.workbook.tables.getItem("T");
      table.style = style;
      const read = table.load("style");
      await ctx.sync();
      return read.style;
    });
    if (ok) await expect(run).resolves.toBe(style);
    else await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("TableRowCollection.add", () => {
  it("refuses a row with fewer or more values than the table has columns", async () => {
    for (const row of [["only one"], ["a", "b", "c"]]) {
      const host = new FakeExcel();
      host.workbook.seedTable("S", "T", "A1", ["x", "y"], [[1, 2]]);
      await expect(
        batch(host, async (ctx) => {
          ctx.workbook.tables.getItem("T").rows.add(null, [row]);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(host.workbook.table("T")!.rect.rows).toBe(2);
    }
  });

  it("inserts the rows and moves a user's cells below the table down, never over them", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["x", "y"], [[1, 2]]);
    host.workbook.type("S", "A3", [["user's note", null, "beside"]]);
    await batch(host, async (ctx) => {
      ctx.workbook.tables.getItem("T").rows.add(null, [
        [3, 4],
        [5, 6],
      ]);
      await ctx.sync();
    });
    const cells = snapshotCells(host.workbook.sheet("S")!);
    expect([cells.get("A3")?.value, cells.get("A4")?.value, cells.get("A5")?.value]).toEqual([3, 5, "user's note"]);
    // Outside the table's columns nothing moves.
    expect(cells.get("C3")?.value).toBe("beside");
    expect(host.workbook.table("T")!.rect).toEqual({ row: 0, col: 0, rows: 4, cols: 2 });
  });

  it("inserts at an index, shifting the table's own rows down", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["x"], [["first"], ["second"]]);
    await batch(host, async (ctx) => {
      ctx.workbook.tables.getItem("T").rows.add(1, [["between"]]);
      await ctx.sync();
    });
    const cells = snapshotCells(host.workbook.sheet("S")!);
    expect(["A2", "A3", "A4"].map((a) => cells.get(a)?.value)).toEqual(["first", "between", "second"]);
  });

  it("refuses to split a table below that spans other columns (InsertDeleteConflict)", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["x"], [[1]]);
    host.workbook.seedTable("S", "Below", "A4", ["p", "q"], [[1, 2]]);
    await expect(
      batch(host, async (ctx) => {
        ctx.workbook.tables.getItem("T").rows.add(null, [[2]]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InsertDeleteConflict" });
  });
});

describe("table headers written through values", () => {
  it("stay unique: a repeated header gets a number, the one written giving way", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["Name", "Owner", "Due"], [[1, 2, 3]]);
    await write(host, "S", "C1", [["name"]]);
    expect(host.workbook.headers(host.workbook.table("T")!)).toEqual(["Name", "Owner", "name2"]);
    await write(host, "S", "A1:C1", [["Due", "Due", ""]]);
    expect(host.workbook.headers(host.workbook.table("T")!)).toEqual(["Due", "Due2", "Column3"]);
  });

  it("are text: a number or a formula typed into a header is not kept as one", async () => {
    const host = new FakeExcel();
    host.workbook.seedTable("S", "T", "A1", ["a", "b"], [[1, 2]]);
    await write(host, "S", "A1:B1", [["2026", "=1+1"]]);
    expect(snapshotCells(host.workbook.sheet("S")!).get("A1")).toEqual({ value: "2026", numberFormat: "General" });
    expect(snapshotCells(host.workbook.sheet("S")!).get("B1")?.formula).toBeUndefined();
  });
});

describe("text typed into values, as Excel (en-US) parses it", () => {
  async function typed(input: string, numberFormat = "General") {
    const host = hostWith("S");
    host.workbook.cell(host.workbook.sheet("S")!, 0, 0).numberFormat = numberFormat;
    await write(host, "S", "A1", [[input]]);
    return snapshotCells(host.workbook.sheet("S")!).get("A1");
  }

  it.each([
    ["1,000", { value: 1000, numberFormat: "#,##0" }],
    ["-12,345.5", { value: -12345.5, numberFormat: "#,##0.00" }],
    ["1,000,000", { value: 1_000_000, numberFormat: "#,##0" }],
    ["1,00", { value: "1,00", numberFormat: "General" }],
    ["1,0000", { value: "1,0000", numberFormat: "General" }],
    ["2024-01-05", { value: 45296, numberFormat: "yyyy-mm-dd" }],
    ["1900-03-01", { value: 61, numberFormat: "yyyy-mm-dd" }],
    ["1/5/2024", { value: 45296, numberFormat: "m/d/yyyy" }],
    ["2024-02-30", { value: "2024-02-30", numberFormat: "General" }],
    ["2024-13-01", { value: "2024-13-01", numberFormat: "General" }],
    ["#N/A", { value: "#N/A", error: true, numberFormat: "General" }],
    ["#div/0!", { value: "#DIV/0!", error: true, numberFormat: "General" }],
    ["#N/A text", { value: "#N/A text", numberFormat: "General" }],
    ["'#N/A", { value: "#N/A", numberFormat: "General" }],
    ["'1,000", { value: "1,000", numberFormat: "General" }],
  ] as const)("makes %s %j", async (input, expected) => {
    expect(await typed(input)).toEqual(expected);
  });

  it("keeps a cell's own number format, and a Text cell keeps the text", async () => {
    expect(await typed("2024-01-05", "0.00")).toEqual({ value: 45296, numberFormat: "0.00" });
    expect(await typed("1,000", "0")).toEqual({ value: 1000, numberFormat: "0" });
    expect(await typed("2024-01-05", "@")).toEqual({ value: "2024-01-05", numberFormat: "@" });
    expect(await typed("#N/A", "@")).toEqual({ value: "#N/A", numberFormat: "@" });
  });

  it("is the same seeding a workbook directly", () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    wb.type("S", "A1", [["1,000", "2024-01-05"]]);
    expect([...snapshotCells(wb.sheet("S")!).values()].map((c) => c.value)).toEqual([1000, 45296]);
  });
});
