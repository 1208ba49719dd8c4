// A fresh simulator for each test of a file, on a free loopback port, closed after the test.
import { afterEach, beforeEach } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { testFixture } from "../e2e/harness.js";

/** Starts one before each test (a tenant of `models` models, one per pool); call the result inside a test. */
export function simulatorPerTest(key: string, models = 2): () => Simulator {
  let sim: Simulator | undefined;
  beforeEach(async () => {
    sim = await startSimulator({ port: 0, key, fixture: testFixture(models) });
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  return () => {
    if (sim === undefined) throw new Error("the simulator runs only inside a test");
    return sim;
  };
}
