// `npm run mutate [-- domain functions excel domain/plan …] [<stryker options>]`: one Stryker run
// per folder (a part of one, e.g. domain/metrics, too), each with its own reports and incremental
// file under test-output/mutation/<folder>/, so every folder gets a score even when a later one
// is stopped, and a re-run of one keeps the others' results (a run's report holds only the files
// it mutated; the bench takes each file from the newest report that holds it).
// `--sample N [--seed S]`: instead, an estimate from random lines holding about N mutants
// (mutation/sample.mjs), reported under test-output/mutation-sample/<folder>/.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { drawLines, estimate, mutantsOf } from "./mutation/sample.mjs";

const FOLDERS = ["domain", "functions", "excel"];
const args = process.argv.slice(2);
/** Our own options, taken out before the rest goes to Stryker. */
function ours(name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`npm run mutate: ${name} takes a whole number above 0, not ${args[i + 1] ?? "nothing"}`);
    process.exit(2);
  }
  args.splice(i, 2);
  return value;
}
const sample = ours("--sample");
const seed = ours("--seed") ?? 20261201;
// folders first, then Stryker's own options with their values (--mutate 'src/domain/plan/**')
const firstOption = args.findIndex((a) => a.startsWith("-"));
const named = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const unknown = named.filter((f) => !FOLDERS.includes(f.split("/")[0]) || !existsSync(path.join("src", f)));
if (unknown.length > 0) {
  console.error(`npm run mutate: no folder src/${unknown.join(", src/")}; choose from ${FOLDERS.join(", ")} or a folder inside one`);
  process.exit(2);
}

const stryker = path.join(path.dirname(createRequire(import.meta.url).resolve("@stryker-mutator/core/package.json")), "bin/stryker.js");
for (const folder of named.length > 0 ? named : FOLDERS) {
  const env = { ...process.env, MUTATE_FOLDER: folder };
  const extra = [];
  let drawn;
  if (sample !== undefined) {
    drawn = drawLines(await mutantsOf(folder), sample, seed);
    env.MUTATE_OUT = `test-output/mutation-sample/${folder}`;
    extra.push("--mutate", drawn.ranges.join(","));
    console.log(
      `\nnpm run mutate: src/${folder}, a sample: ${drawn.lines} lines drawn (seed ${seed}) holding ${drawn.count} of its ${drawn.singleLine} single-line mutants (${drawn.all} in all)`,
    );
  } else console.log(`\nnpm run mutate: src/${folder}`);
  const run = spawnSync(process.execPath, [stryker, "run", ...options, ...extra], { stdio: "inherit", env });
  if (run.status !== 0) process.exit(run.status ?? 1);
  if (drawn) {
    const report = JSON.parse(readFileSync(`${env.MUTATE_OUT}/mutation.json`, "utf8"));
    const result = { folder: `src/${folder}`, seed, ...estimate(report, seed), singleLineMutants: drawn.singleLine, allMutants: drawn.all };
    writeFileSync(`${env.MUTATE_OUT}/estimate.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `npm run mutate: src/${folder} estimated ${result.score.toFixed(1)}% killed (95% interval ${result.low.toFixed(1)}-${result.high.toFixed(1)}%), from ${result.mutants} mutants on ${result.lines} lines`,
    );
  }
}
