// `npm run mutate`: plants small bugs (mutants) in the domain core, the SALES functions and the
// Excel adapter, and runs the fast suites against each; a mutant no test notices survives.
// Too slow for CI. One folder at a time: npm run mutate -- --mutate 'src/domain/**/*.ts'
// Mutants we accept as surviving, with why: stryker-equivalent.md beside this file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: ["src/domain/**/*.ts", "src/functions/**/*.ts", "src/excel/**/*.ts"],
  testRunner: "jest",
  jest: { configFile: "jest.fast.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: "perTest",
  // A static mutant (one in a constant built at load time, e.g. SIGNATURES) reruns every fast
  // suite, 3-4 minutes each: 35 of them were half of a run's time. They show as Ignored;
  // `npm run mutate -- --ignoreStatic false` measures them too.
  ignoreStatic: true,
  // A re-run tests only mutants whose code or covering tests changed; the file stays under
  // test-output/ (gitignored) so the next run on this machine finds it.
  incremental: true,
  incrementalFile: "test-output/mutation/stryker-incremental.json",
  concurrency: 2,
  // event-recorder writes each mutant's result as it is tested (test-output/mutation/events/):
  // a run stopped early, or watched while it runs, still shows what survived so far.
  reporters: ["html", "json", "clear-text", "progress", "event-recorder"],
  eventReporter: { baseDir: "test-output/mutation/events" },
  htmlReporter: { fileName: "test-output/mutation/mutation.html" },
  jsonReporter: { fileName: "test-output/mutation/mutation.json" },
  ignorePatterns: ["dist", "coverage", "test-output", "*.xlsx"],
  tempDirName: "test-output/stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 60000,
  thresholds: { high: 90, low: 85, break: null },
};
