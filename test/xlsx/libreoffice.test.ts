// The .xlsx as another spreadsheet sees it: LibreOffice opens the generated file headless,
// recalculates every formula, and saves it as CSV (values) and PDF (what prints, conditional
// fills included). Three soffice runs in all, made once in beforeAll.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { AddTableStep, CellInput, Plan } from "../../src/domain/plan/types";
import { excelSerial } from "../../src/domain/plan/address";
import { applyPlan } from "../../src/xlsx/apply";
import { loadWorkbook } from "../../src/xlsx/names";
import { buildWorkbook, localToday, newWorkbook, planNewWorkbook } from "../../src/xlsx/build";
import { makeWorkDir, pdfWords, removeWorkDir, renderPage, xlsxToCsv, xlsxToPdf, type PdfPage, type Table } from "../support/libreoffice";
import { dominantColour, hex, near, rgbOf } from "../support/png";

const TODAY = localToday();

/** Excel's serial number of the day `offset` days from today. */
function day(offset: number): number {
  return excelSerial(TODAY) + offset;
}

/** The tasks whose rows the test checks, one marker ID each. LagAlertDays is 3 by default. */
const TASKS = [
  { id: "LAG5", due: -5, status: "in progress", daysLate: "5", lagging: true },
  { id: "LAG4", due: -4, status: "not started", daysLate: "4", lagging: true },
  { id: "OVER3", due: -3, status: "blocked", daysLate: "3", lagging: false },
  { id: "OVER1", due: -1, status: "in progress", daysLate: "1", lagging: false },
  { id: "SOON2", due: 2, status: "not started", daysLate: "0", lagging: false },
  // Done 3 days after its due date: late by 3, but closed, so never lit as lagging.
  { id: "DONE10", due: -10, status: "done", completedOn: -7, daysLate: "3", lagging: false },
  { id: "CANCEL9", due: -9, status: "cancelled", daysLate: "", lagging: false },
];

const RISKS = [
  { risk: "Budget frozen", likelihood: 4, impact: 5, score: "20" },
  { risk: "Champion leaves", likelihood: 2, impact: 3, score: "6" },
  { risk: "No impact given", likelihood: 3, impact: null, score: "" },
];

function rowsFor(step: AddTableStep, rows: readonly Record<string, CellInput>[]): CellInput[][] {
  return rows.map((row) => step.keys.map((key) => row[key] ?? null));
}

/** The English plan without sample data, with the test's own Tasks and Risks rows. */
function planWithTestRows(plan: Plan): Plan {
  const steps = plan.steps.map((step) => {
    if (step.kind !== "addTable") return step;
    if (step.table === "Tasks") {
      return {
        ...step,
        rows: rowsFor(
          step,
          TASKS.map((t) => ({
            id: t.id,
            customer: '=HYPERLINK("http://example.com")',
            action: "@SUM(1,2)",
            due: day(t.due),
            status: t.status,
            completedOn: t.completedOn === undefined ? null : day(t.completedOn),
          })),
        ),
      };
    }
    if (step.table === "Risks") {
      return {
        ...step,
        rows: rowsFor(
          step,
          RISKS.map((r) => ({ risk: r.risk, likelihood: r.likelihood, impact: r.impact })),
        ),
      };
    }
    return step;
  });
  return { ...plan, steps };
}

function column(table: Table, header: string): string[] {
  const at = table[0].indexOf(header);
  if (at < 0) throw new Error(`no column "${header}" in ${JSON.stringify(table[0])}`);
  return table.slice(1).map((row) => row[at] ?? "");
}

function byId(table: Table, header: string): Record<string, string> {
  const ids = column(table, "ID");
  const values = column(table, header);
  return Object.fromEntries(ids.map((id, i) => [id, values[i]]));
}

const ENGLISH_SHEETS = ["Overview", "Goals", "Strategy", "Market", "Customers", "Tasks", "Pipeline", "Risks", "Review", "Playbook", "Settings"];
const TABLES = [
  "SalesGoals",
  "StrategyPlan",
  "MarketAnalysis",
  "Customers",
  "Tasks",
  "Pipeline",
  "Risks",
  "ReviewInputs",
  "ReviewMetrics",
  "ReviewFunnel",
  "Playbook",
  "Config",
  "Stages",
  "Tiers",
  "Team",
  "Lists",
  "AddinRecord",
  "Nudges",
];

