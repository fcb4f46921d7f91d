// Bench of the SALES custom functions: each range-taking function over 1,000,000 cells as
// Excel hands them (rows of one cell, some blank) against a plain for-loop over the same
// arrays in the same run (the floor), and the gzip size of the bundled functions code.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import { installCustomFunctions } from "../test/support/customFunctions";
import * as sales from "../src/functions/functions";

const CELLS = 1_000_000;
const RUNS = 25;

type Grid = unknown[][];

/**
 * A column of CELLS cells; every tenth is blank, as real columns have gaps. It goes through
 * JSON as Excel's values do on their way to a custom function, so its texts are strings as
 * JSON.parse makes them (V8 shares one string for each short text, and not for longer ones).
 */
function column(cell: (i: number) => unknown): Grid {
  const rows: Grid = new Array(CELLS);
  for (let i = 0; i < CELLS; i++) rows[i] = [i % 10 === 9 ? "" : cell(i)];
  return JSON.parse(JSON.stringify(rows)) as Grid;
}

/** The floor: one plain pass over each range, doing the least work a result needs. */
function plainLoop(grids: Grid[]): number {
  let acc = 0;
  for (const grid of grids) {
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") acc += v;
        else if (v === "won") acc++;
      }
    }
  }
  return acc;
}

/**
 * The process's CPU time, not wall time: a run that waits for a core while other programs
 * run is not slower, so the ratios hold better on a busy machine. Garbage collection on
 * helper threads counts.
 */
function millis(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest of RUNS runs of each, taken in turns so a garbage collection hits both alike. */
function fastestOfBoth(fn: () => unknown, floor: () => unknown): [number, number] {
  let best = Infinity;
  let bestFloor = Infinity;
  for (let i = 0; i < RUNS; i++) {
    best = Math.min(best, millis(fn));
    bestFloor = Math.min(bestFloor, millis(floor));
  }
  return [best, bestFloor];
}

async function gzipSize(): Promise<number> {
  const out = mkdtempSync(path.join(tmpdir(), "sales-functions-"));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
    const entry = path.resolve(__dirname, "../src/functions/functions.ts");
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          entry,
          context: path.resolve(__dirname, ".."),
          output: { path: out, filename: "functions.js" },
          resolve: { extensions: [".ts", ".js"] },
          module: {
            rules: [
              { test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } },
            ],
          },
          plugins: [new CustomFunctionsMetadataPlugin({ input: entry, output: "functions.json" })],
          devtool: false,
        },
        (error, result) => (error || !result ? reject(error ?? new Error("no stats")) : resolve(result)),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
    const code = readFileSync(path.join(out, "functions.js"));
    return gzipSync(code, { level: 9 }).length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Each range function's fastest time and its ratio to the floor, without the gzip build. */
export function timings(): Record<string, { ms: number; loopMs: number; ratio: number }> {
  installCustomFunctions();
  const amounts = column((i) => (i % 997) * 10);
  const counts = column((i) => (i % 7) + 1);
  const probabilities = column((i) => (i % 100) / 100);
  const dealStatuses = column((i) => ["open", "won", "lost", "Won", "赢单"][i % 5]);
  const taskStatuses = column((i) => ["in progress", "done", "not started", "已完成", "blocked"][i % 5]);
  const stages = column((i) => ["lead acquisition", "initial needs call", "product demo", "proposal", "产品演示", "signing"][i % 6]);
  const dueDates = column((i) => 46000 + (i % 400));

  const cases: Record<string, { grids: Grid[]; call: () => unknown }> = {
    CAC: { grids: [amounts, counts], call: () => sales.CAC(amounts, counts) },
    ATTAINMENT: { grids: [amounts, counts], call: () => sales.ATTAINMENT(amounts, counts) },
    COVERAGE: { grids: [amounts, counts], call: () => sales.COVERAGE(amounts, counts) },
    WINRATE: { grids: [dealStatuses], call: () => sales.WINRATE(dealStatuses) },
    WEIGHTED: {
      grids: [amounts, probabilities, dealStatuses],
      call: () => sales.WEIGHTED(amounts, probabilities, dealStatuses),
    },
    CONVERSION: { grids: [stages], call: () => sales.CONVERSION(stages, "lead acquisition", "proposal") },
    FUNNEL: { grids: [stages], call: () => sales.FUNNEL(stages) },
    OVERDUE: { grids: [dueDates, taskStatuses], call: () => sales.OVERDUE(dueDates, taskStatuses, 46200, 3) },
  };

  // Every case warms up both sides before any is timed: neither pays for compilation, and the
  // floor loop, which all cases share, has seen every kind of cell whichever case is timed first.
  for (const { grids, call } of Object.values(cases)) {
    call();
    plainLoop(grids);
  }
  const functions: Record<string, { ms: number; loopMs: number; ratio: number }> = {};
  for (const [name, { grids, call }] of Object.entries(cases)) {
    const [ms, loopMs] = fastestOfBoth(call, () => plainLoop(grids));
    functions[name] = { ms: round(ms), loopMs: round(loopMs), ratio: round(ms / loopMs) };
  }
  return functions;
}

export async function run(): Promise<Record<string, unknown>> {
  const functions = timings();
  const worstRatio = Math.max(...Object.values(functions).map((f) => f.ratio));
  // Ratios still move a little with what else the machine is doing (caches are shared); the load says how much.
  return { cells: CELLS, functions, worstRatio, ratioGoal: 3, gzipBytes: await gzipSize(), loadAverage: round(loadavg()[0]) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
