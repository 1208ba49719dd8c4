import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest, sha256Hex } from "../../src/manifest/parse-manifest.js";
import { manifestProblems } from "../../src/manifest/locate.js";
import { parseWithYaml } from "../../src/manifest/parse-with-yaml.js";
import { readPlainYaml } from "../../src/manifest/plain-yaml.js";
import { BUILTIN_DEFAULTS } from "../../src/manifest/types.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { VALID } from "./support.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("parseManifest", () => {
  it("gives the typed manifest: pools and models in manifest order, reload specs, its text", () => {
    const manifest = parseManifest(VALID, "reload.config.yaml");
    expect(manifest).toMatchObject({
      path: "reload.config.yaml",
      sha256: sha256Hex(VALID),
      version: 1,
      connection: { url: "https://acme.eu-1.celonis.cloud", keyType: "USER_KEY", tokenEnv: "CELONIS_API_TOKEN" },
      parallelism: 4,
    });
    expect(manifest.pools).toStrictEqual([
      { key: "finance", id: "0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10", name: null, poolParallelism: 2 },
      { key: "logistics", id: "4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58", name: null, poolParallelism: 2 },
    ]);
    expect(manifest.models.map((m) => [m.address, m.reload])).toStrictEqual([
      ["finance/o2c", { kind: "full" }],
      ["finance/p2p", { kind: "partial", tables: ["EKKO", "EKPO", "Vendor Master"] }],
      ["logistics/shipments", { kind: "cache" }],
    ]);
    expect(manifest.models[1]).toMatchObject({ poolKey: "finance", modelKey: "p2p", poolId: "0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10", modelId: "9a8b4f2e-6c1d-4e7a-b3f5-8d2c0e9a1b67" });
    expect(manifest.models[0]?.tags).toStrictEqual(["nightly"]);
    expect(manifest.source).toBe(VALID);
  });

  it("places problems found later (plan's) at the model key or the table word, in file order", () => {
    const manifest = parseManifest(VALID, "reload.config.yaml");
    const error = manifestProblems(manifest, [
      { path: ["pools", "finance", "models", "p2p", "reload", "tables", 2], message: "no table" },
      { path: ["pools", "logistics", "models"], key: "shipments", message: "no model" },
      { path: ["pools", "finance", "models", "p2p", "reload", "tables", 0], message: "ambiguous" },
      { path: ["pools", "finance", "models"], key: "o2c", message: "no model" },
    ]);
    expect(error.file).toBe("reload.config.yaml");
    expect(error.source).toBe(VALID);
    expect(error.problems.map((p) => `${p.line}:${p.column}+${p.length} ${p.path} ${p.message}`)).toStrictEqual([
      "15:7+3 pools.finance.models.o2c no model",
      "22:20+4 pools.finance.models.p2p.reload.tables.0 ambiguous",
      "22:32+15 pools.finance.models.p2p.reload.tables.2 no table",
      "27:7+9 pools.logistics.models.shipments no model",
    ]);
  });

  it("fills each setting from the model, else the pool's defaults, else the manifest's, else built-in", () => {
    const manifest = parseManifest(
      `version: 1
defaults:
  parallelism: 6
  poolParallelism: 3
  timeout: 3h
  maxAge: 1h
  onWarning: succeed
  onRunning: skip
pools:
  a:
    id: A
    poolParallelism: 1
    defaults:
      timeout: 45m
      onRunning: fail
    models:
      own:
        id: M1
        timeout: 10m
        maxAge: 1d
        onWarning: fail
        onRunning: wait
      inherits:
        id: M2
  b:
    id: B
    models:
      bare:
        id: M3
`,
      "m.yaml",
    );
    expect(manifest.parallelism).toBe(6);
    expect(manifest.pools.map((p) => [p.key, p.poolParallelism])).toStrictEqual([["a", 1], ["b", 3]]);
    expect(manifest.models.map((m) => [m.address, m.timeoutMs, m.maxAgeMs, m.onWarning, m.onRunning])).toStrictEqual([
      ["a/own", 10 * MINUTE, 24 * HOUR, "fail", "wait"],
      ["a/inherits", 45 * MINUTE, HOUR, "succeed", "fail"],
      ["b/bare", 3 * HOUR, HOUR, "succeed", "skip"],
    ]);
  });

  it("uses the built-in defaults when the manifest sets nothing", () => {
    const manifest = parseManifest("version: 1\npools:\n  p:\n    id: P\n    models:\n      m:\n        id: M\n", "m.yaml");
    expect(manifest.connection).toStrictEqual({ url: null, keyType: BUILTIN_DEFAULTS.keyType, tokenEnv: BUILTIN_DEFAULTS.tokenEnv });
    expect(manifest.parallelism).toBe(BUILTIN_DEFAULTS.parallelism);
    expect(manifest.pools[0]?.poolParallelism).toBe(BUILTIN_DEFAULTS.poolParallelism);
    expect(manifest.models[0]).toMatchObject({
      reload: { kind: "full" },
      tags: [],
      timeoutMs: BUILTIN_DEFAULTS.timeoutMs,
      maxAgeMs: BUILTIN_DEFAULTS.maxAgeMs,
      onWarning: BUILTIN_DEFAULTS.onWarning,
      onRunning: BUILTIN_DEFAULTS.onRunning,
    });
  });

  it("keeps the built-in per-pool bound within a smaller parallelism", () => {
    const manifest = parseManifest("version: 1\ndefaults:\n  parallelism: 1\npools:\n  p:\n    id: P\n    models:\n      m:\n        id: M\n", "m.yaml");
    expect(manifest.pools[0]?.poolParallelism).toBe(1);
  });

  it("keeps manifest order for keys a JS object would reorder", () => {
    const manifest = parseManifest(
      "version: 1\npools:\n  zeta:\n    id: Z\n    models:\n      b: {id: B}\n      '2024': {id: Y}\n  2023:\n    id: W\n    models:\n      a: {id: A}\n",
      "m.yaml",
    );
    expect(manifest.pools.map((p) => p.key)).toStrictEqual(["zeta", "2023"]);
    expect(manifest.models.map((m) => m.address)).toStrictEqual(["zeta/b", "zeta/2024", "2023/a"]);
  });

  it("accepts a flow-style reload and anchors (read by yaml, not the fast reader)", () => {
    const text = "version: 1\ndefaults:\n  timeout: &t 30m\npools:\n  p:\n    id: P\n    models:\n      m:\n        id: M\n        reload: { tables: [A, B] }\n        maxAge: *t\n";
    expect(readPlainYaml(text)).toBeNull();
    const model = parseManifest(text, "m.yaml").models[0];
    expect(model).toMatchObject({ reload: { kind: "partial", tables: ["A", "B"] }, maxAgeMs: 30 * MINUTE, timeoutMs: 30 * MINUTE });
    const error = manifestProblems(parseManifest(text, "m.yaml"), [0, 1].map((i) => ({ path: ["pools", "p", "models", "m", "reload", "tables", i], message: "x" })));
    expect(error.problems.map((l) => `${l.line}:${l.column}`)).toStrictEqual(["10:28", "10:31"]);
  });

  const manifests = [
    "reload.config.yaml",
    ...readdirSync(join(PACKAGE_ROOT, "examples")).filter((f) => /\.ya?ml$/.test(f)).map((f) => join("examples", f)),
  ];
  it.each(manifests)("gives the same manifest by the fast path and by yaml: %s", (file) => {
    const text = readFileSync(join(PACKAGE_ROOT, file), "utf8");
    const meta = { path: file, file, sha256: sha256Hex(text) };
    expect(parseManifest(text, file)).toStrictEqual({ ...parseWithYaml(text, meta), source: text });
  });

  it("reads a 1,000-model manifest by the fast path (yaml is for the unusual and the wrong)", () => {
    const lines = ["version: 1", "defaults:", "  parallelism: 8", "pools:"];
    for (let p = 0; p < 50; p++) {
      lines.push(`  pool-${p}:`, `    id: pool-${p}`, "    models:");
      for (let m = 0; m < 20; m++) {
        lines.push(`      model-${m}:  # a comment`, `        id: "${p}-${m}"`, "        reload:", `          tables: [EKKO, 'PO Items']`, "        tags: [nightly]", "        maxAge: 1h30m");
      }
    }
    const text = `${lines.join("\n")}\n`;
    expect(readPlainYaml(text)).not.toBeNull();
    const manifest = parseManifest(text, "big.yaml");
    expect(manifest.models).toHaveLength(1000);
    expect(manifest.models[999]).toMatchObject({ address: "pool-49/model-19", modelId: "49-19", maxAgeMs: 90 * MINUTE });
  });

  it("shows stdin as <stdin> in problems, and keeps `-` as the manifest's path", () => {
    expect(parseManifest(VALID, "-").path).toBe("-");
    expect(() => parseManifest("version: 2\n", "-")).toThrow(expect.objectContaining({ file: "<stdin>" }));
  });
});
