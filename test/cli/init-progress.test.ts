// init on a terminal shows how far it has read the tenant, then takes the line away.
import { describe, expect, it } from "vitest";
import { initCommand } from "../../src/cli/commands/init.js";
import { captured, capturedIo } from "../helpers/streams.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "init-progress-key";
const simulator = simulatorPerTest(KEY);

const sink = (isTTY: boolean) => captured({ isTTY });

const io = (stdout: ReturnType<typeof sink>, stderr: ReturnType<typeof sink>) => capturedIo({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY }, { stdout, stderr });

describe("init's progress line", () => {
  it("on a terminal: pools and models read so far, each over the last, erased at the end", async () => {
    const [stdout, stderr] = [sink(false), sink(true)];
    expect(await initCommand(["--out", "-"], io(stdout, stderr))).toBe(0);
    const frames = stderr.text().split("\r\x1b[2K");
    expect(frames[0]).toBe("");
    expect(frames.at(-1)).toBe("");
    expect(frames).toContain(`reading ${simulator().url}: 0 of 2 pools, 0 of 0 data models…`);
    expect(frames.at(-2)).toBe(`reading ${simulator().url}: 2 of 2 pools, 2 of 2 data models…`);
    expect(stdout.text()).toContain("version: 1");
  });

  it("writes nothing on stderr when it is not a terminal (with --out -)", async () => {
    const [stdout, stderr] = [sink(false), sink(false)];
    expect(await initCommand(["--out", "-"], io(stdout, stderr))).toBe(0);
    expect(stderr.text()).toBe("");
  });
});
