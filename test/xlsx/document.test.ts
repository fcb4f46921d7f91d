// The workbook as a printed and read document, through LibreOffice: the sample workbook in both
// languages and a 500-task workbook, printed to PDF and recalculated to CSV (cells as shown).
// PNG pages of the sheets a newcomer looks at first go to test-output/document for people to see.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AddTableStep, CellInput, Plan } from "../../src/domain/plan/types";
import { excelSerial } from "../../src/domain/plan/address";
import { applyPlan } from "../../src/xlsx/apply";
import { buildWorkbook, localToday, newWorkbook, planNewWorkbook } from "../../src/xlsx/build";
import { TABLES, SHEETS } from "../../src/domain/spec/workbook";
import type { Language } from "../../src/domain/spec/vocabulary";
import { loadWorkbook, namedCell } from "../../src/xlsx/names";
import ExcelJS from "exceljs";
import { makeWorkDir, pdfWords, removeWorkDir, renderPage, xlsxToCsv, xlsxToPdf, type PdfPage, type Table } from "../support/libreoffice";

const TODAY = localToday();
const OUTPUT = join(__dirname, "..", "..", "test-output", "document");
const LANGUAGE_KEYS: Record<Language, "en" | "zh"> = { "en-US": "en", "zh-CN": "zh" };

/** Sample pages: one per visible sheet with a table, each one page wide (worked out by hand: 9 sheets, few rows). */
const SAMPLE_PAGES = 9;

interface Printed {
  readonly pdf: string;
  readonly pages: PdfPage[];
  readonly csv: Map<string, Table>;
}

/** The sheet a page belongs to, from its footer ("Tasks — page 2 of 9"). */
function sheetOfPage(page: PdfPage): string {
  const footer = page.words.filter((w) => w.yMin > page.height - 40).sort((a, b) => a.xMin - b.xMin);
  const dash = footer.findIndex((w) => w.text === "—");
  return footer.slice(0, dash).map((w) => w.text).join(" ");
}

function pagesOf(printed: Printed, sheet: string): PdfPage[] {
  return printed.pages.filter((p) => sheetOfPage(p) === sheet);
}

/** The words of a header as pdftotext splits them (wrapped headers break at spaces). */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

function has(page: PdfPage, text: string): boolean {
  const words = page.words.map((w) => w.text);
  return wordsOf(text).every((w) => words.includes(w));
}

/** The English plan with `count` tasks instead of the samples. */
function manyTasks(plan: Plan, count: number): Plan {
  const steps = plan.steps.map((step) => {
    if (step.kind !== "addTable" || step.table !== "Tasks") return step;
    const rows = Array.from({ length: count }, (_, i) => {
      const row: Record<string, CellInput> = {
        id: `T-${String(i + 1).padStart(4, "0")}`,
        customer: "East China Precision Manufacturing Co.",
        path: "New customer",
        stage: "Proposal",
        action: `Follow-up ${i + 1}`,
        outputStandard: "Minutes sent to the customer",
        owner: "Sales rep Chen",
        due: excelSerial(TODAY) + (i % 30) - 10,
        status: "In progress",
      };
      return (step as AddTableStep).keys.map((key) => row[key] ?? null);
    });
    return { ...step, rows };
  });
  return { ...plan, steps };
}

async function print(dir: string, name: string, bytes: Buffer): Promise<Printed> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const pdf = await xlsxToPdf(file, dir);
  return { pdf, pages: await pdfWords(pdf), csv: await xlsxToCsv(file, join(dir, name), { asShown: true }) };
}

function row(table: Table, first: string): string[] {
  const found = table.find((r) => r.includes(first));
  if (!found) throw new Error(`no row with "${first}"`);
  return found.slice(found.indexOf(first));
}

