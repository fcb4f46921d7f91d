// jest `filter` for `npm run mutate` only: while Stryker tests a mutant, keep the test files
// whose tests reached it (recorded by recordCoverage.cjs). Anything unknown runs every file,
// as Stryker would, so a gap here costs time, never a wrong result.
const fs = require("node:fs");
const path = require("node:path");

const MAP = path.join(process.cwd(), ".stryker-covering-files.jsonl");

function filesByMutant() {
  if (!fs.existsSync(MAP)) return undefined;
  const byMutant = new Map();
  for (const line of fs.readFileSync(MAP, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const { file, mutants } = JSON.parse(line);
    for (const id of mutants) byMutant.set(id, [...(byMutant.get(id) ?? []), file]);
  }
  return byMutant;
}

let cache;

module.exports = async function coveringFiles(testPaths) {
  const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
  if (mutant === undefined) return { filtered: testPaths };
  cache ??= filesByMutant();
  const covering = new Set(cache?.get(mutant) ?? []);
  const kept = testPaths.filter((p) => covering.has(p));
  return { filtered: kept.length > 0 ? kept : testPaths };
};
