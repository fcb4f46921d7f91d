import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { main, type Build, type Io } from "../../src/cli/workbookCommand";
import { buildWorkbook } from "../../src/xlsx/build";
import type { WorkbookOptions } from "../../src/cli/args";

const ROOT = resolve(__dirname, "../..");

interface Captured extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

function capture(cwd: string): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** A stand-in build that records what it was asked for and returns recognisable bytes. */
function fakeBuild(): Build & { calls: WorkbookOptions[] } {
  const calls: WorkbookOptions[] = [];
  const build = async (options: WorkbookOptions) => {
    calls.push(options);
    return { bytes: Buffer.from(`built ${options.language}`), sheets: [{ name: "Tasks", hidden: false, tables: [{ name: "Tasks", rows: 2 }] }] };
  };
  return Object.assign(build, { calls });
}

function oneLine(lines: string[]): string {
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^workbook: [^\n]+\n$/);
  return lines[0];
}

describe("npm run workbook", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "sales-planner-cli-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes ./sales-plan.xlsx in the folder it was run from and says what it wrote", async () => {
    const io = capture(dir);
    const build = fakeBuild();
    expect(await main([], io, build)).toBe(0);
    expect(readFileSync(join(dir, "sales-plan.xlsx"), "utf8")).toBe("built en-US");
    expect(build.calls).toEqual([{ language: "en-US", sample: true, functions: false, force: false, out: "sales-plan.xlsx" }]);
    expect(io.stdout.join("")).toContain(join(dir, "sales-plan.xlsx"));
    expect(io.stdout.join("")).toMatch(/Tasks: Tasks 2 rows/);
    expect(io.stderr).toEqual([]);
  });

  it.each([
    [["--lang", "fr-FR"], /--lang/],
    [["--bogus"], /--bogus/],
    [["--out"], /--out needs a value/],
  ])("bad arguments %j: one line on stderr, exit code 2, nothing built", async (argv, message) => {
    const io = capture(dir);
    const build = fakeBuild();
    expect(await main(argv, io, build)).toBe(2);
    expect(oneLine(io.stderr)).toMatch(message);
    expect(build.calls).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a folder that does not exist: one line naming it, exit code 2", async () => {
    const io = capture(dir);
    expect(await main(["--out", "missing/plan.xlsx"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toContain(join(dir, "missing"));
  });

  it("a path through a file (cannot be written): one line, exit code 2, no temporary file left", async () => {
    writeFileSync(join(dir, "notes.txt"), "a file, not a folder");
    const io = capture(dir);
    expect(await main(["--out", "notes.txt/plan.xlsx"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toMatch(/cannot write .*notes\.txt\/plan\.xlsx/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("--out naming a folder: one line, exit code 2, the folder untouched", async () => {
    mkdirSync(join(dir, "archive.xlsx"));
    const io = capture(dir);
    expect(await main(["--out", "archive.xlsx", "--force"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toMatch(/archive\.xlsx is a folder/);
    expect(readdirSync(join(dir, "archive.xlsx"))).toEqual([]);
  });

  it("leaves an existing file byte for byte untouched without --force", async () => {
    const target = join(dir, "plan.xlsx");
    writeFileSync(target, "the team's real plan");
    const before = statSync(target).mtimeMs;
    const io = capture(dir);
    const build = fakeBuild();
    expect(await main(["--out", "plan.xlsx"], io, build)).toBe(2);
    expect(oneLine(io.stderr)).toMatch(/already exists.*--force/);
    expect(readFileSync(target, "utf8")).toBe("the team's real plan");
    expect(statSync(target).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
    expect(build.calls).toEqual([]);
  });

  it("replaces an existing file with --force, leaving no temporary file", async () => {
    const target = join(dir, "plan.xlsx");
    writeFileSync(target, "old");
    const io = capture(dir);
    expect(await main(["--out", "plan.xlsx", "--force", "--lang", "zh-CN"], io, fakeBuild())).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("built zh-CN");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  it("--lang zh-CN writes a workbook whose sheets have the seed's Chinese names", async () => {
    const io = capture(dir);
    expect(await main(["--lang", "zh-CN", "--out", "计划.xlsx"], io, buildWorkbook)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "计划.xlsx"));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["销售目标", "策略规划", "市场分析", "客户分层", "任务矩阵", "商机", "风险预警", "复盘", "经验沉淀", "设置"]),
    );
    expect(io.stdout.join("")).toContain("任务矩阵");
  });
});

describe("npm run workbook, as a real process", () => {
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const script = join(ROOT, "src", "cli", "workbook.ts");

  it("exits with code 2 and one line on stderr for a bad argument", () => {
    const run = spawnSync(tsx, [script, "--lang", "klingon"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^workbook: --lang: "klingon"/);
  });

  it("writes where the user ran npm from (INIT_CWD), not the package folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "sales-planner-cli-run-"));
    try {
      const run = spawnSync(tsx, [script, "--no-sample", "--out", "empty.xlsx"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, INIT_CWD: dir },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(readFileSync(join(dir, "empty.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
    } finally {
      rmSync(join(dir), { recursive: true, force: true });
    }
  });
});
