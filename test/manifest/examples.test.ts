// Every manifest shipped with the tool is valid: reload.config.yaml and all of examples/.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { PACKAGE_ROOT } from "../../src/version.js";

const shipped = [
  "reload.config.yaml",
  ...readdirSync(join(PACKAGE_ROOT, "examples"))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `examples/${name}`),
];

describe("shipped manifests", () => {
  it("are all found (none skipped silently)", () => {
    expect(shipped).toContain("reload.config.yaml");
    expect(shipped.length).toBeGreaterThan(1);
  });

  it.each(shipped)("%s is valid", async (file) => {
    const manifest = await loadManifest(file, { cwd: PACKAGE_ROOT });
    expect(manifest.models.length).toBeGreaterThan(0);
  });
});
