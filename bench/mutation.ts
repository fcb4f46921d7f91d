// The mutation score of the last `npm run mutate`, per folder, read from its JSON report
// (test-output/mutation/mutation.json); "no report" when the command has not run here.
// The score is computed as Stryker computes it (mutation-testing-metrics): detected mutants
// (killed, or timed out: a planted bug that hangs a test is caught) over valid ones
// (killed + timeout + survived + noCoverage). Compile and runtime errors and ignored mutants
// are no test's merit or fault, so they count on neither side.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const REPORT = path.resolve(__dirname, "../test-output/mutation/mutation.json");

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
}

const STATUS_KEY: Record<string, keyof Tally> = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage" };

/** "src/domain/metrics/funnel.ts" counts for src/domain/metrics and for src/domain. */
function foldersOf(file: string): string[] {
  const parts = file.split(/[\\/]/).slice(0, -1);
  return parts.slice(1).map((_, i) => parts.slice(0, i + 2).join("/"));
}

export function mutationScores(report: Report): Record<string, Tally & { score: number | null }> {
  const tallies = new Map<string, Tally>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const folder of foldersOf(file)) {
      const tally = tallies.get(folder) ?? { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
      for (const { status } of mutants) if (status in STATUS_KEY) tally[STATUS_KEY[status]]++;
      tallies.set(folder, tally);
    }
  }
  return Object.fromEntries(
    [...tallies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([folder, t]) => {
        const valid = t.killed + t.timeout + t.survived + t.noCoverage;
        // percent, one decimal, as Stryker prints it
        const score = valid === 0 ? null : Math.round(((t.killed + t.timeout) / valid) * 1000) / 10;
        return [folder, { ...t, score }];
      }),
  );
}

export async function run(): Promise<Record<string, unknown> | string> {
  if (!existsSync(REPORT)) return "no report";
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;
  return { reportDate: statSync(REPORT).mtime.toISOString(), folders: mutationScores(report) };
}
