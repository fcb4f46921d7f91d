import { DetailedCellError } from "hyperformula";
import { salesWorkbook } from "../support/hyperformula";

// A sheet of pipeline rows as a team keeps them: A arpu, B gross margin, C status,
// D stage (zh-CN), E amount, F probability; row 1 is the header.
function pipelineSheet(): unknown[][] {
  const rows: unknown[][] = [["ARPU", "Margin", "Status", "Stage", "Amount", "Probability"]];
  const statuses = ["赢单", "won", "lost", "open", "", "WON", "输单", "跟进中"];
  const stages = ["线索获取", "初步需求沟通", "产品演示", "方案制定", "商务谈判", "签约", "线索获取", ""];
  for (let i = 0; i < 8; i++) rows.push([1000 + i * 100, 0.4, statuses[i], stages[i], 10000 * (i + 1), 0.5]);
  return rows;
}

function valueAt(hf: ReturnType<typeof salesWorkbook>, cell: string): unknown {
  const address = hf.simpleCellAddressFromString(cell, 0);
  if (!address) throw new Error(`bad address ${cell}`);
  return hf.getCellValue(address);
}

describe("SALES functions evaluated by HyperFormula in cells", () => {
  it("=SALES.LTV(A2,B2,C2) over row cells, and a #DIV/0! cell", () => {
    const hf = salesWorkbook({
      Sheet1: [
        ["ARPU", "Margin", "Churn", "LTV", "CAC", "Customers", "CAC result"],
        [1000, 0.45, 0.05, "=SALES.LTV(A2,B2,C2)", 5000, 0, "=SALES.CAC(E2,F2)"],
        [1000, 45, 0.05, "=SALES.LTV(A3,B3,C3)", "", "", ""],
      ],
    });
    expect(valueAt(hf, "D2")).toBeCloseTo(9000, 9);
    const divided = valueAt(hf, "G2") as DetailedCellError;
    expect(divided).toBeInstanceOf(DetailedCellError);
    expect(divided.value).toBe("#DIV/0!");
    const percent = valueAt(hf, "D3") as DetailedCellError;
    expect(percent.value).toBe("#NUM!");
    expect(percent.message).toContain("grossMargin");
    hf.destroy();
  });

  it("=SALES.WINRATE(C2:C200) over a column with blanks, in both languages", () => {
    const rows = pipelineSheet();
    rows[1].push("=SALES.WINRATE(C2:C200)");
    const hf = salesWorkbook({ Sheet1: rows });
    // won: 赢单, won, WON = 3; lost: lost, 输单 = 2 -> 3 / 5
    expect(valueAt(hf, "G2")).toBeCloseTo(0.6, 9);
    hf.destroy();
  });

  it("=SALES.CONVERSION(...) with the zh-CN stage names", () => {
    const rows = pipelineSheet();
    rows[1].push('=SALES.CONVERSION(D2:D9, "线索获取", "方案制定")', '=SALES.CONVERSION(D2:D9, "初步需求沟通", "签约")');
    const hf = salesWorkbook({ Sheet1: rows });
    // 7 rows with a stage; reached 方案制定 or later: 方案制定, 商务谈判, 签约 = 3
    expect(valueAt(hf, "G2")).toBeCloseTo(3 / 7, 9);
    // reached 初步需求沟通 or later: 5; reached 签约: 1
    expect(valueAt(hf, "H2")).toBeCloseTo(1 / 5, 9);
    hf.destroy();
  });

  it("=SALES.WEIGHTED over open rows and =SALES.FUNNEL spilling its rows", () => {
    const rows = pipelineSheet();
    rows[1].push("=SALES.WEIGHTED(E2:E9, F2:F9, C2:C9)", "=SALES.FUNNEL(D2:D9)");
    const hf = salesWorkbook({ Sheet1: rows });
    // open rows: row 5 (open, 40000) and row 9 (跟进中, 80000); a blank status (row 6, 50000) is not open
    expect(valueAt(hf, "G2")).toBeCloseTo((40000 + 80000) * 0.5, 9);
    expect([valueAt(hf, "H2"), valueAt(hf, "I2"), valueAt(hf, "J2")]).toEqual(["线索获取", 7, ""]);
    expect([valueAt(hf, "H7"), valueAt(hf, "I7")]).toEqual(["签约", 1]);
    hf.destroy();
  });

  it("passes on an error from a cell in the range", () => {
    const hf = salesWorkbook({ Sheet1: [["won", "=SALES.WINRATE(A1:A3)"], ["=NA()"], ["lost"]] });
    expect((valueAt(hf, "B1") as DetailedCellError).value).toBe("#N/A");
    hf.destroy();
  });
});
