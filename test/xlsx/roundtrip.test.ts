// A written file read back gives the planner the same picture as the workbook it came from:
// a current file needs nothing, an older one gets only what it lacks, and nothing a user
// typed is lost or turned into a formula on the way.
import ExcelJS from "exceljs";
import { plan } from "../../src/domain/plan";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import type { Language } from "../../src/domain/spec/vocabulary";
import { applyPlan } from "../../src/xlsx/apply";
import { buildWorkbook, newWorkbook } from "../../src/xlsx/build";
import { fileFormula } from "../../src/xlsx/formula";
import { loadWorkbook } from "../../src/xlsx/names";
import { readState } from "../../src/xlsx/read";
import { readDefinedNames, readZipEntry } from "../../src/xlsx/zipEntry";

const TODAY = "2025-07-01";

async function reload(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await loadWorkbook(workbook, Buffer.from(bytes as ArrayBuffer));
  return workbook;
}

/** Every cell of a sheet as text (formulas as their formula), keyed by address. */
function cells(sheet: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out[cell.address] = cell.formula ? `=${cell.formula}` : String(cell.value);
    }),
  );
  return out;
}

describe("a written .xlsx read back", () => {
  it.each<[Language, boolean]>([
    ["en-US", true],
    ["zh-CN", false],
  ])("%s (sample %s): planning again finds nothing to add", async (language, sample) => {
    const built = await buildWorkbook({ language, sample, functions: false }, TODAY);
    const file = await reload(built.bytes);
    const again = plan(WORKBOOK, readState(file), { language, sample, today: TODAY });
    expect(again.steps).toEqual([]);
  });

  it("--functions, with its array formula: planning again finds nothing to add, and the formula stays an array formula", async () => {
    const built = await buildWorkbook({ language: "en-US", sample: true, functions: true }, TODAY);
    const file = await reload(built.bytes);
    expect(plan(WORKBOOK, readState(file), { language: "en-US", sample: true, functions: true, today: TODAY }).steps).toEqual([]);
    const sheets = Array.from({ length: 20 }, (_, i) => readZipEntry(built.bytes, `xl/worksheets/sheet${i + 1}.xml`)?.toString("utf8") ?? "");
    const weighted = sheets.join("").match(/<c r="([A-Z]+\d+)"[^>]*><f( [^>]*)?>[^<]*_xldudf_SALES_WEIGHTED\(/);
    expect(weighted?.[2]).toBe(` t="array" ref="${weighted?.[1]}"`);
  });

  it("reads the language and schema version it wrote into Settings", async () => {
    const file = await reload((await buildWorkbook({ language: "zh-CN", sample: false, functions: false }, TODAY)).bytes);
    const state = readState(file);
    expect(state.language).toBe("zh-CN");
    expect(state.schemaVersion).toBe(WORKBOOK.schemaVersion);
    expect(state.sheets.find((s) => s.name === "设置")).toEqual({ name: "设置", visible: false, empty: false });
  });

  it("keeps the names ExcelJS cannot model (structured references) through a load and save", async () => {
    const bytes = (await buildWorkbook({ language: "en-US", sample: false, functions: false }, TODAY)).bytes;
    const before = readDefinedNames(bytes);
    expect(before.map((n) => n.refersTo)).toEqual(expect.arrayContaining(["Team[Name]", "Customers[Customer]"]));
    const resaved = Buffer.from(await (await reload(bytes)).xlsx.writeBuffer());
    const after = readDefinedNames(resaved);
    expect(new Map(after.map((n) => [n.name, n.refersTo]))).toEqual(new Map(before.map((n) => [n.name, n.refersTo])));
  });

  it("makes Days late a calculated column, so rows a co-author adds in Excel get the formula", async () => {
    const bytes = (await buildWorkbook({ language: "en-US", sample: false, functions: false }, TODAY)).bytes;
    const tables: string[] = [];
    for (let i = 1; ; i++) {
      const part = readZipEntry(bytes, `xl/tables/table${i}.xml`);
      if (!part) break;
      tables.push(part.toString("utf8"));
    }
    const tasks = tables.find((xml) => /<table [^>]*\bname="Tasks"/.test(xml));
    expect(tasks).toMatch(/<tableColumn [^>]*name="Days late"[^>]*><calculatedColumnFormula>IF\(OR\(Tasks\[\[#This Row\],\[Due\]\]=/);
  });

  it("loads a file with calculated columns in a fresh process (ExcelJS alone cannot)", async () => {
    const bytes = (await buildWorkbook({ language: "en-US", sample: false, functions: false }, TODAY)).bytes;
    let state: ReturnType<typeof readState> | undefined;
    await jest.isolateModulesAsync(async () => {
      const fresh = await import("exceljs");
      const names = await import("../../src/xlsx/names");
      const read = await import("../../src/xlsx/read");
      const workbook = new fresh.default.Workbook();
      await names.loadWorkbook(workbook, bytes);
      state = read.readState(workbook);
    });
    expect(state?.tables.find((t) => t.name === "Tasks")?.headers).toContain("Days late");
  });

  it("writes user text that looks like a formula as a string cell", async () => {
    const workbook = newWorkbook();
    const setup = plan(WORKBOOK, readState(workbook), { language: "en-US", sample: false, today: TODAY });
    const texts = ['=HYPERLINK("http://evil")', "+1", "-5% discount", "@SUM(A1)", "'quoted"];
    applyPlan(workbook, {
      ...setup,
      steps: setup.steps.map((step) =>
        step.kind === "addTable" && step.table === "Playbook"
          ? { ...step, rows: texts.map((text) => step.keys.map((key) => (key === "lesson" ? text : null))) }
          : step,
      ),
    });
    const file = await reload(await workbook.xlsx.writeBuffer());
    const sheet = file.getWorksheet("Playbook")!;
    const header = sheet.getRow(1).values as unknown[];
    const column = header.indexOf("Lesson");
    const read = texts.map((_, i) => sheet.getCell(2 + i, column));
    expect(read.map((cell) => [cell.type, cell.value])).toEqual(texts.map((text) => [ExcelJS.ValueType.String, text]));
  });

  it("upgrades an older file in place: adds what is missing, keeps every user cell", async () => {
    const older = newWorkbook();
    applyPlan(older, plan(WORKBOOK, readState(older), { language: "en-US", sample: true, today: TODAY, sheets: ["tasks"] }));
    const tasksSheet = older.getWorksheet("Tasks")!;
    tasksSheet.getCell("B3").value = "=typed by a rep";
    const file = await reload(await older.xlsx.writeBuffer());
    const before = cells(file.getWorksheet("Tasks")!);
    expect(file.getWorksheet("Risks")).toBeUndefined();

    const upgrade = plan(WORKBOOK, readState(file), { language: "en-US", sample: true, today: TODAY });
    expect(upgrade.steps.length).toBeGreaterThan(0);
    applyPlan(file, upgrade);
    const upgraded = await reload(await file.xlsx.writeBuffer());

    expect(upgraded.getWorksheet("Risks")).toBeDefined();
    const after = cells(upgraded.getWorksheet("Tasks")!);
    for (const [address, value] of Object.entries(before)) expect({ address, value: after[address] }).toEqual({ address, value });
    expect(plan(WORKBOOK, readState(upgraded), { language: "en-US", sample: true, today: TODAY }).steps).toEqual([]);
  });
});

describe("formulas as the file stores them", () => {
  async function formulas(functions: boolean): Promise<string[]> {
    const file = await reload((await buildWorkbook({ language: "en-US", sample: true, functions }, TODAY)).bytes);
    const out: string[] = [];
    for (const sheet of file.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula && out.push(cell.formula))));
    }
    return out;
  }

  it("are portable by default (no SALES.* call anywhere), and keep SALES.* with --functions, stored as Excel stores add-in functions", async () => {
    expect((await formulas(false)).filter((f) => /SALES[._]/.test(f))).toEqual([]);
    const kept = await formulas(true);
    expect(kept.some((f) => f.includes("_xldudf_SALES_ATTAINMENT("))).toBe(true);
    expect(kept.some((f) => f.includes("_xldudf_SALES_TIER("))).toBe(true);
    expect(kept.filter((f) => f.includes("SALES."))).toEqual([]);
  });

  it("prefixes functions newer than Excel 2007, never inside text, never twice", () => {
    expect(fileFormula('=IFS(A1>1,"IFS(",TRUE,FILTER(B:B,C:C))')).toBe('_xlfn.IFS(A1>1,"IFS(",TRUE,_xlfn._xlws.FILTER(B:B,C:C))');
    expect(fileFormula("=_xlfn.IFS(A1,1)+MAXIFS(A:A,B:B,1)")).toBe("_xlfn.IFS(A1,1)+_xlfn.MAXIFS(A:A,B:B,1)");
    expect(fileFormula('=SUM(A1:A3)+SALES.LTV(B1,B2,B3)&"SALES.LTV("')).toBe('SUM(A1:A3)+_xldudf_SALES_LTV(B1,B2,B3)&"SALES.LTV("');
    expect(fileFormula("=sales.tier(A1,B1,C1)")).toBe("_xldudf_SALES_TIER(A1,B1,C1)");
  });
});
