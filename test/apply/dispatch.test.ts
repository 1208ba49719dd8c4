import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/apply/dispatch.js";

/** Jobs that end when the test says: the order they start in, and a hand on each. */
function harness() {
  const started: string[] = [];
  const enders = new Map<string, () => void>();
  const run = (job: { name: string }) =>
    new Promise<void>((resolve) => {
      started.push(job.name);
      enders.set(job.name, resolve);
    });
  const end = async (name: string) => {
    enders.get(name)!();
    for (let i = 0; i < 5; i++) await Promise.resolve(); // let dispatch hand the slot on
  };
  return { started, run, end };
}
const job = (name: string, pool: string, key = name) => ({ name, pool, key });
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("dispatch", () => {
  it("starts jobs in list order up to the global bound, the next in the first slot that frees", async () => {
    const h = harness();
    const done = dispatch([job("a", "p"), job("b", "p"), job("c", "p")], { global: 2, perPool: () => 9 }, h.run);
    await settle();
    expect(h.started).toEqual(["a", "b"]);
    await h.end("b");
    expect(h.started).toEqual(["a", "b", "c"]);
    await h.end("a");
    await h.end("c");
    await done;
  });

  it("lets the next job go when a job's pool is full, and starts that job first once its pool has room", async () => {
    const h = harness();
    const done = dispatch([job("a1", "a"), job("a2", "a"), job("b1", "b"), job("b2", "b")], { global: 2, perPool: (p) => (p === "a" ? 1 : 2) }, h.run);
    await settle();
    expect(h.started).toEqual(["a1", "b1"]); // a2 waits for pool a; b1 takes the free global slot
    await h.end("a1");
    expect(h.started).toEqual(["a1", "b1", "a2"]); // a2 is listed before b2
    await h.end("b1");
    expect(h.started).toEqual(["a1", "b1", "a2", "b2"]);
    await h.end("a2");
    await h.end("b2");
    await done;
  });

  it("never runs two jobs of one key at once", async () => {
    const h = harness();
    const done = dispatch([job("m-1", "p", "m"), job("m-2", "p", "m"), job("n", "p")], { global: 3, perPool: () => 3 }, h.run);
    await settle();
    expect(h.started).toEqual(["m-1", "n"]);
    await h.end("m-1");
    expect(h.started).toEqual(["m-1", "n", "m-2"]);
    await h.end("n");
    await h.end("m-2");
    await done;
  });

  it("resolves at once with nothing to run", async () => {
    await expect(dispatch([], { global: 1, perPool: () => 1 }, async () => {})).resolves.toBeUndefined();
  });
});
