// Prints the plain closing line `N passed, N failed, N skipped` that CI log readers understand.
// A test file that fails before its tests run (an import that throws) and an unhandled error each
// count as a failure: the line must never say "0 failed" of a run that failed.
import type { Reporter, SerializedError, TestModule } from "vitest/node";

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const mod of testModules) {
      if (mod.errors().length > 0) counts.failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
