// jest setupFilesAfterEnv for `npm run mutate` only. During Stryker's first run (no mutant
// active) it writes, per test file, the mutants its tests reached, so coveringFiles.cjs can
// load only those files for each mutant. Stryker's jest runner would load every related test
// file for every mutant and filter by test name: seconds of loading per mutant, hours a folder.
/* global afterAll, beforeEach, expect */
const fs = require("node:fs");
const path = require("node:path");

const MAP = path.join(process.cwd(), ".stryker-covering-files.jsonl");

if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const names = new Set();
  const started = Date.now(); // the file's own time, for fastFirst.cjs
  beforeEach(() => {
    const { currentTestName } = expect.getState();
    if (currentTestName) names.add(currentTestName);
  });
  afterAll(() => {
    const perTest = globalThis.__stryker__?.mutantCoverage?.perTest;
    if (!perTest) return;
    const mutants = new Set();
    for (const name of names) for (const id of Object.keys(perTest[name] ?? {})) mutants.add(id);
    fs.appendFileSync(MAP, `${JSON.stringify({ file: expect.getState().testPath, mutants: [...mutants], ms: Date.now() - started })}\n`);
  });
}
