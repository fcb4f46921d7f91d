// The workbook as a printed and read document, through LibreOffice: the sample workbook in both
// languages and a 500-task workbook, printed to PDF and recalculated to CSV (cells as shown).
// PNG pages of the sheets a newcomer looks at first go to test-output/document for people to see.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AddTableStep, CellInput, Plan } from "../../src/domain/plan/types";
import { excelSerial } from "../../src/domain/plan/address";
import { applyPlan } from "../../src/xlsx/apply";
import { buildWorkbook, localToday, newWorkbook, planNewWorkbook } from "../../src/xlsx/build";
import { TABLES, SHEETS, OVERVIEW } from "../../src/domain/spec/workbook";

/** The overview lists the first ten names of the Team roster. */
const OVERVIEW_OWNER_ROWS = 10;
import { DEAL_STATUS, RISK_STATUS, TASK_STATUS, type TermList } from "../../src/domain/spec/vocabulary";
import type { Language } from "../../src/domain/spec/vocabulary";
import { loadWorkbook, namedCell } from "../../src/xlsx/names";
import ExcelJS from "exceljs";
import { makeWorkDir, pdfWords, removeWorkDir, renderPage, xlsxToCsv, xlsxToPdf, type PdfPage, type Table } from "../support/libreoffice";

const TODAY = localToday();
const OUTPUT = join(__dirname, "..", "..", "test-output", "document");
const LANGUAGE_KEYS: Record<Language, "en" | "zh"> = { "en-US": "en", "zh-CN": "zh" };

/** Sample pages: one per visible sheet, each one page wide (worked out by hand: the overview and 9 sheets, few rows). */
const SAMPLE_PAGES = 10;

interface Printed {
  readonly pdf: string;
  readonly pages: PdfPage[];
  readonly csv: Map<string, Table>;
}