describe("the workbook as a document, printed and recalculated by LibreOffice", () => {
  let dir: string;
  const printed = new Map<string, Printed>();

  beforeAll(async () => {
    dir = makeWorkDir("document");
    mkdirSync(OUTPUT, { recursive: true });
    for (const language of ["en-US", "zh-CN"] as const) {
      const built = await buildWorkbook({ language, sample: true, functions: false }, TODAY);
      printed.set(language, await print(dir, language, built.bytes));
    }
    for (const language of ["en-US", "zh-CN"] as const) {
      // The same workbook after a co-author set the lag alert to 5 days and due-soon to 7 on Settings.
      const changed = new ExcelJS.Workbook();
      await loadWorkbook(changed, (await buildWorkbook({ language, sample: true, functions: false }, TODAY)).bytes);
      namedCell(changed, "LagAlertDays")!.value = 5;
      namedCell(changed, "DueSoonDays")!.value = 7;
      printed.set(`${language} changed`, await print(dir, `${language}-changed`, Buffer.from(await changed.xlsx.writeBuffer())));
    }
    const long = newWorkbook();
    applyPlan(long, manyTasks(planNewWorkbook(long, { language: "en-US", sample: true, functions: false }, TODAY), 500));
    printed.set("500 tasks", await print(dir, "tasks500", Buffer.from(await long.xlsx.writeBuffer())));
  }, 600_000);

  afterAll(() => removeWorkDir(dir));

  for (const language of ["en-US", "zh-CN"] as const) {
    const key = LANGUAGE_KEYS[language];

    it(`${language}: prints ${SAMPLE_PAGES} pages, none blank, each sheet's tables one page wide`, () => {
      const { pages } = printed.get(language)!;
      expect(pages.length).toBe(SAMPLE_PAGES);
      for (const page of pages) expect({ page: page.number, words: page.words.filter((w) => w.yMin < page.height - 40).length > 0 }).toEqual({ page: page.number, words: true });
      for (const sheet of SHEETS.filter((s) => s.visible)) {
        const name = sheet.name[key];
        const onSheet = pagesOf(printed.get(language)!, name);
        expect({ sheet: name, pages: onSheet.length }).toEqual({ sheet: name, pages: 1 });
        // Every header of every table of the sheet, first column to last, is on that one page.
        for (const table of TABLES.filter((t) => t.sheet === sheet.key)) {
          const missing = table.columns.map((c) => c.header[key]).filter((h) => !has(onSheet[0], h));
          expect({ table: table.name, missing }).toEqual({ table: table.name, missing: [] });
        }
      }
    });

    it(`${language}: shows review metrics by meaning once recalculated (30%, not 0.30)`, () => {
      const review = printed.get(language)!.csv.get(SHEETS.find((s) => s.key === "review")!.name[key])!;
      const metric = (en: string, zh: string) => row(review, language === "en-US" ? en : zh).slice(1, 4);
      // Target, Actual, Variance of the sample data, worked out by hand from the sample rows.
      expect(metric("Win rate (%)", "赢单率（%）")).toEqual(["30%", "50%", "20%"]);
      expect(metric("Lead → opportunity conversion (%)", "线索→商机转化率（%）")).toEqual(["30%", "75%", "45%"]);
      expect(metric("Customer acquisition cost, CAC (amount)", "客户获取成本CAC（金额）")).toEqual(["20,000", "17,778", "-2,222"]);
      expect(metric("LTV / CAC (times)", "LTV/CAC（倍）")).toEqual(["3.0", "9.4", "6.4"]);
      expect(metric("Tasks lagging beyond alert days (count)", "滞后超预警天数的任务（个）")).toEqual(["0", "2", "2"]);
      // Churn of 2.5% keeps its tenth.
      expect(review.some((r) => r.includes("2.5%"))).toBe(true);
    });

    it(`${language}: prints a conversion goal's baseline, target and actual as percentages, a count goal's as whole numbers`, () => {
      // The Metric's conditional number format shows in print (a CSV holds the cell's own format).
      const page = pagesOf(printed.get(language)!, SHEETS.find((s) => s.key === "goals")!.name[key])[0];
      const metric = TABLES.find((t) => t.name === "SalesGoals")!.columns.find((c) => c.key === "metric")!.header[key];
      const left = page.words.find((w) => w.text === wordsOf(metric)[0])!.xMin;
      const line = (word: string) => {
        const at = page.words.find((w) => w.text === word && w.xMin >= left - 1)!;
        return page.words.filter((w) => Math.abs(w.yMin - at.yMin) < 2 && w.xMin > at.xMax).map((w) => w.text);
      };
      // Baseline, Target (then Start, Deadline...), the sample's own numbers.
      expect(line(language === "en-US" ? "rate" : "转化率").filter((w) => /^[\d.,]+%?$/.test(w)).slice(0, 2)).toEqual(["30%", "40%"]);
      expect(line(language === "en-US" ? "New" : "新签客户数").filter((w) => /^[\d.,]+%?$/.test(w)).slice(0, 2)).toEqual(["10", "15"]);
      expect(page.words.map((w) => w.text)).toContain("25%");
      expect(page.words.map((w) => w.text)).not.toContain("0.3");
    });

    it(`${language}: explains the Tasks colours with the thresholds Settings holds, live`, () => {
      const sheet = SHEETS.find((s) => s.key === "tasks")!.name[key];
      const legend = (which: string) => printed.get(which)!.csv.get(sheet)!.flat().filter((cell) => /Lagging|Overdue|Due within|滞后：|已逾期：|临近截止：/.test(cell));
      expect(legend(language)).toEqual(
        language === "en-US"
          ? ["Lagging: more than 3 days late", "Overdue: 1 to 3 days late", "Due within 3 days"]
          : ["滞后：逾期超过3天", "已逾期：逾期1至3天", "临近截止：3天内到期"],
      );
      expect(legend(`${language} changed`)).toEqual(
        language === "en-US"
          ? ["Lagging: more than 5 days late", "Overdue: 1 to 5 days late", "Due within 7 days"]
          : ["滞后：逾期超过5天", "已逾期：逾期1至5天", "临近截止：7天内到期"],
      );
    });

    it(`${language}: saves PNG pages of Tasks and Review for people to look at`, async () => {
      const doc = printed.get(language)!;
      for (const sheetKey of ["tasks", "review"]) {
        const page = pagesOf(doc, SHEETS.find((s) => s.key === sheetKey)!.name[key])[0];
        await renderPage(doc.pdf, page.number, 110, dir);
        copyFileSync(join(dir, `page-${page.number}-110.png`), join(OUTPUT, `${language}-${sheetKey}.png`));
      }
    });
  }

  it("repeats the header row on every page of a 500-task table, one page wide", () => {
    const tasks = pagesOf(printed.get("500 tasks")!, "Tasks");
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    const headers = TABLES.find((t) => t.name === "Tasks")!.columns.map((c) => c.header.en);
    for (const page of tasks) {
      const missing = headers.filter((h) => !has(page, h));
      expect({ page: page.number, missing }).toEqual({ page: page.number, missing: [] });
      // The header is the top row of the page.
      const id = page.words.find((w) => w.text === "ID")!;
      expect(page.words.filter((w) => /^T-\d{4}$/.test(w.text)).every((w) => w.yMin > id.yMin)).toBe(true);
    }
    const ids = tasks.flatMap((p) => p.words.filter((w) => /^T-\d{4}$/.test(w.text)).map((w) => w.text));
    expect(new Set(ids).size).toBe(500);
  });
});
