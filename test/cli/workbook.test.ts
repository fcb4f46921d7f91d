import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { main, type Build, type Io } from "../../src/cli/workbookCommand";
import { buildWorkbook } from "../../src/xlsx/build";
import type { WorkbookOptions } from "../../src/cli/args";
import type { Language } from "../../src/domain/spec/vocabulary";

const ROOT = resolve(__dirname, "../..");

interface Captured extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

function capture(cwd: string, language: Language = "en-US", write?: Io["write"]): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, language, write, stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** A disk that refuses the write with Node's error `code`, as fs does. */
const failingWrite =
  (code: string): Io["write"] =>
  () => {
    throw Object.assign(new Error(`${code}: refused, open '/somewhere/.plan.xlsx.1.2.tmp'`), { code });
  };

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

  it.each([
    [["--lang", "fr-FR"], '--lang："fr-FR" 不是 en-US, zh-CN 之一'],
    [["--bogus"], '未知参数 "--bogus"（可用 --help 查看用法）'],
    [["--out"], "--out 需要一个值"],
    [["--out", "plan.csv"], '--out："plan.csv" 须以 .xlsx 结尾，或指向一个已有的文件夹'],
  ])("bad arguments %j in Chinese: one line, exit code 2", async (argv, message) => {
    const io = capture(dir, "zh-CN");
    expect(await main(argv, io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toBe(`workbook: ${message}\n`);
  });

  it("--out that is neither .xlsx nor an existing folder: says it may be either, nothing built", async () => {
    const io = capture(dir);
    const build = fakeBuild();
    expect(await main(["--out", "plans"], io, build)).toBe(2);
    expect(oneLine(io.stderr)).toBe('workbook: --out: "plans" must end in .xlsx, or name an existing folder\n');
    expect(build.calls).toEqual([]);
  });

  it("a folder that does not exist: one line naming the file and why, exit code 2, nothing built", async () => {
    const io = capture(dir);
    const build = fakeBuild();
    expect(await main(["--out", "missing/plan.xlsx"], io, build)).toBe(2);
    expect(oneLine(io.stderr)).toBe(`workbook: cannot write ${join(dir, "missing", "plan.xlsx")}: the folder does not exist\n`);
    expect(build.calls).toEqual([]);
  });

  it("a folder named with a trailing slash that does not exist: the folder does not exist, in Chinese too", async () => {
    const io = capture(dir, "zh-CN");
    expect(await main(["--out", "missing/"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toBe(`workbook: 无法写入 ${join(dir, "missing", "sales-plan.xlsx")}：文件夹不存在\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a path through a file (cannot be written): names the file in the way, exit code 2, no temporary file left", async () => {
    writeFileSync(join(dir, "notes.txt"), "a file, not a folder");
    const io = capture(dir);
    expect(await main(["--out", "notes.txt/plan.xlsx"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toBe(`workbook: cannot write ${join(dir, "notes.txt", "plan.xlsx")}: a part of the path is a file, not a folder\n`);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it.each([["archive.xlsx"], ["archive.xlsx/"], ["./archive.xlsx"]])(
    "--out %s naming an existing folder writes sales-plan.xlsx inside it",
    async (out) => {
      mkdirSync(join(dir, "archive.xlsx"));
      const io = capture(dir);
      expect(await main(["--out", out], io, fakeBuild())).toBe(0);
      expect(readFileSync(join(dir, "archive.xlsx", "sales-plan.xlsx"), "utf8")).toBe("built en-US");
      expect(readdirSync(join(dir, "archive.xlsx"))).toEqual(["sales-plan.xlsx"]);
      expect(io.stdout.join("")).toContain(`Wrote ${join(dir, "archive.xlsx", "sales-plan.xlsx")} (`);
      expect(io.stderr).toEqual([]);
    },
  );

  it("--out onto a folder that already holds sales-plan.xlsx leaves it untouched without --force", async () => {
    mkdirSync(join(dir, "plans"));
    writeFileSync(join(dir, "plans", "sales-plan.xlsx"), "last quarter");
    const io = capture(dir);
    expect(await main(["--out", "plans"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toBe(
      `workbook: ${join(dir, "plans", "sales-plan.xlsx")} already exists; it was left untouched (add --force to replace it)\n`,
    );
    expect(readFileSync(join(dir, "plans", "sales-plan.xlsx"), "utf8")).toBe("last quarter");
  });

  it("--out onto a folder whose sales-plan.xlsx is itself a folder: says so, even with --force", async () => {
    mkdirSync(join(dir, "plans", "sales-plan.xlsx"), { recursive: true });
    const io = capture(dir);
    expect(await main(["--out", "plans", "--force"], io, fakeBuild())).toBe(2);
    expect(oneLine(io.stderr)).toMatch(/^workbook: cannot write .*sales-plan\.xlsx: that is a folder \(/);
    expect(readdirSync(join(dir, "plans", "sales-plan.xlsx"))).toEqual([]);
  });

  it.each([
    ["EACCES", "permission denied", "没有写入权限"],
    ["ENOENT", "the folder does not exist", "文件夹不存在"],
    [
      "EISDIR",
      "that is a folder (name a file, or the folder alone to write sales-plan.xlsx into it)",
      "这是一个文件夹（请写文件名，或只写文件夹以在其中生成 sales-plan.xlsx）",
    ],
    ["ENOSPC", "the disk is full", "磁盘已满"],
    ["EROFS", "the disk is read-only", "磁盘为只读"],
    ["EBUSY", "the file is in use (close it in Excel and try again)", "文件正被占用（请在 Excel 中关闭后重试）"],
    ["EXYZ", "error EXYZ", "错误 EXYZ"],
  ])("a disk refusing with %s: the reason in one line, in both languages, exit code 2", async (code, english, chinese) => {
    const target = join(dir, "plan.xlsx");
    for (const [language, expected] of [
      ["en-US", `workbook: cannot write ${target}: ${english}\n`],
      ["zh-CN", `workbook: 无法写入 ${target}：${chinese}\n`],
    ] as const) {
      const io = capture(dir, language, failingWrite(code));
      expect(await main(["--out", "plan.xlsx"], io, fakeBuild())).toBe(2);
      expect(oneLine(io.stderr)).toBe(expected);
      expect(io.stdout).toEqual([]);
    }
  });

  it.each([
    [
      "en-US",
      "Usage: npm run workbook -- [--lang en-US|zh-CN] [--no-sample] [--functions] [--force] [--out FILE|FOLDER]",
      "an existing folder gets sales-plan.xlsx inside it",
    ],
    [
      "zh-CN",
      "用法：npm run workbook -- [--lang en-US|zh-CN] [--no-sample] [--functions] [--force] [--out 文件|文件夹]",
      "指向已有文件夹时在其中写 sales-plan.xlsx",
    ],
  ] as const)("--help in %s says --out may name a folder, and builds nothing", async (language, first, folder) => {
    const io = capture(dir, language);
    const build = fakeBuild();
    expect(await main(["--help"], io, build)).toBe(0);
    const help = io.stdout.join("");
    expect(help.split("\n")[0]).toBe(first);
    expect(help).toContain(folder);
    expect(build.calls).toEqual([]);
  });

  it("says what it wrote in Chinese when the system speaks Chinese", async () => {
    const io = capture(dir, "zh-CN");
    expect(await main(["--no-sample"], io, fakeBuild())).toBe(0);
    expect(io.stdout.join("")).toBe(`已写入 ${join(dir, "sales-plan.xlsx")}（en-US，无示例数据，可移植公式）：\n  Tasks: Tasks 2 行\n`);
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

  it("speaks the system's language: Chinese under LANG=zh_CN.UTF-8", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: "zh_CN.UTF-8" };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const run = spawnSync(tsx, [script, "--out", "/no-such-folder-for-the-planner/plan.xlsx"], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("workbook: 无法写入 /no-such-folder-for-the-planner/plan.xlsx：文件夹不存在\n");
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
