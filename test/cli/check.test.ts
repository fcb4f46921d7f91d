import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { main, todaySerial, type CheckDependencies } from "../../src/cli/checkCommand";
import type { Io } from "../../src/cli/workbookCommand";
import type { Finding } from "../../src/domain/validation/types";
import { buildWorkbook } from "../../src/xlsx/build";
import { loadWorkbook } from "../../src/xlsx/names";
import { readWorkbookFile } from "../../src/xlsx/readFile";
import { zip } from "../support/zip";

const ROOT = resolve(__dirname, "../..");

interface Captured extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

function capture(cwd: string, language: "en-US" | "zh-CN" = "en-US"): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, language, stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

function oneLine(io: Captured): string {
  expect(io.stderr).toHaveLength(1);
  expect(io.stderr[0]).toMatch(/^check: [^\n]+\n$/);
  return io.stderr[0];
}

const finding = (over: Partial<Finding>): Finding => ({
  severity: "error",
  code: "required",
  sheet: "Tasks",
  table: "Tasks",
  row: 2,
  columnNumber: 1,
  column: "ID",
  cell: "A2",
  value: null,
  ...over,
});

/** The real reader, a stand-in for the rules: the command's own behaviour, whatever the rules find. */
function withFindings(findings: Finding[]): CheckDependencies & { checked: number } {
  const deps = {
    checked: 0,
    read: readWorkbookFile,
    check: () => {
      deps.checked++;
      return findings;
    },
    describe: (f: Finding, language: string) => `${language}:${f.code}`,
    describeProblem: (f: Finding, language: string) => `${language}:${f.code}:problem`,
    today: 46352,
  };
  return deps;
}

