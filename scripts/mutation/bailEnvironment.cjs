// jest testEnvironment for `npm run mutate` only: once a test has failed under a mutant, the
// mutant is caught, so the rest of its tests (in this file and the next, which run in the same
// process) are skipped instead of run. Stryker's jest runner cannot bail itself (its
// jest-override-options), and most mutants are caught by their first covering file.
// Stryker wraps this class with its own (coverage, the mutant switch) and calls this handler first.
const { TestEnvironment } = require("jest-environment-node");

/** The mutant whose run already has a failing test or hook. Module state: test files run in band. */
let caught;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return; // Stryker's first run measures coverage: everything runs
    if (event.name === "test_fn_failure" || event.name === "hook_failure") caught = mutant;
    else if (caught !== mutant) return;
    // jest-circus checks `mode` after these events, before it runs the block's hooks or the test
    else if (event.name === "run_describe_start") event.describeBlock.mode = "skip";
    else if (event.name === "test_start") event.test.mode = "skip";
  }
}

module.exports = BailEnvironment;
