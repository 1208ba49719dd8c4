// `npm run mutation`: StrykerJS mutates the pure core (the decisions: what to reload, whether a
// load is ours, how long to wait, what a date or a header means) and runs the unit tests against
// each mutant. A mutant no test notices is a decision no test pins down. Not part of `npm test`
// or CI: it takes minutes. stryker.survivors.md says why each mutant left alive may live.
// One file at a time: `npm run mutation -- --mutate src/plan/stale.ts`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.unit.config.ts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  coverageAnalysis: "perTest",
  mutate: [
    "src/plan/decide-action.ts",
    "src/plan/resolve-tables.ts",
    "src/plan/select.ts",
    "src/plan/stale.ts",
    "src/plan/schedule.ts",
    "src/plan/expected-duration.ts",
    "src/apply/is-new-load.ts",
    "src/apply/poll-policy.ts",
    "src/celonis/retry-policy.ts",
    "src/celonis/last-load.ts",
    "src/celonis/redact.ts",
    "src/shared/duration.ts",
  ],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false },
  // The bar is 90 % per file (stryker.survivors.md quotes each); `break` guards the total.
  thresholds: { high: 90, low: 80, break: 90 },
  // A mutant's run may take this much longer than the tests' own time before it counts as a
  // timeout (killed): sized for a loaded machine, so slowness is not read as a kill.
  timeoutMS: 20_000,
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: builds (a build in progress comes and goes under the copy) and
  // other runs' sandboxes (--tempDirName .stryker-tmp-2 runs another file beside this one).
  ignorePatterns: ["/dist", "/.build-*", "/.stryker-tmp*", "/reports", "/coverage"],
  cleanTempDir: "always",
};