describe("npm run check", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sales-planner-check-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function written(name: string, language: "en-US" | "zh-CN", sample: boolean, functions: boolean): Promise<string> {
    const path = join(dir, name);
    writeFileSync(path, (await buildWorkbook({ language, sample, functions })).bytes);
    return path;
  }

  describe.each([
    ["en-US", true, false],
    ["zh-CN", true, false],
    ["en-US", true, true],
    ["zh-CN", true, true],
    ["en-US", false, false],
    ["zh-CN", false, true],
  ] as const)("the workbook npm run workbook writes (%s, sample %s, --functions %s)", (language, sample, functions) => {
    it("checks with zero errors, exit 0, and the file is left as it was", async () => {
      const path = await written(`plan-${language}-${sample}-${functions}.xlsx`, language, sample, functions);
      const before = readFileSync(path);
      const mtime = statSync(path).mtimeMs;
      const io = capture(dir);
      expect(await main([path, "--json"], io)).toBe(0);
      const report = JSON.parse(io.stdout.join(""));
      expect(report.counts.errors).toBe(0);
      expect(report.findings.filter((f: Finding) => f.severity === "error")).toEqual([]);
      expect(report.language).toBe(language);
      expect(io.stderr).toEqual([]);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(statSync(path).mtimeMs).toBe(mtime);
    });
  });

  it("a table the user added to the workbook is read and left alone: still no error", async () => {
    const path = join(dir, "with-user-table.xlsx");
    const workbook = new ExcelJS.Workbook();
    await loadWorkbook(workbook, (await buildWorkbook({ language: "en-US", sample: true, functions: false })).bytes);
    workbook
      .addWorksheet("My notes")
      .addTable({ name: "MyNotes", ref: "A1", columns: [{ name: "Note" }, { name: "Status" }], rows: [["call Acme", "whatever"]] });
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const read = await readWorkbookFile(path);
    expect(read.kind === "read" && read.snapshot.tables.some((t) => t.name === "MyNotes")).toBe(true);
    const io = capture(dir);
    expect(await main([path, "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout.join("")).counts.errors).toBe(0);
  });

  describe("files that cannot be checked: exit 2, one line naming the file and why, the file untouched", () => {
    const cases: [string, (path: string) => Promise<void> | void, RegExp][] = [
      ["missing", () => undefined, /no such file/],
      ["empty", (p) => writeFileSync(p, ""), /empty/],
      ["not a zip", (p) => writeFileSync(p, "Name,Owner\nAcme,Li Lei\n"), /not an \.xlsx file/],
      ["a zip that is not a workbook", (p) => writeFileSync(p, zip({ "notes.txt": "hello" })), /not an Excel workbook/],
      [
        "a zip whose workbook part is damaged",
        (p) => writeFileSync(p, zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook><sheets><sheet" })),
        /damaged/,
      ],
      [
        "an .xlsx without any of the planner's tables",
        async (p) => {
          const wb = new ExcelJS.Workbook();
          wb.addWorksheet("Budget").addTable({ name: "Budget", ref: "A1", columns: [{ name: "Item" }], rows: [["Rent"]] });
          writeFileSync(p, Buffer.from(await wb.xlsx.writeBuffer()));
        },
        /none of the planner's tables/,
      ],
      [
        "truncated",
        async (p) => {
          const bytes = (await buildWorkbook({ language: "en-US", sample: true, functions: false })).bytes;
          writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length / 2)));
        },
        /cut short/,
      ],
      ["a folder", (p) => mkdirSync(p), /folder/],
    ];

    it.each(cases)("%s", async (kind, make, reason) => {
      const path = join(dir, `${kind.replace(/\W+/g, "-")}.xlsx`);
      await make(path);
      const exists = kind !== "missing";
      const before = exists && kind !== "a folder" ? readFileSync(path) : undefined;
      const mtime = exists ? statSync(path).mtimeMs : undefined;
      const io = capture(dir);
      const deps = withFindings([]);
      expect(await main([path], io, deps)).toBe(2);
      const line = oneLine(io);
      expect(line).toContain(path);
      expect(line).toMatch(reason);
      expect(io.stdout).toEqual([]);
      expect(deps.checked).toBe(0);
      if (before) expect(readFileSync(path).equals(before)).toBe(true);
      if (exists) expect(statSync(path).mtimeMs).toBe(mtime);
    });

    it("in the system's language, or the one --lang asks for", async () => {
      const io = capture(dir);
      expect(await main([join(dir, "nowhere.xlsx"), "--lang", "zh-CN"], io, withFindings([]))).toBe(2);
      expect(oneLine(io)).toMatch(/无法检查 .*nowhere\.xlsx：文件不存在/);
      const chinese = capture(dir, "zh-CN");
      expect(await main([join(dir, "nowhere.xlsx")], chinese, withFindings([]))).toBe(2);
      expect(oneLine(chinese)).toMatch(/无法检查 .*nowhere\.xlsx：文件不存在/);
      const english = capture(dir, "zh-CN");
      expect(await main([join(dir, "nowhere.xlsx"), "--lang=en-US"], english, withFindings([]))).toBe(2);
      expect(oneLine(english)).toMatch(/cannot check .*nowhere\.xlsx: there is no such file/);
    });
  });

  describe("arguments", () => {
    it.each([
      [[], /name the \.xlsx file/],
      [["a.xlsx", "b.xlsx"], /one file at a time \("b\.xlsx"/],
      [["a.xlsx", "--lang", "fr-FR"], /--lang: "fr-FR"/],
      [["a.xlsx", "--lang"], /--lang needs a value/],
      [["a.xlsx", "--lang", "en-US", "--lang", "zh-CN"], /--lang is given twice/],
      [["a.xlsx", "--json=yes"], /--json takes no value/],
      [["a.xlsx", "--fix"], /unknown argument "--fix"/],
    ])("%j: exit 2, one line, nothing read", async (argv, message) => {
      const io = capture(dir);
      const deps = withFindings([]);
      let reads = 0;
      expect(await main(argv, io, { ...deps, read: async (p) => (reads++, deps.read(p)) })).toBe(2);
      expect(oneLine(io)).toMatch(message);
      expect(reads).toBe(0);
    });

    it("--help prints the usage in the language asked for, exit 0", async () => {
      const io = capture(dir);
      expect(await main(["--help"], io)).toBe(0);
      expect(io.stdout.join("")).toMatch(/^Usage: npm run check -- FILE\.xlsx \[--json\] \[--lang/);
      const zh = capture(dir);
      expect(await main(["--help", "--lang", "zh-CN"], zh)).toBe(0);
      expect(zh.stdout.join("")).toMatch(/^用法：npm run check/);
    });

    it("a relative FILE is found in the folder the command was run from", async () => {
      await written("relative.xlsx", "en-US", false, false);
      const io = capture(dir);
      expect(await main(["relative.xlsx"], io, withFindings([]))).toBe(0);
      expect(io.stdout.join("")).toContain(join(dir, "relative.xlsx"));
    });
  });

  describe("what it prints", () => {
    let path: string;
    beforeAll(async () => {
      path = await written("printed.xlsx", "zh-CN", true, false);
    });
    const findings = [
      finding({ sheet: "任务矩阵", row: 7, columnNumber: 11, column: "状态", cell: "K7", code: "list", value: "finished" }),
      finding({ sheet: "商机", row: 3, columnNumber: 12, column: "输单原因", cell: "L3", code: "lostReason", severity: "warning" }),
      finding({ sheet: "任务矩阵", row: 4, columnNumber: 1, column: "编号", cell: "A4", code: "unique", value: "T-001" }),
      finding({ sheet: "客户分层", row: 2, columnNumber: 14, column: "负责人", cell: "N2", code: "roster", severity: "warning", value: "Zhao" }),
    ];

    it("findings grouped by sheet in the workbook's order, by row within a sheet, with counts; exit 1 with errors", async () => {
      const io = capture(dir);
      expect(await main([path], io, withFindings(findings))).toBe(1);
      const lines = io.stdout.join("").split("\n");
      expect(lines[0]).toBe(`${path}：3 个工作表中有 2 个错误，2 个警告。`);
      const headings = lines.filter((l) => l !== "" && !l.startsWith(" ")).slice(1);
      // Customers' sheet comes before Tasks' and Pipeline's in the workbook.
      expect(headings).toEqual(["客户分层（1 个警告）", "任务矩阵（2 个错误）", "商机（1 个警告）"]);
      const tasks = lines.slice(lines.indexOf("任务矩阵（2 个错误）") + 1, lines.indexOf("任务矩阵（2 个错误）") + 3);
      expect(tasks[0]).toMatch(/^ {2}A4 +错误 +编号: zh-CN:unique:problem$/);
      expect(tasks[1]).toMatch(/^ {2}K7 +错误 +状态: zh-CN:list:problem$/);
    });

    it("warnings only: exit 0; --lang words the findings in the language asked for", async () => {
      const io = capture(dir);
      expect(await main([path, "--lang", "en-US"], io, withFindings(findings.filter((f) => f.severity === "warning")))).toBe(0);
      const text = io.stdout.join("");
      expect(text).toContain(`${path}: 2 warnings on 2 sheets.`);
      expect(text).toContain("N2     warning  负责人: en-US:roster:problem");
    });

    it("--json: the findings as data, each with its message, and the counts", async () => {
      const io = capture(dir);
      expect(await main([path, "--json"], io, withFindings(findings))).toBe(1);
      const report = JSON.parse(io.stdout.join(""));
      expect(report).toEqual({
        file: path,
        language: "zh-CN",
        counts: { errors: 2, warnings: 2 },
        sheets: [
          { sheet: "客户分层", errors: 0, warnings: 1 },
          { sheet: "任务矩阵", errors: 2, warnings: 0 },
          { sheet: "商机", errors: 0, warnings: 1 },
        ],
        findings: [findings[3], findings[2], findings[0], findings[1]].map((f) => ({ ...f, message: `zh-CN:${f.code}` })),
      });
    });

    it("today is the local calendar day as an Excel serial", () => {
      expect(todaySerial(new Date(2026, 10, 26, 23, 59))).toBe(46352);
      expect(todaySerial(new Date(1970, 0, 1, 0, 1))).toBe(25569);
    });
  });

  describe("as a process", () => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const script = join(ROOT, "src", "cli", "check.ts");
    it("a bad file: exit code 2 and one line on stderr, no stack trace", () => {
      const path = join(dir, "process-bad.xlsx");
      writeFileSync(path, "not a workbook");
      const run = spawnSync(tsx, [script, path], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, INIT_CWD: dir, LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" },
      });
      expect(run.status).toBe(2);
      expect(run.stderr.split("\n").filter(Boolean)).toEqual([
        `check: cannot check ${path}: it is not an .xlsx file (an .xlsx is a zip archive; this is not one)`,
      ]);
      expect(run.stdout).toBe("");
    });

    it("a written workbook, --json: exit 0 and JSON on stdout", async () => {
      await written("process-good.xlsx", "en-US", true, false);
      const run = spawnSync(tsx, [script, "process-good.xlsx", "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, INIT_CWD: dir, LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).counts.errors).toBe(0);
    });
  });
});
