// The demo manifests describe the demo tenant: every id exists there, every table word resolves
// as spec.md says, and reload.config.yaml shows the mix the demo promises without failing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEMO_FIXTURE_PATH, type FixtureModel, fixtureDurationMs, loadFixture } from "../../src/sim/fixture.js";
import { parseDuration } from "../../src/shared/duration.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { SCHEMA_MODELINE } from "../../src/manifest/schema-path.js";

interface ManifestModel {
  id: string;
  reload?: "full" | "cache" | { tables: string[] };
  maxAge?: string;
  onWarning?: string;
}
interface Manifest {
  defaults?: { parallelism?: number; poolParallelism?: number; maxAge?: string; onWarning?: string };
  pools: Record<string, { id: string; defaults?: { maxAge?: string; onWarning?: string }; models: Record<string, ManifestModel> }>;
}

const MANIFESTS = ["reload.config.yaml", "examples/finance-only.yaml", "examples/partial-reloads.yaml"];
const SCHEMA = join(PACKAGE_ROOT, "schemas", "reload.config.schema.json");
const fixture = loadFixture(DEMO_FIXTURE_PATH);
const read = (file: string): string => readFileSync(join(PACKAGE_ROOT, file), "utf8");

/** spec.md: aliasOrName exactly, else name exactly, else either ignoring case, when that picks one table. */
function resolveWord(model: FixtureModel, word: string): string[] {
  const tables = model.tables.map((t) => ({ ...t, aliasOrName: t.alias ?? t.name }));
  for (const pick of [
    tables.filter((t) => t.aliasOrName === word),
    tables.filter((t) => t.name === word),
    tables.filter((t) => [t.aliasOrName, t.name].some((n) => n.toLowerCase() === word.toLowerCase())),
  ]) {
    if (pick.length > 0) return pick.map((t) => t.id);
  }
  return [];
}

function fixtureModel(poolId: string, modelId: string): FixtureModel | undefined {
  return fixture.pools.find((p) => p.id === poolId)?.models.find((m) => m.id === modelId);
}

describe.each(MANIFESTS)("%s", (file) => {
  const text = read(file);
  const manifest = parse(text) as Manifest;

  it("starts with the schema line that works in a user's repository (the schema in node_modules)", () => {
    expect(text.split("\n")[0]).toBe(SCHEMA_MODELINE);
    const path = /\$schema=(\S+)$/.exec(SCHEMA_MODELINE)?.[1] ?? "";
    expect(path.replace(/^\.\/node_modules\/reloadctl\//, "")).toBe("schemas/reload.config.schema.json");
    expect(existsSync(join(PACKAGE_ROOT, "schemas", "reload.config.schema.json"))).toBe(true);
  });

  it.skipIf(!existsSync(SCHEMA))("is valid by the schema", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("names pools and models of the demo tenant, and table words that pick exactly one table", () => {
    for (const [poolKey, pool] of Object.entries(manifest.pools)) {
      for (const [modelKey, model] of Object.entries(pool.models)) {
        const served = fixtureModel(pool.id, model.id);
        expect(served, `${poolKey}/${modelKey}`).toBeDefined();
        if (served && typeof model.reload === "object") {
          for (const word of model.reload.tables) expect(resolveWord(served, word), `${poolKey}/${modelKey}: ${word}`).toHaveLength(1);
        }
      }
    }
  });
});

describe("README.md", () => {
  it("teaches the same schema line as the shipped manifests", () => {
    const block = /```yaml\n([^\n]*)\n/.exec(read("README.md"));
    expect(block?.[1]).toBe(SCHEMA_MODELINE);
  });
});

describe("reload.config.yaml, as the demo runs it", () => {
  const manifest = parse(read("reload.config.yaml")) as Manifest;
  const models = Object.values(manifest.pools).flatMap((pool) =>
    Object.values(pool.models).map((m) => {
      const served = fixtureModel(pool.id, m.id) as FixtureModel;
      const maxAge = parseDuration(m.maxAge ?? pool.defaults?.maxAge ?? manifest.defaults?.maxAge ?? "0s") ?? 0;
      const last = served.lastLoad;
      const endedAgo = last && last.took !== undefined ? fixtureDurationMs(last.startedAgo) - fixtureDurationMs(last.took) : null;
      const fresh = last?.status === "SUCCESS" && endedAgo !== null && endedAgo < maxAge;
      return { m, served, fresh, onWarning: m.onWarning ?? pool.defaults?.onWarning ?? manifest.defaults?.onWarning ?? "fail" };
    }),
  );
  const reloaded = models.filter((x) => !x.fresh);

  it("runs 4 loads at once, 2 per pool", () => {
    expect(manifest.defaults).toMatchObject({ parallelism: 4, poolParallelism: 2 });
  });

  it("shows complete, from-cache and partial reloads (by alias and by name) and a fresh skip", () => {
    const kinds = reloaded.map((x) => (typeof x.m.reload === "object" ? "partial" : (x.m.reload ?? "full")));
    expect(kinds).toEqual(expect.arrayContaining(["full", "cache", "partial"]));
    expect(models.filter((x) => x.fresh)).toHaveLength(1);
    const words = reloaded.flatMap((x) => (typeof x.m.reload === "object" ? x.m.reload.tables.map((w) => ({ w, tables: x.served.tables })) : []));
    expect(words.some(({ w, tables }) => tables.some((t) => t.alias === w))).toBe(true);
    expect(words.some(({ w, tables }) => tables.some((t) => t.name === w && t.alias !== null))).toBe(true);
  });

  it("reloads a never-loaded model and one whose last load failed", () => {
    expect(reloaded.some((x) => !x.served.lastLoad)).toBe(true);
    expect(reloaded.some((x) => x.served.lastLoad?.status === "ERROR")).toBe(true);
  });

  it("ends no load ERROR, and its one WARNING is accepted, so the demo exits 0", () => {
    const ends = reloaded.map((x) => ({ outcome: x.served.behavior?.outcome ?? fixture.defaults?.outcome ?? "SUCCESS", onWarning: x.onWarning }));
    expect(ends.filter((e) => e.outcome === "WARNING")).toEqual([{ outcome: "WARNING", onWarning: "succeed" }]);
    expect(ends.every((e) => e.outcome === "SUCCESS" || e.outcome === "WARNING")).toBe(true);
  });

  it("keeps each load between 1 and 3 seconds", () => {
    for (const x of reloaded) {
      const ms = fixtureDurationMs(x.served.behavior?.loadTime ?? fixture.defaults?.loadTime ?? 0);
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(ms).toBeLessThanOrEqual(3_000);
    }
  });
});
