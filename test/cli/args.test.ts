import { parseArgs } from "../../src/cli/args";

describe("workbook command arguments", () => {
  it("defaults to an English workbook with sample data at ./sales-plan.xlsx", () => {
    expect(parseArgs([])).toEqual({
      kind: "run",
      options: { language: "en-US", sample: true, functions: false, force: false, out: "sales-plan.xlsx" },
    });
  });

  it("reads every option, in either --name value or --name=value form", () => {
    expect(parseArgs(["--lang", "zh-CN", "--no-sample", "--functions", "--force", "--out=plans/q3.xlsx"])).toEqual({
      kind: "run",
      options: { language: "zh-CN", sample: false, functions: true, force: true, out: "plans/q3.xlsx" },
    });
  });

  it("matches the language case-insensitively", () => {
    expect(parseArgs(["--lang=ZH-cn"])).toMatchObject({ kind: "run", options: { language: "zh-CN" } });
  });

  it.each([
    [["--lang", "fr-FR"], { code: "unknownLanguage", value: "fr-FR" }],
    [["--lang"], { code: "needsValue", name: "--lang" }],
    [["--lang", "--force"], { code: "needsValue", name: "--lang" }],
    [["--out=a.xlsx", "--out", "b.xlsx"], { code: "givenTwice", name: "--out" }],
    [["--sample"], { code: "unknownArgument", arg: "--sample" }],
    [["plan.xlsx"], { code: "unknownArgument", arg: "plan.xlsx" }],
    [["--force=yes"], { code: "takesNoValue", name: "--force", arg: "--force=yes" }],
  ])("%j is a problem naming the argument", (argv, problem) => {
    expect(parseArgs(argv)).toEqual({ kind: "error", problem });
  });

  it("leaves --out as typed: only the disk can tell a folder from a file", () => {
    expect(parseArgs(["--out", "plans"])).toMatchObject({ kind: "run", options: { out: "plans" } });
    expect(parseArgs(["--out=plans/"])).toMatchObject({ kind: "run", options: { out: "plans/" } });
  });

  it("asks for help with --help or -h, whatever else is given", () => {
    expect(parseArgs(["--force", "--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });
});