/** The sheet a page belongs to, from its footer ("Tasks — page 2 of 9"). */
function sheetOfPage(page: PdfPage): string {
  const footer = page.words.filter((w) => w.yMin > page.height - 40).sort((a, b) => a.xMin - b.xMin);
  const dash = footer.findIndex((w) => w.text === "—");
  return footer
    .slice(0, dash)
    .map((w) => w.text)
    .join(" ");
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
      for (const page of pages)
        expect({ page: page.number, words: page.words.filter((w) => w.yMin < page.height - 40).length > 0 }).toEqual({
          page: page.number,
          words: true,
        });
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
      expect(
        line(language === "en-US" ? "rate" : "转化率")
          .filter((w) => /^[\d.,]+%?$/.test(w))
          .slice(0, 2),
      ).toEqual(["30%", "40%"]);
      expect(
        line(language === "en-US" ? "New" : "新签客户数")
          .filter((w) => /^[\d.,]+%?$/.test(w))
          .slice(0, 2),
      ).toEqual(["10", "15"]);
      expect(page.words.map((w) => w.text)).toContain("25%");
      expect(page.words.map((w) => w.text)).not.toContain("0.3");
    });

    it(`${language}: explains the Tasks colours with the thresholds Settings holds, live`, () => {
      const sheet = SHEETS.find((s) => s.key === "tasks")!.name[key];
      const legend = (which: string) =>
        printed
          .get(which)!
          .csv.get(sheet)!
          .flat()
          .filter((cell) => /Lagging|Overdue|Due within|滞后：|已逾期：|临近截止：/.test(cell));
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
      for (const sheetKey of ["overview", "tasks", "review"]) {
        const page = pagesOf(doc, SHEETS.find((s) => s.key === sheetKey)!.name[key])[0];
        await renderPage(doc.pdf, page.number, 110, dir);
        copyFileSync(join(dir, `page-${page.number}-110.png`), join(OUTPUT, `${language}-${sheetKey}.png`));
      }
    });
  }

  for (const language of ["en-US", "zh-CN"] as const) {
    it(`${language}: the overview's figures are the tables' own, counted here from the recalculated sheets`, () => {
      const key = LANGUAGE_KEYS[language];
      const csv = printed.get(language)!.csv;
      const sheet = (k: string) => csv.get(SHEETS.find((s) => s.key === k)!.name[key])!;
      const columnOf = (table: Table, tableName: string, column: string) => {
        const header = TABLES.find((t) => t.name === tableName)!.columns.find((c) => c.key === column)!.header[key];
        const at = table[0].indexOf(header);
        if (at < 0) throw new Error(`no ${header}`);
        return table
          .slice(1)
          .filter((r) => r.some((cell) => cell !== ""))
          .map((r) => r[at]);
      };
      const is = (terms: TermList, keys: string[]) => (word: string) =>
        terms.terms.some((t) => keys.includes(t.key) && (t.en.toLowerCase() === word.toLowerCase() || t.zh === word));
      const number = (text: string) => (text.endsWith("%") ? Number(text.slice(0, -1).replace(/,/g, "")) / 100 : Number(text.replace(/,/g, "")));
      const today = excelSerial(TODAY);

      // Tasks: open tasks late by more than the lag alert days (3), and late at all.
      const tasks = sheet("tasks");
      const due = columnOf(tasks, "Tasks", "due").map((d) => (d ? excelSerial(d) : NaN));
      const status = columnOf(tasks, "Tasks", "status");
      const owner = columnOf(tasks, "Tasks", "owner");
      const open = status.map((s) => !is(TASK_STATUS, ["done", "cancelled"])(s));
      const late = (more: number, who?: string) =>
        due.filter((d, i) => open[i] && today - d > more && (who === undefined || owner[i] === who)).length;
      // Pipeline: won / decided, and open amount x probability.
      const pipeline = sheet("pipeline");
      const deal = columnOf(pipeline, "Pipeline", "status");
      const won = deal.filter(is(DEAL_STATUS, ["won"])).length;
      const lost = deal.filter(is(DEAL_STATUS, ["lost"])).length;
      const amounts = columnOf(pipeline, "Pipeline", "amount").map(number);
      const chances = columnOf(pipeline, "Pipeline", "probability").map(number);
      const weighted = deal.reduce((sum, d, i) => (is(DEAL_STATUS, ["open"])(d) ? sum + amounts[i] * chances[i] : sum), 0);
      // Customers whose next contact is within the due-soon days (3) or past; open risks scoring 15 or more.
      const contacts = columnOf(sheet("customers"), "Customers", "nextContact").filter((d) => d && excelSerial(d) <= today + 3).length;
      const risks = sheet("risks");
      const scores = columnOf(risks, "Risks", "score").map(number);
      const highRisks = columnOf(risks, "Risks", "status").filter((s, i) => is(RISK_STATUS, ["open"])(s) && scores[i] >= 15).length;
      // Goals: the average of actual / target.
      const goals = sheet("goals");
      const actual = columnOf(goals, "SalesGoals", "actual").map(number);
      const target = columnOf(goals, "SalesGoals", "target").map(number);
      const attainment = actual.reduce((sum, a, i) => sum + a / target[i], 0) / actual.length;

      const overview = sheet("overview");
      const figure = (row: number) => overview[row - 1][1];
      const label = (row: number) => (OVERVIEW.rows[row - 1][0].value as { en: string; zh: string })[key];
      expect(overview[11][0]).toBe(label(12));
      expect({
        attainment: figure(12),
        weighted: figure(13),
        winRate: figure(14),
        lagging: figure(15),
        overdue: figure(16),
        contacts: figure(17),
        highRisks: figure(18),
      }).toEqual({
        attainment: `${Math.round(attainment * 100)}%`,
        weighted: weighted.toLocaleString("en-US"),
        winRate: `${Math.round((won / (won + lost)) * 100)}%`,
        lagging: String(late(3)),
        overdue: String(late(0)),
        contacts: String(contacts),
        highRisks: String(highRisks),
      });
      // Per owner, for every name of the Team roster.
      const ownerHead = overview.findIndex((r) => r[0] === (OVERVIEW.rows[20][0].value as { en: string; zh: string })[key]);
      const perOwner = overview
        .slice(ownerHead + 1, ownerHead + 1 + OVERVIEW_OWNER_ROWS)
        .filter((r) => r[0] !== "" && r[1] !== "" && /^\d+$/.test(r[1]))
        .map((r) => r.slice(0, 3));
      const team = csv.get(SHEETS.find((s) => s.key === "settings")!.name[key])!;
      const rosterHeader = TABLES.find((t) => t.name === "Team")!.columns[0].header[key];
      const rosterAt = team[0].lastIndexOf(rosterHeader);
      const roster = team
        .slice(1)
        .map((r) => r[rosterAt])
        .filter((n) => n);
      expect(perOwner).toEqual(roster.map((name) => [name, String(late(3, name)), String(late(0, name))]));
      expect(late(0)).toBeGreaterThan(late(3));
      // The funnel, row for row as Review has it.
      const review = sheet("review");
      const stageHeader = TABLES.find((t) => t.name === "ReviewFunnel")!.columns[0].header[key];
      const funnelAt = review[0].lastIndexOf(stageHeader);
      const funnel = review
        .slice(1)
        .filter((r) => r[funnelAt])
        .map((r) => r.slice(funnelAt, funnelAt + 3));
      const funnelHead = overview.findIndex((r, i) => i > ownerHead && r[0] === stageHeader);
      expect(overview.slice(funnelHead + 1, funnelHead + 1 + funnel.length).map((r) => r.slice(0, 3))).toEqual(funnel);
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
