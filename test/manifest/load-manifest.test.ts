import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { sha256Hex } from "../../src/manifest/parse-manifest.js";
import { ManifestError, UserError } from "../../src/shared/errors.js";
import { VALID } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "reloadctl-manifest-"));
mkdirSync(join(dir, "conf"));
writeFileSync(join(dir, "conf", "reload.config.yaml"), VALID);
writeFileSync(join(dir, "conf", "bad.yaml"), VALID.replace("reload: full", "reload: sometimes"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStdin = (): Promise<string> => Promise.reject(new Error("stdin must not be read"));

describe("loadManifest", () => {
  it("reads a path relative to cwd and keeps the path as given", async () => {
    const manifest = await loadManifest("conf/reload.config.yaml", { cwd: dir, readStdin: noStdin });
    expect(manifest.path).toBe("conf/reload.config.yaml");
    expect(manifest.sha256).toBe(sha256Hex(Buffer.from(VALID)));
    expect(manifest.models).toHaveLength(3);
  });

  it("names the file as given in every problem", async () => {
    const error = await loadManifest("conf/bad.yaml", { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).file).toBe("conf/bad.yaml");
    expect((error as ManifestError).problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toStrictEqual(["conf/bad.yaml:17:17"]);
  });

  it("reads `-` from stdin", async () => {
    const manifest = await loadManifest("-", { cwd: dir, readStdin: () => Promise.resolve(VALID) });
    expect(manifest.path).toBe("-");
    expect(manifest.sha256).toBe(sha256Hex(VALID));
  });

  it("says a missing file is missing, as a user error without a stack to show", async () => {
    const error = await loadManifest("nope.yaml", { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(ManifestError);
    expect((error as UserError).message).toBe("cannot read nope.yaml: no such file");
    expect((error as UserError).hint).toMatch(/-c FILE/);
  });

  it("says a directory is a directory", async () => {
    await expect(loadManifest("conf", { cwd: dir })).rejects.toThrow("cannot read conf: it is a directory");
  });
});
