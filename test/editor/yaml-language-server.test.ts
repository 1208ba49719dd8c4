// The schema where an editor finds it: the real yaml-language-server, driven over stdio, on the
// shipped manifests copied into a user's repository that has reloadctl in node_modules. The
// documented modeline must load the schema; completion must offer the keys with their
// descriptions; a typo and a bad value must be flagged where `reloadctl validate` flags them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_MODELINE } from "../../src/manifest/schema-path.js";
import { ROOT } from "../e2e/harness.js";
import { problemsOf } from "../manifest/support.js";
import { type CompletionItem, LspClient } from "./lsp-client.js";

const MANIFESTS = ["reload.config.yaml", "examples/finance-only.yaml", "examples/partial-reloads.yaml"];
const read = (file: string): string => readFileSync(join(ROOT, file), "utf8");
const docOf = (item: CompletionItem): string =>
  typeof item.documentation === "string" ? item.documentation : (item.documentation?.value ?? "");

let repo: string;
let lsp: LspClient;
let docs = 0;

/** Opens `text` as a new file at the root of the user's repository. */
function open(text: string, name = `m${++docs}.yaml`): string {
  const path = join(repo, name);
  writeFileSync(path, text);
  return lsp.open(path, text);
}

/** The 0-based position just after the first occurrence of `marker` in `text`. */
function after(text: string, marker: string): { line: number; character: number } {
  const at = text.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at + marker.length).split("\n");
  return { line: before.length - 1, character: before.at(-1)!.length };
}

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "reloadctl-editor-"));
  mkdirSync(join(repo, "node_modules"));
  symlinkSync(ROOT, join(repo, "node_modules", "reloadctl"), "dir");
  writeFileSync(join(repo, "package.json"), '{"name":"user-repo","private":true}\n');
  lsp = new LspClient(repo);
  await lsp.start();
}, 60_000);

afterAll(async () => {
  await lsp?.stop();
  rmSync(repo, { recursive: true, force: true });
});

describe("yaml-language-server on the shipped manifests, in a user's repository", () => {
  it.each(MANIFESTS)("%s: the modeline loads the schema, and the file is clean", async (file) => {
    const text = read(file);
    expect(text.split("\n")[0]).toBe(SCHEMA_MODELINE);
    const diagnostics = await lsp.diagnosticsFor(open(text, basename(file)));
    expect(diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("completes a model's keys, each with its description", async () => {
    const text = read("examples/finance-only.yaml").replace("        reload: full\n", "        reload: full\n        \n");
    const uri = open(text);
    const items = await lsp.completion(uri, { ...after(text, "        reload: full\n"), character: 8 });
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["timeout", "maxAge", "onWarning", "onRunning"]));
    const schema = JSON.parse(read("schemas/reload.config.schema.json")) as { $defs: { model: { properties: Record<string, { description: string }> } } };
    for (const key of ["timeout", "maxAge", "onWarning", "onRunning"]) {
      const item = items.find((i) => i.label === key)!;
      expect(docOf(item), key).toContain(schema.$defs.model.properties[key]!.description);
    }
    expect(JSON.stringify(items)).not.toContain("[object Object]");
  });

  it("completes enum values with a description of each, and reload with its partial-reload snippet", async () => {
    const text = read("examples/finance-only.yaml").replace(/ {2}onRunning: skip.*\n/, "  onRunning: \n");
    const uri = open(text);
    const onRunning = await lsp.completion(uri, after(text, "  onRunning: "));
    expect(onRunning.map((i) => i.label)).toEqual(expect.arrayContaining(["wait", "skip", "fail"]));
    expect(docOf(onRunning.find((i) => i.label === "skip")!)).toContain("Leave the model alone");

    const reloadText = read("examples/finance-only.yaml").replace("        reload: cache\n", "        reload: \n");
    const reloadUri = open(reloadText);
    const next = after(reloadText, "        reload: \n"); // the line after the emptied value
    const reload = await lsp.completion(reloadUri, { line: next.line - 1, character: "        reload: ".length });
    expect(reload.map((i) => i.label)).toEqual(expect.arrayContaining(["full", "cache"]));
    expect(docOf(reload.find((i) => i.label === "cache")!)).toContain("Reload from cache");
    const texts = JSON.stringify(reload);
    expect(texts).toContain("tables");
    expect(texts).not.toContain("[object Object]");
  });

  it("flags a typo and a bad enum value at the line and column `reloadctl validate` gives", async () => {
    const text = read("examples/finance-only.yaml")
      .replace("        maxAge: 0s\n", "        maxage: 0s\n")
      .replace("  onWarning: fail\n", "  onWarning: sometimes\n");
    const cli = problemsOf(text).problems.map((p) => ({ line: p.line, column: p.column, message: p.message }));
    expect(cli).toHaveLength(2);
    const diagnostics = await lsp.diagnosticsFor(open(text));
    const at = diagnostics.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
    for (const problem of cli) {
      expect(at.map(({ line, column }) => ({ line, column })), problem.message).toContainEqual({ line: problem.line, column: problem.column });
    }
    const typo = cli.find((p) => p.message.includes("maxage"))!;
    expect(at.find((d) => d.message.includes("maxage"))).toMatchObject({ line: typo.line, column: typo.column });
  });

  it("says what a duration must look like, in the CLI's words", async () => {
    const text = read("examples/finance-only.yaml").replace("  timeout: 2h\n", "  timeout: two hours\n");
    const diagnostics = await lsp.diagnosticsFor(open(text));
    expect(diagnostics.map((d) => d.message)).toEqual(["must be a duration like 6h or 1h30m"]);
    const cli = problemsOf(text).problems[0]!;
    expect(cli.message).toContain("must be a duration like 6h or 1h30m");
    expect({ line: diagnostics[0]!.range.start.line + 1, column: diagnostics[0]!.range.start.character + 1 }).toEqual({ line: cli.line, column: cli.column });
  });

  it("reads a `tabels:` typo under reload as an unknown key, not as a wrong full/cache value", async () => {
    const text = read("examples/finance-only.yaml").replace("          tables: [EKKO, EKPO, LFA1]", "          tabels: [EKKO, EKPO, LFA1]");
    const diagnostics = await lsp.diagnosticsFor(open(text));
    const messages = diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes("tabels"))).toBe(true);
    expect(messages.join("\n")).not.toMatch(/full|cache|Value is not accepted|Incorrect type/);
    const typo = diagnostics.find((d) => d.message.includes("tabels"))!;
    const cli = problemsOf(text).problems.find((p) => p.message.includes("tabels"))!;
    expect({ line: typo.range.start.line + 1, column: typo.range.start.character + 1 }).toEqual({ line: cli.line, column: cli.column });
  });
});
