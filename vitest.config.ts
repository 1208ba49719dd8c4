import { defineConfig } from "vitest/config";

// One time zone for every test, whatever the machine's: one that is not UTC and not a whole hour
// off it, so a date read as local time where UTC was meant shows up on every machine, a UTC CI
// runner included. Set here, in the main process, before any worker starts: a worker thread
// cannot change its zone. (test/e2e/time-zone.e2e.test.ts runs the CLI under other zones.)
process.env.TZ = "Asia/Kolkata";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // Sized for a loaded machine (two suites side by side on two shared cores): a test that
    // needs more is waiting on something, and says what through its own `until` (45 s).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most test time is waiting (a simulator's answers, a child CLI's run), not computing: four
    // files at once on a 2-core machine took the suite from 292 s to 157 s, where the default
    // (one worker less than the cores: one) runs them one by one.
    maxWorkers: 4,
    reporters: ["default", "./test/closing-line-reporter.ts"],
  },
});
