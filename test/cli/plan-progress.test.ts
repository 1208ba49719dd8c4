// plan on a terminal says what it waits for while it reads, and takes the line away after.
import { describe, expect, it } from "vitest";
import { makePlan } from "../../src/cli/commands/plan.js";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { testManifest } from "../e2e/harness.js";
import { captured, capturedIo } from "../helpers/streams.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "progress-test-key";
const simulator = simulatorPerTest(KEY);

const sink = (isTTY: boolean) => captured({ isTTY });

const io = (stderr: ReturnType<typeof sink>) => capturedIo({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY }, { stderr });

describe("makePlan's progress line", () => {
  it("on a terminal: says what it reads, then erases itself", async () => {
    const stderr = sink(true);
    const doc = await makePlan(parseManifest(testManifest(2), "m.yaml"), io(stderr), { select: [], exclude: [] }, true);
    expect(doc.models).toHaveLength(2);
    expect(stderr.text()).toBe(`reading the models' last loads from ${simulator().url}…\r\x1b[2K`);
  });

  it("writes nothing when stderr is not a terminal, or when not asked", async () => {
    for (const [tty, asked] of [[false, true], [true, false]] as const) {
      const stderr = sink(tty);
      await makePlan(parseManifest(testManifest(2), "m.yaml"), io(stderr), { select: [], exclude: [] }, asked);
      expect(stderr.text()).toBe("");
    }
  });
});
