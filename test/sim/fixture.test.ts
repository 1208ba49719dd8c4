import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_FIXTURE_PATH, type Fixture, FixtureError, loadFixture, parseFixture } from "../../src/sim/fixture.js";
import { startSimulator } from "../../src/sim/server.js";
import { UserError } from "../../src/shared/errors.js";
import { call, testFixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "reloadctl-sim-fixture-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(raw: unknown): string[] {
  try {
    parseFixture(raw, "t.json");
  } catch (err) {
    expect(err).toBeInstanceOf(FixtureError);
    expect(err).toBeInstanceOf(UserError);
    return [...(err as FixtureError).details];
  }
  throw new Error("expected the fixture to be refused");
}

describe("the demo fixture", () => {
  const demo = loadFixture(DEMO_FIXTURE_PATH);
  const models = demo.pools.flatMap((p) => p.models);

  it("holds 2–3 pools and 5+ models with SAP tables, with and without aliases", () => {
    expect(demo.pools.length).toBeGreaterThanOrEqual(2);
    expect(demo.pools.length).toBeLessThanOrEqual(3);
    expect(models.length).toBeGreaterThanOrEqual(5);
    const tables = models.flatMap((m) => m.tables);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["EKKO", "EKPO", "LFA1", "VBAK", "VBAP", "KNA1", "BSEG"]));
    expect(tables.find((t) => t.name === "EKPO")?.alias).toBe("PO Items");
    expect(tables.find((t) => t.name === "LFA1")?.alias).toBe("Vendor Master");
    expect(tables.some((t) => t.alias === null)).toBe(true);
  });

  it("has a model never loaded, one whose last load failed with a message, and one whose loads end WARNING", () => {
    expect(models.some((m) => !m.lastLoad)).toBe(true);
    expect(models.some((m) => m.lastLoad?.status === "ERROR" && m.lastLoad.message)).toBe(true);
    expect(models.some((m) => m.behavior?.outcome === "WARNING" && m.behavior.message)).toBe(true);
  });

  it("keeps demo loads between 1 and 3 seconds", async () => {
    const sim = await startSimulator();
    try {
      expect(sim.tenant.pools.map((p) => p.id)).toEqual(demo.pools.map((p) => p.id));
    } finally {
      await sim.close();
    }
    for (const m of models) {
      const ms = m.behavior?.loadTime ?? demo.defaults?.loadTime;
      expect(["1s", "2s", "3s"]).toContain(ms);
    }
  });
});

describe("parseFixture", () => {
  it("accepts the test tenant", () => {
    expect(parseFixture(testFixture())).toEqual(testFixture());
  });

  it("names every problem by its path", () => {
    const bad = {
      version: 2,
      pools: [
        {
          id: "p1",
          name: "",
          models: [
            {
              id: "m1",
              name: "M",
              tables: [{ id: "t1", name: "EKKO", alias: "" }, { id: "t1", name: "EKPO" }, { name: "LFA1" }],
              lastLoad: { status: "DONE", startedAgo: "1h", took: "2h" },
              behaviour: { loadTime: "2s" },
            },
            { id: "m1", name: "Again", tables: "EKKO", lastLoad: { status: "SUCCESS", startedAgo: "six hours" } },
          ],
        },
      ],
    };
    expect(problemsOf(bad)).toEqual([
      "version: must be 1; got 2",
      "pools[0].name: must be a non-empty string",
      "pools[0].models[0].behaviour: unknown key; expected one of id, name, tables, lastLoad, behavior",
      "pools[0].models[0].tables[0].alias: must be null or a non-empty string",
      "pools[0].models[0].tables[1].id: table id t1 is already used at pools[0].models[0].tables[0].id",
      "pools[0].models[0].tables[2].id: must be a non-empty string",
      "pools[0].models[0].lastLoad.status: must be one of SUCCESS, WARNING, ERROR, CANCELED, RUNNING; got \"DONE\"",
      "pools[0].models[0].lastLoad.took: cannot be longer than startedAgo (the load would end in the future)",
      "pools[0].models[1].id: data model id m1 is already used at pools[0].models[0].id",
      "pools[0].models[1].tables: must be an array",
      'pools[0].models[1].lastLoad.startedAgo: must be a duration like "90s" or "1h2m", or milliseconds; got "six hours"',
      'pools[0].models[1].lastLoad.took: is required (a duration like "1h2m", or milliseconds)',
    ]);
  });

  it("keeps took and endsIn apart for running and ended loads", () => {
    const model = (lastLoad: object): Fixture =>
      ({ pools: [{ id: "p", name: "P", models: [{ id: "m", name: "M", tables: [], lastLoad }] }] }) as Fixture;
    expect(problemsOf(model({ status: "RUNNING", startedAgo: "1m", took: "1m" }))).toEqual([
      "pools[0].models[0].lastLoad.took: a RUNNING load has not ended: use endsIn (from the simulator's start)",
    ]);
    expect(problemsOf(model({ status: "SUCCESS", startedAgo: "1m", took: "1m", endsIn: "1m", outcome: "ERROR" }))).toHaveLength(2);
    expect(() => parseFixture(model({ status: "RUNNING", startedAgo: 60_000, endsIn: 0 }))).not.toThrow();
  });

  it("refuses what is not a fixture at all", () => {
    expect(problemsOf([])).toEqual(["(root): must be an object"]);
    expect(problemsOf({ pools: [] })).toEqual(["pools: must list at least one pool"]);
  });
});

describe("loadFixture", () => {
  it("says when the file is missing or not JSON, with a hint and no stack in the message", () => {
    expect(() => loadFixture(join(dir, "missing.json"))).toThrow(/invalid simulator fixture .*missing\.json: 1 problem$/);
    const notJson = join(dir, "bad.json");
    writeFileSync(notJson, "{ pools: ");
    try {
      loadFixture(notJson);
      expect.unreachable();
    } catch (err) {
      expect((err as FixtureError).details[0]).toMatch(/^not valid JSON: /);
      // A file the installed package has (its sources are not shipped).
      expect((err as FixtureError).hint).toBe(`a complete example to start from: ${DEMO_FIXTURE_PATH}`);
      expect((err as FixtureError).hint).not.toContain("src/");
    }
  });

  it("serves a fixture given as a path", async () => {
    const path = join(dir, "tenant.json");
    writeFileSync(path, JSON.stringify(testFixture()));
    const sim = await startSimulator({ fixture: path });
    try {
      const pools = (await call(sim, "GET", "/integration/api/pools")).json();
      expect(pools.map((p: { name: string }) => p.name)).toEqual(["Finance", "Logistics"]);
    } finally {
      await sim.close();
    }
  });
});
