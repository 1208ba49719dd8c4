// apply PLAN on a terminal says what it reads while it checks the saved plan, and takes the line
// away before the live view draws: the screen is not blank while the service answers.
import { describe, expect, it } from "vitest";
import { parse } from "../../src/cli/args.js";
import { APPLY_OPTIONS, loadSavedPlan } from "../../src/cli/commands/apply.js";
import { makePlan } from "../../src/cli/commands/plan.js";
import { openManifest } from "../../src/cli/session.js";
import { serializePlan } from "../../src/plan/plan-file.js";
import { tempDir, testManifest, writeFile } from "../e2e/harness.js";
import { captured, capturedIo } from "../helpers/streams.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "apply-progress-test-key";
const simulator = simulatorPerTest(KEY);

const sink = (isTTY: boolean) => captured({ isTTY });

const io = (cwd: string, stderr: ReturnType<typeof sink>) => capturedIo({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY }, { stderr }, cwd);

async function savedPlan(): Promise<{ dir: string; path: string }> {
  const dir = tempDir();
  writeFile(dir, "reload.config.yaml", testManifest(2));
  const quiet = io(dir, sink(false));
  const doc = await makePlan(await openManifest(undefined, quiet), quiet, { select: [], exclude: [] });
  return { dir, path: writeFile(dir, "plan.json", serializePlan(doc)) };
}

describe("apply PLAN's progress line", () => {
  it("on a terminal: says it checks the plan and what it reads, then erases itself", async () => {
    const { dir, path } = await savedPlan();
    const stderr = sink(true);
    const { doc } = await loadSavedPlan(path, parse("apply", [path], APPLY_OPTIONS, 1).values, io(dir, stderr), true);
    expect(doc.models).toHaveLength(2);
    expect(stderr.text()).toBe(`checking the plan: reading the models' last loads from ${simulator().url}…\r\x1b[2K`);
  });

  it("erases itself when the plan is stale too, before the error is drawn", async () => {
    const { dir, path } = await savedPlan();
    writeFile(dir, "reload.config.yaml", `${testManifest(2)}# edited after the plan\n`);
    const stderr = sink(true);
    await expect(loadSavedPlan(path, parse("apply", [path], APPLY_OPTIONS, 1).values, io(dir, stderr), true)).rejects.toThrow(/is stale/);
    expect(stderr.text()).toBe(`checking the plan: reading the models' last loads from ${simulator().url}…\r\x1b[2K`);
  });

  it("writes nothing when stderr is not a terminal, or when not asked", async () => {
    const { dir, path } = await savedPlan();
    for (const [tty, asked] of [[false, true], [true, false]] as const) {
      const stderr = sink(tty);
      await loadSavedPlan(path, parse("apply", [path], APPLY_OPTIONS, 1).values, io(dir, stderr), asked);
      expect(stderr.text()).toBe("");
    }
  });
});