describe("the .xlsx in LibreOffice, recalculated on load", () => {
  let dir: string;
  let englishFile: string;
  let englishCsv: Map<string, Table>;
  let chineseCsv: Map<string, Table>;
  let pdf: string;
  let pages: PdfPage[];

  beforeAll(async () => {
    dir = makeWorkDir("xlsx");
    const english = newWorkbook();
    applyPlan(english, planWithTestRows(planNewWorkbook(english, { language: "en-US", sample: false, functions: false }, TODAY)));
    englishFile = join(dir, "english.xlsx");
    await english.xlsx.writeFile(englishFile);

    const chineseFile = join(dir, "chinese.xlsx");
    writeFileSync(chineseFile, (await buildWorkbook({ language: "zh-CN", sample: true, functions: false }, TODAY)).bytes);

    englishCsv = await xlsxToCsv(englishFile, join(dir, "english"));
    chineseCsv = await xlsxToCsv(chineseFile, join(dir, "chinese"));
    pdf = await xlsxToPdf(englishFile, dir);
    pages = await pdfWords(pdf);
  }, 600_000);

  afterAll(() => removeWorkDir(dir));

  it("has every sheet, with Settings hidden, and every table with its stable name", async () => {
    const file = new ExcelJS.Workbook();
    await loadWorkbook(file, readFileSync(englishFile));
    expect(file.worksheets.map((s) => s.name).sort()).toEqual([...ENGLISH_SHEETS].sort());
    expect(file.getWorksheet("Settings")?.state).toBe("hidden");
    const tables = file.worksheets.flatMap((s) => Object.keys((s as unknown as { tables: object }).tables));
    expect(tables.sort()).toEqual([...TABLES].sort());
    // LibreOffice read every sheet too.
    expect([...englishCsv.keys()].sort()).toEqual([...ENGLISH_SHEETS].sort());
  });

  it("computes every formula without an error (portable formulas open anywhere)", () => {
    const errors: string[] = [];
    for (const [sheet, table] of [...englishCsv, ...chineseCsv]) {
      table.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (/^(Err:\d+|#NAME\?|#REF!|#VALUE!|#N\/A|#DIV\/0!|#NUM!|#NULL!)$/.test(cell)) errors.push(`${sheet}!R${r + 1}C${c + 1}=${cell}`);
        }),
      );
    }
    expect(errors).toEqual([]);
  });

  it("computes Days late from the due dates relative to today, and leaves cancelled tasks blank", () => {
    const daysLate = byId(englishCsv.get("Tasks")!, "Days late");
    expect(daysLate).toEqual(Object.fromEntries(TASKS.map((t) => [t.id, t.daysLate])));
  });

  it("computes Score = Likelihood x Impact, blank while an input is blank", () => {
    const risks = englishCsv.get("Risks")!;
    expect(column(risks, "Risk")).toEqual(RISKS.map((r) => r.risk));
    expect(column(risks, "Score")).toEqual(RISKS.map((r) => r.score));
  });

  it("keeps user text that starts with = or @ as text", () => {
    const tasks = englishCsv.get("Tasks")!;
    expect(new Set(column(tasks, "Customer"))).toEqual(new Set(['=HYPERLINK("http://example.com")']));
    expect(new Set(column(tasks, "Action"))).toEqual(new Set(["@SUM(1,2)"]));
  });

  it("prints the strong lagging fill on exactly the rows overdue by more than the alert days", async () => {
    const page = pages.find((p) => p.words.some((w) => w.text === "LAG5"));
    if (!page) throw new Error("no PDF page shows the Tasks IDs");
    const dpi = 200;
    const scale = dpi / 72;
    const image = await renderPage(pdf, page.number, dpi, dir);
    const strong = rgbOf("#C00000");
    const fillOf = (text: string) => {
      const word = page.words.find((w) => w.text === text);
      if (!word) throw new Error(`"${text}" is not on page ${page.number}`);
      // A band inside the row, from the ID cell rightwards: glyphs are thin, the fill dominates.
      // The page is printed one page wide, so the band scales with the text.
      const inset = (word.yMax - word.yMin) * 0.2;
      const top = (word.yMin + inset) * scale;
      const bottom = (word.yMax - inset) * scale;
      return dominantColour(image, word.xMin * scale, top, (word.xMin + 40 * (word.yMax - word.yMin)) * scale, bottom);
    };
    const lit = Object.fromEntries([...TASKS.map((t) => t.id), "ID"].map((id) => [id, near(fillOf(id), strong, 24)]));
    expect(lit).toEqual({ ...Object.fromEntries(TASKS.map((t) => [t.id, t.lagging])), ID: false });
    // The lighter rules are there too, so "not strong" is not simply "no fill at all".
    expect(hex(fillOf("OVER1"))).toBe("FFC7CE");
    expect(hex(fillOf("SOON2"))).toBe("FFEB9C");
  });

  it("writes the zh-CN workbook's headers in Chinese", () => {
    const tasks = chineseCsv.get("任务矩阵");
    expect(tasks).toBeDefined();
    expect(tasks![0]).toEqual(expect.arrayContaining(["编号", "客户名称", "阶段", "截止日期", "状态", "滞后天数"]));
    expect(chineseCsv.get("风险预警")![0]).toEqual(expect.arrayContaining(["风险", "可能性", "影响程度", "风险分值", "应对预案"]));
    // Sample rows come in Chinese too (the seed's own words).
    expect(column(tasks!, "关键动作")).toContain("需求调研");
  });
});
