// The Tasks Stage drop-down offers the row's path's stages (SPEC section 2): the .xlsx writer
// stores the validation formula, and LibreOffice opens the file and reads each row's list from it.
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/xlsx/apply";
import { localToday, newWorkbook, planNewWorkbook } from "../../src/xlsx/build";
import { makeWorkDir, removeWorkDir, xlsxToCsv } from "../support/libreoffice";
import { STAGES_BY_PATH } from "../support/stagesByPath";

const forRow = (r: number) => STAGES_BY_PATH.slice(1).replaceAll("$C2", `Tasks!$C$${r}`);

describe("the Tasks Stage drop-down follows the row's path", () => {
  let dir: string;
  let stored: string[];
  let out: string[][];

  beforeAll(async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, planNewWorkbook(workbook, { language: "en-US", sample: false, functions: false }, localToday()));
    const tasks = workbook.getWorksheet("Tasks")!;
    const paths = ["new customer", "老客户", "", "EXISTING CUSTOMER "];
    paths.forEach((p, i) => (tasks.getCell(i + 2, 3).value = p === "" ? null : p));
    const probe = workbook.addWorksheet("Probe");
    paths.forEach((_, i) => {
      probe.getCell(i + 1, 1).value = { formula: `ROWS(${forRow(i + 2)})` } as ExcelJS.CellFormulaValue;
      probe.getCell(i + 1, 2).value = { formula: `INDEX(${forRow(i + 2)},1)` } as ExcelJS.CellFormulaValue;
    });
    dir = makeWorkDir("stages-by-path");
    const file = join(dir, "stages.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const model = (back.getWorksheet("Tasks") as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } })
      .dataValidations.model;
    stored = Object.values(model)
      .filter((v) => v.type === "list")
      .map((v) => String(v.formulae[0]));
    const csv = await xlsxToCsv(file, dir);
    out = [...csv.entries()].find(([name]) => name.includes("Probe"))![1];
  });
  afterAll(() => removeWorkDir(dir));

  it("is stored in the file as the formula, the one drop-down that is not a Settings name", () => {
    expect(stored).toContain(STAGES_BY_PATH.slice(1));
    expect(stored.filter((f) => f.startsWith("IF("))).toHaveLength(1);
  });

  it("gives LibreOffice the new-customer stages, the existing-customer ones in either language and any case, and every stage while the path is blank", () => {
    expect(out.map((r) => [Number(r[0]), r[1]])).toEqual([
      [6, "Lead acquisition"],
      [4, "Periodic review visit"],
      [10, "Lead acquisition"],
      [4, "Periodic review visit"],
    ]);
  });
});
