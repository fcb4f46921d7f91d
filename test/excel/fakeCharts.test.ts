// The fake's charts (test/support/fakeCharts.ts) keep what the typings say, and refuse what the
// fake cannot vouch for; FAKE.md, "Charts", lists each rule with its source.
import { FakeExcel, FakeWorkbook, type RangeProxy } from "../support/fakeExcel";
import { chartsOn } from "../support/fakeCharts";
import "../support/fakeExcelFixtures";

function fake(): FakeExcel {
  const wb = new FakeWorkbook();
  wb.addSheet("Data");
  wb.addSheet("Other");
  return new FakeExcel(wb);
}

describe("the fake's charts", () => {
  it("getItemOrNullObject answers a null object for a missing chart, and the first of two with one name", async () => {
    const f = fake();
    await f.run({}, async (fakeContext) => {
      const context = fakeContext as unknown as Excel.RequestContext;
      const charts = context.workbook.worksheets.getItem("Data").charts;
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      charts.add("Line", range, "Columns").name = "Twin";
      charts.add("Pie", range, "Rows").name = "Twin";
      const missing = charts.getItemOrNullObject("Nope");
      const twin = charts.getItemOrNullObject("Twin").load("chartType");
      await fakeContext.sync();
      expect(missing.isNullObject).toBe(true);
      expect(twin.isNullObject).toBe(false);
      expect(twin.chartType).toBe("Line");
    });
    expect(chartsOn(f.workbook, "Data").map((c) => [c.type, c.seriesBy, c.source])).toEqual([
      ["Line", "Columns", "A1:B3"],
      ["Pie", "Rows", "A1:B3"],
    ]);
  });

  it("refuses a source range from another Excel.run, one on another sheet, and an unknown seriesBy", async () => {
    const f = fake();
    let stale: RangeProxy | undefined;
    await f.run({}, async (context) => {
      stale = context.workbook.worksheets.getItem("Data").getRange("A1:B2") as unknown as RangeProxy;
      await context.sync();
    });
    const attempt = (make: (context: Excel.RequestContext) => void) =>
      f.run({}, async (context) => {
        make(context as unknown as Excel.RequestContext);
        await context.sync();
      });
    await expect(attempt((c) => c.workbook.worksheets.getItem("Data").charts.add("Funnel", stale as never, "Columns"))).rejects.toMatchObject({
      code: "InvalidRequestContext",
    });
    await expect(
      attempt((c) => c.workbook.worksheets.getItem("Data").charts.add("Funnel", c.workbook.worksheets.getItem("Other").getRange("A1:B2"), "Columns")),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((c) =>
        c.workbook.worksheets.getItem("Data").charts.add("Funnel", c.workbook.worksheets.getItem("Data").getRange("A1:B2"), "Diagonal" as never),
      ),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(chartsOn(f.workbook, "Data")).toEqual([]);
  });
});
