// jest testSequencer for `npm run mutate` only: a mutant's covering test files run quickest
// first (times from Stryker's first run, recorded by recordCoverage.cjs), so with
// bailEnvironment.cjs a mutant the quick tests catch never waits for the slow ones. jest's own
// order is slowest first, which suits a whole suite on many cores, not one mutant on one.
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const MAP = path.join(process.cwd(), ".stryker-covering-files.jsonl");

function millisecondsByFile() {
  const ms = new Map();
  if (!fs.existsSync(MAP)) return ms;
  for (const line of fs.readFileSync(MAP, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line);
    if (typeof entry.ms === "number") ms.set(entry.file, entry.ms);
  }
  return ms;
}

let cache;

class FastFirst extends Sequencer {
  sort(tests) {
    cache ??= millisecondsByFile();
    const ms = (test) => cache.get(test.path) ?? Number.POSITIVE_INFINITY;
    return [...tests].sort((a, b) => ms(a) - ms(b));
  }
}

module.exports = FastFirst;
