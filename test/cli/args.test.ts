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
    [["--lang", "fr-FR"], /--lang.*fr-FR.*en-US, zh-CN/],
    [["--lang"], /--lang needs a value/],
    [["--lang", "--force"], /--lang needs a value/],
    [["--out", "plan.csv"], /--out.*plan\.csv.*\.xlsx/],
    [["--out=a.xlsx", "--out", "b.xlsx"], /--out is given twice/],
    [["--sample"], /unknown argument "--sample"/],
    [["plan.xlsx"], /unknown argument "plan\.xlsx"/],
    [["--force=yes"], /--force takes no value/],
  ])("%j is an error naming the argument", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe("error");
    if (parsed.kind === "error") {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).not.toContain("\n");
    }
  });

  it("asks for help with --help or -h, whatever else is given", () => {
    expect(parseArgs(["--force", "--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });
});
