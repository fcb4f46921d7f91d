// `npm run mutate -- <folder> --sample N` (scripts/mutation/sample.mjs): which lines it draws and
// how it turns their mutants into an estimate. The module is ES, so each case runs in node itself.
import { execFileSync } from "node:child_process";
import path from "node:path";

const SAMPLE = path.resolve(__dirname, "../../scripts/mutation/sample.mjs");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON printed by the module, shaped per case
function call(fn: "drawLines" | "estimate", ...args: unknown[]): any {
  const code = `import * as s from ${JSON.stringify(SAMPLE)}; process.stdout.write(JSON.stringify(s.${fn}(...${JSON.stringify(args)})));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }));
}

/** A mutant as Stryker's instrumenter gives it: lines counted from 0. */
const mutant = (file: string, line: number, endLine = line) => ({
  fileName: file,
  location: { start: { line, column: 0 }, end: { line: endLine, column: 9 } },
});

describe("drawing lines", () => {
  // a.ts: line 0 holds 3 mutants, line 1 holds 1, and one spans lines 2-5; b.ts line 7 holds 2
  const mutants = [
    mutant("a.ts", 0),
    mutant("a.ts", 0),
    mutant("a.ts", 0),
    mutant("a.ts", 1),
    mutant("a.ts", 2, 5),
    mutant("b.ts", 7),
    mutant("b.ts", 7),
  ];

  it("draws whole lines, as Stryker ranges counted from 1, until they hold the size asked", () => {
    const all = call("drawLines", mutants, 100, 7);
    expect(all.ranges.sort()).toEqual(["a.ts:1-1", "a.ts:2-2", "b.ts:8-8"]);
    expect(all).toMatchObject({ lines: 3, count: 6, singleLine: 6, all: 7 });
  });

  it("stops once the size is reached, and draws the same lines for the same seed", () => {
    const one = call("drawLines", mutants, 1, 7);
    expect(one.lines).toBe(1);
    expect(one.count).toBe({ "a.ts:1-1": 3, "a.ts:2-2": 1, "b.ts:8-8": 2 }[one.ranges[0] as string]);
    expect(call("drawLines", mutants, 1, 7)).toEqual(one);
  });
});

describe("the estimate", () => {
  const report = (statuses: Record<string, string[]>) => ({
    files: Object.fromEntries(
      Object.entries(statuses).map(([file, list]) => [
        file,
        { mutants: list.map((status, i) => ({ status, location: { start: { line: 1 + (i % 2) } } })) },
      ]),
    ),
  });

  it("counts killed and timed-out as caught over the valid ones, ignored and errors on neither side", () => {
    // lines a:1 [Killed, Survived, Ignored], a:2 [Timeout, NoCoverage, RuntimeError]: 2 caught of 4
    const e = call("estimate", report({ "a.ts": ["Killed", "Timeout", "Survived", "NoCoverage", "Ignored", "RuntimeError"] }), 1);
    expect(e).toMatchObject({ score: 50, mutants: 4, lines: 2 });
    expect(e.low).toBeLessThanOrEqual(50);
    expect(e.high).toBeGreaterThanOrEqual(50);
  });

  it("has no spread when every drawn mutant is caught", () => {
    const e = call("estimate", report({ "a.ts": ["Killed", "Killed", "Timeout"], "b.ts": ["Killed"] }), 1);
    expect(e).toEqual({ score: 100, low: 100, high: 100, mutants: 4, lines: 3 });
  });

  it("resamples lines: with one line all caught and one all missed, the interval runs from 0 to 100", () => {
    const e = call("estimate", report({ "a.ts": ["Killed", "Survived", "Killed", "Survived"] }), 3);
    expect(e).toMatchObject({ score: 50, low: 0, high: 100, lines: 2 });
  });
});
