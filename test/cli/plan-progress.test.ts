// plan on a terminal says what it waits for while it reads, and takes the line away after.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makePlan } from "../../src/cli/commands/plan.js";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { testFixture, testManifest } from "../e2e/harness.js";
import { captured, capturedIo } from "../helpers/streams.js";

const KEY = "progress-test-key";
let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(2) });
});
afterEach(async () => {
  await sim.close();
});

const sink = (isTTY: boolean) => captured({ isTTY });

const io = (stderr: ReturnType<typeof sink>) => capturedIo({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY }, { stderr });

describe("makePlan's progress line", () => {
  it("on a terminal: says what it reads, then erases itself", async () => {
    const stderr = sink(true);
    const doc = await makePlan(parseManifest(testManifest(2), "m.yaml"), io(stderr), { select: [], exclude: [] }, true);
    expect(doc.models).toHaveLength(2);
    expect(stderr.text()).toBe(`reading the models' last loads from ${sim.url}…\r\x1b[2K`);
  });

  it("writes nothing when stderr is not a terminal, or when not asked", async () => {
    for (const [tty, asked] of [[false, true], [true, false]] as const) {
      const stderr = sink(tty);
      await makePlan(parseManifest(testManifest(2), "m.yaml"), io(stderr), { select: [], exclude: [] }, asked);
      expect(stderr.text()).toBe("");
    }
  });
});
