// `npm run mutate`: plants small bugs (mutants) in the domain core, the SALES functions and the
// Excel adapter, and runs the fast suites against each; a mutant no test notices survives.
// Too slow for CI. scripts/mutate.mjs runs it once per folder (MUTATE_FOLDER), one folder:
// npm run mutate -- functions
// Mutants we accept as surviving, with why: stryker-equivalent.md beside this file.
import { createRequire } from "node:module";

const fast = createRequire(import.meta.url)("./jest.fast.config.js");
const folder = process.env.MUTATE_FOLDER;
// MUTATE_OUT: a sample's reports (scripts/mutate.mjs --sample) go apart from the full runs'.
const out = process.env.MUTATE_OUT ?? `test-output/mutation/${folder ?? "all"}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: folder ? [`src/${folder}/**/*.ts`] : ["src/domain/**/*.ts", "src/functions/**/*.ts", "src/excel/**/*.ts"],
  testRunner: "jest",
  jest: {
    configFile: "jest.fast.config.js",
    // Which test files run for a mutant is chosen by coveringFiles.cjs below; jest's own
    // --findRelatedTests would only add a walk of every import for each mutant.
    enableFindRelatedTests: false,
    config: {
      // Each mutant loads only the test files whose tests reached it in the first run (the
      // runner alone would load every related file and skip the other tests by name).
      setupFilesAfterEnv: ["<rootDir>/scripts/mutation/recordCoverage.cjs"],
      filter: "<rootDir>/scripts/mutation/coveringFiles.cjs",
      // Stop at a mutant's first failing test, quickest test files first: most mutants are
      // caught early, and the rest of their tests cannot change the verdict.
      testEnvironment: "./scripts/mutation/bailEnvironment.cjs",
      testSequencer: "<rootDir>/scripts/mutation/fastFirst.cjs",
      testPathIgnorePatterns: [
        ...fast.testPathIgnorePatterns,
        // The partial-failure sweep (a set-up stopped at each of ~1,300 calls, 4 minutes alone)
        // would run for every src/excel mutant. The same calls are covered by test/excel/setup,
        // upgrade, payload and fakeExcel; `npx jest test/excel/partialFailure` still runs it.
        "/test/excel/partialFailure",
        // The same for set-up and upgrade by two co-authors at once in every order of their
        // batches (minutes); coauthoring.test.ts keeps the short co-authoring cases in the run.
        "/test/excel/coauthoringWalks",
        // Property tests: random inputs catch a mutant by luck of the seed (two flipped between
        // runs), and hundreds of inputs per mutant cost the most time. The score counts the
        // tests that catch a bug every time; `npx jest` still runs these.
        "/test/functions/fuzz",
        "/test/domain/validation/fuzz",
        // They read the manifest, package files and node_modules, none of the mutated code.
        "/test/manifest/",
        "/test/scripts/",
        // React panels in jsdom (a per-file test environment Stryker cannot see coverage
        // through); the Excel calls behind them are covered by test/taskpane/excel and test/excel.
        "/test/taskpane/panels/",
      ],
    },
  },
  // No TypeScript checker: on two shared cores it took more CPU than the tests themselves (a
  // whole-project type check per group of mutants). A mutant TypeScript would refuse then runs
  // as JavaScript instead of showing as a compile error; one that survives is read by hand.
  checkers: [],
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: "perTest",
  // A static mutant (one in a constant built at load time, e.g. SIGNATURES) reruns every fast
  // suite, 3-4 minutes each: 35 of them were half of a run's time. They show as Ignored;
  // `npm run mutate -- --ignoreStatic false` measures them too.
  ignoreStatic: true,
  // A re-run tests only mutants whose code or covering tests changed; the file stays under
  // test-output/ (gitignored) so the next run on this machine finds it.
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  // Two test runners: on two cores shared with other work, fewer leaves the CPU to others.
  concurrency: 2,
  // event-recorder writes each mutant's result as it is tested (test-output/mutation/<folder>/events/):
  // a run stopped early, or watched while it runs, still shows what survived so far.
  reporters: ["html", "json", "clear-text", "progress", "event-recorder"],
  eventReporter: { baseDir: `${out}/events` },
  htmlReporter: { fileName: `${out}/mutation.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  ignorePatterns: ["dist", "coverage", "test-output", "*.xlsx"],
  tempDirName: `${out.replace("test-output/", "test-output/stryker-tmp/")}`,
  cleanTempDir: "always",
  // Added to 1.5 × a mutant's tests' normal time. Generous: on shared cores a slow run is no hang
  // (a shorter limit counted busy-machine runs as caught), and a mutant that loops is stopped by
  // Stryker's hit counter first.
  timeoutMS: 45000,
  thresholds: { high: 90, low: 85, break: null },
};
