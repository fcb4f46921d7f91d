// The mutation score of the last `npm run mutate`, per folder, read from its JSON reports
// (test-output/mutation/<folder>/mutation.json, one per Stryker run, npm run mutate's folders
// or parts of them; a file in several takes the newest); "no report" when the command has not run here.
// The score is computed as Stryker computes it (mutation-testing-metrics): detected mutants
// (killed, or timed out: a planted bug that hangs a test is caught) over valid ones
// (killed + timeout + survived + noCoverage). Compile and runtime errors and ignored mutants
// are no test's merit or fault, so they count on neither side.
// Estimates from `npm run mutate -- <folder> --sample N` (test-output/mutation-sample/<folder>/
// estimate.json) are listed apart, under "samples": a sample's report holds only the drawn lines.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const REPORTS = path.resolve(__dirname, "../test-output/mutation");
const SAMPLES = path.resolve(__dirname, "../test-output/mutation-sample");

function filesNamed(dir: string, name: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((file) => path.basename(file) === name)
        .map((file) => path.join(dir, file))
    : [];
}

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

/** One report of the files of all, each file's mutants from the newest report that holds it. */
export function newestPerFile(reports: readonly { date: Date; report: Report }[]): Report {
  const files: Report["files"] = {};
  for (const { report } of [...reports].sort((a, b) => a.date.getTime() - b.date.getTime())) Object.assign(files, report.files);
  return { files };
}

export async function run(): Promise<Record<string, unknown> | string> {
  // test-output/mutation/<folder>/mutation.json, the folder a part of one too (domain/metrics)
  const found = filesNamed(REPORTS, "mutation.json");
  const samples = filesNamed(SAMPLES, "estimate.json").map((file) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
  if (found.length === 0 && samples.length === 0) return "no report";
  const reports = found.map((file) => ({ file, date: statSync(file).mtime, report: JSON.parse(readFileSync(file, "utf8")) as Report }));
  return {
    reports: Object.fromEntries(reports.map((r) => [path.relative(REPORTS, r.file), r.date.toISOString()])),
    folders: mutationScores(newestPerFile(reports)),
    ...(samples.length > 0 ? { samples } : {}),
  };
}
