// The package as a user gets it: the tarball's file list, and the tarball installed into an empty
// project (no registry but for the dependencies; npm's cache serves them when it has them).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../e2e/harness.js";

interface PackJson {
  files: { path: string }[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  license: string;
  keywords?: string[];
  exports?: Record<string, string>;
  scripts?: Record<string, string>;
  dependencies: Record<string, string>;
};

/** The files `npm pack` would put in the tarball (from the built dist/: npm test builds first). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  return (JSON.parse(out) as PackJson[])[0]!.files.map((f) => f.path).sort();
}

/** The relative links of README.md, without anchors. */
function readmeLinks(): string[] {
  const text = readFileSync(join(ROOT, "README.md"), "utf8");
  return [...text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => href.replace(/^\.\//, "").replace(/\/$/, ""));
}

function distFiles(dir = join(ROOT, "dist")): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".js"))
    .map((d) => join(d.parentPath, d.name));
}

describe("the packed tarball", () => {
  const files = packedFiles();

  it("ships the CLI, its schema, LICENSE and README, and no source map pointing at unshipped sources", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "bin/reloadctl.js", "dist/cli/main.js", "schemas/reload.config.schema.json", "reload.config.yaml", "examples/tenant.fixture.json"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
    // The build-time generator of the validator is not part of the CLI.
    expect(files).not.toContain("dist/manifest/schema-validator-source.js");
  });

  it("holds every file the README links to", () => {
    const links = readmeLinks();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(files.some((f) => f === link || f.startsWith(`${link}/`)), `README links ${link}`).toBe(true);
    }
  });

  it("says its licence in a LICENSE file, names keywords, and exports the schema", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(pkg.keywords).toContain("celonis");
    expect(pkg.exports?.["./schema.json"]).toBe("./schemas/reload.config.schema.json");
  });

  it("depends at run time only on what the built CLI imports (ajv is build-time only)", () => {
    const code = distFiles().map((f) => readFileSync(f, "utf8")).join("\n");
    const imported = (dep: string) => new RegExp(`(from |import\\(|\\)\\()["']${dep}(/[^"']*)?["']`).test(code);
    for (const dep of Object.keys(pkg.dependencies)) expect(imported(dep), `${dep} is imported by dist/`).toBe(true);
    expect(Object.keys(pkg.dependencies)).not.toContain("ajv");
    expect(imported("ajv")).toBe(false);
  });

  it("has no install-time script, which npm would flag on every install from a tarball", () => {
    for (const script of ["preinstall", "install", "postinstall", "prepare"]) expect(pkg.scripts?.[script]).toBeUndefined();
  });
});

describe("installed from the tarball into an empty project", () => {
  it(
    "runs with npx --no-install: --help, --version --json and demo, with no warning of ours",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "reloadctl-install-"));
      execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, stdio: "pipe" });
      const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
      writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "user-repo", private: true })}\n`);
      const env = { ...process.env, CI: "true", NO_COLOR: "1", npm_config_update_notifier: "false" };
      const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: dir, env, encoding: "utf8" });

      const install = run("npm", ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`]);
      expect(install.status, install.stderr).toBe(0);
      expect(`${install.stdout}${install.stderr}`).not.toMatch(/reloadctl/);
      expect(existsSync(join(dir, "node_modules", "reloadctl", "LICENSE"))).toBe(true);

      const help = run("npx", ["--no-install", "reloadctl", "--help"]);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/^reloadctl: /);
      expect(help.stderr).toBe("");

      const version = run("npx", ["--no-install", "reloadctl", "--version", "--json"]);
      expect(JSON.parse(version.stdout)).toMatchObject({ formatVersion: 1, tool: { name: "reloadctl", version: expect.any(String) } });

      const schema = run("node", ["-p", "require.resolve('reloadctl/schema.json')"]);
      expect(schema.stdout.trim()).toBe(join(dir, "node_modules", "reloadctl", "schemas", "reload.config.schema.json"));

      const demo = run("npx", ["--no-install", "reloadctl", "demo", "--format", "text"]);
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/^Plan: /m);
      expect(demo.stdout).toMatch(/^Apply: /m);
      expect(demo.stderr).not.toMatch(/npm warn|\(node:\d+\)|Warning: /i);
    },
    180_000,
  );
});
