// `npm run mutate [-- domain functions excel domain/plan …] [<stryker options>]`: one Stryker run
// per folder (a part of one, e.g. domain/metrics, too), each with its own reports and incremental
// file under test-output/mutation/<folder>/, so every folder gets a score even when a later one
// is stopped, and a re-run of one keeps the others' results (a run's report holds only the files
// it mutated; the bench takes each file from the newest report that holds it).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const FOLDERS = ["domain", "functions", "excel"];
const args = process.argv.slice(2);
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
  console.log(`\nnpm run mutate: src/${folder}`);
  const run = spawnSync(process.execPath, [stryker, "run", ...options], { stdio: "inherit", env: { ...process.env, MUTATE_FOLDER: folder } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
