// The overview's key figures (SPEC section 2: lagging and overdue tasks, next contacts due, open
// high risks; the same per owner), computed by a spreadsheet engine (HyperFormula) on rows whose
// answers are counted here by hand, each threshold at, just below and just above it.
import { HyperFormula } from "hyperformula";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import type { FormulaTemplate } from "../../../src/domain/spec/types";
import { a1, table } from "./a1";

type Cell = string | number | null;

function todaySerial(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000 + 25_569;
}
const TODAY = todaySerial();

/** The overview row whose first cell reads `label` (English): its row number and figure template. */
function figure(label: string): { row: number; template: FormulaTemplate } {
  const rows = WORKBOOK.overview!.rows;
  const r = rows.findIndex((row) => {
    const v = row[0]?.value;
    return !!v && "en" in v && v.en === label;
  });
  const v = rows[r]?.[1]?.value;
  if (!v || !("formula" in v)) throw new Error(`no figure "${label}"`);
  return { row: r + 1, template: v.formula };
}

/** The owner rows: the first one's row number and its lagging and overdue templates. */
function firstOwnerRow(): { row: number; lagging: FormulaTemplate; overdue: FormulaTemplate } {
  const rows = WORKBOOK.overview!.rows;
  const r = rows.findIndex((row) => {
    const v = row[0]?.value;
    return !!v && "formula" in v && v.formula.includes("INDEX(List_Owner,1)");
  });
  const [lagging, overdue] = [rows[r][1].value, rows[r][2].value];
  if (!("formula" in lagging) || !("formula" in overdue)) throw new Error("no owner row");
  return { row: r + 1, lagging: lagging.formula, overdue: overdue.formula };
}

function compute(template: FormulaTemplate, tables: Record<string, Record<string, Cell>[]>, scratch: Record<string, Cell> = {}, at = "B1"): Cell {
  const sheets: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(tables)) {
    const spec = table(name);
    sheets[name] = [spec.columns.map((c) => c.header.en), ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))];
  }
  sheets.Scratch = [];
  // Excel evaluates SUMPRODUCT's arguments as arrays; HyperFormula does so with array arithmetic on.
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  for (const [name, value] of Object.entries({ LagAlertDays: 3, DueSoonDays: 3, RiskHighScore: 15 })) hf.addNamedExpression(name, `=${value}`);
  const sheet = hf.getSheetId("Scratch")!;
  const cell = (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return { sheet, col: m[1].charCodeAt(0) - 65, row: Number(m[2]) - 1 };
  };
  for (const [address, value] of Object.entries(scratch)) hf.setCellContents(cell(address), [[value]]);
  hf.setCellContents(cell(at), [[a1(template, "Tasks")]]);
  const value = hf.getCellValue(cell(at));
  hf.destroy();
  if (value !== null && typeof value === "object") return `#${(value as { type: string }).type}`;
  return value as Cell;
}

// Tasks, days late counted by hand against the alert (3) and overdue (more than 0) thresholds.
const task = (owner: string, daysLate: number | null, status: string): Record<string, Cell> => ({
  id: "T",
  owner,
  due: daysLate === null ? null : TODAY - daysLate,
  status,
});
const TASKS = [
  task("Wang", 4, "In progress"), // lagging and overdue
  task("Wang", 3, "Not started"), // overdue only: 3 is not more than 3
  task("Li", 1, ""), // overdue only
  task("Li", 0, "In progress"), // due today: neither
  task("Wang", 10, " DONE "), // done, any case and spaces: neither
  task("Li", 10, "已取消"), // cancelled in Chinese: neither
  task("Wang", null, "In progress"), // no due date: neither
  task(" wang ", 5, "受阻"), // blocked is still open: lagging and overdue
];

describe("the overview's key figures", () => {
  it("count tasks more than the alert days late, leaving out done, cancelled and undated ones", () => {
    expect(compute(figure("Tasks lagging beyond the alert days").template, { Tasks: TASKS })).toBe(2);
  });

  it("count tasks more than 0 days late as overdue", () => {
    expect(compute(figure("Tasks overdue").template, { Tasks: TASKS })).toBe(4);
  });

  it("count customers whose next contact is within the due-soon days, or past", () => {
    const customers = [TODAY + 3, TODAY + 4, TODAY - 10, null, TODAY].map((nextContact) => ({ customer: "C", nextContact }));
    // +3 (at the limit), -10 (past) and today count; +4 and blank do not.
    expect(compute(figure("Customer contacts due within the due-soon days (or past)").template, { Customers: customers })).toBe(3);
  });

  it("count open risks at or above the red score, in either language", () => {
    const risks = [
      { score: 15, status: "Open" },
      { score: 14, status: "Open" },
      { score: 20, status: "Mitigated" },
      { score: 16, status: "未处理" },
      { score: null, status: "open" },
      { score: 25, status: " OPEN " },
    ].map((r) => ({ risk: "R", ...r }));
    expect(compute(figure("Open risks at or above the red score").template, { Risks: risks })).toBe(3);
  });

  it("count each owner's lagging and overdue tasks, matching the name in any case and spacing", () => {
    const { row, lagging, overdue } = firstOwnerRow();
    const at = (column: string) => `${column}${row}`;
    expect(compute(lagging, { Tasks: TASKS }, { [at("A")]: "Wang" }, at("B"))).toBe(2);
    expect(compute(overdue, { Tasks: TASKS }, { [at("A")]: "Wang" }, at("C"))).toBe(3);
    expect(compute(overdue, { Tasks: TASKS }, { [at("A")]: "LI" }, at("C"))).toBe(1);
    // A row past the roster's end stays blank.
    expect(compute(lagging, { Tasks: TASKS }, { [at("A")]: "" }, at("B"))).toBe("");
  });
});
