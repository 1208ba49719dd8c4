import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readResultsState } from "../../src/plan/read-results.js";

const expectFor = { manifest: { path: "reload.config.yaml", sha256: "a".repeat(64) }, baseUrl: "https://acme.eu-1.celonis.cloud" };
const record = (over: Record<string, unknown> = {}) => ({
  formatVersion: 1, kind: "apply-results", tool: { name: "reloadctl", version: "0.1.0" }, planId: "3f9a0c1b2d4e",
  manifest: expectFor.manifest, baseUrl: expectFor.baseUrl, target: null, startedAt: "", endedAt: "", interrupted: false,
  models: [{ address: "p/a", result: "failed" }, { address: "p/b", result: "succeeded" }],
  ...over,
});
function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "reloadctl-results-")), "results.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("readResultsState", () => {
  it("reads each model's result", async () => {
    const state = await readResultsState(file(record()), expectFor);
    expect([...state.byAddress]).toEqual([["p/a", "failed"], ["p/b", "succeeded"]]);
  });
  it("refuses a record of another manifest or another base URL, saying which", async () => {
    await expect(readResultsState(file(record({ manifest: { path: "other.yaml", sha256: "b".repeat(64) } })), expectFor)).rejects.toThrow(
      /records a run of another manifest: other\.yaml @ sha256 bbbbbbbbbbbb, not reload\.config\.yaml @ sha256 aaaaaaaaaaaa$/,
    );
    await expect(readResultsState(file(record({ baseUrl: "https://other.eu-2.celonis.cloud" })), expectFor)).rejects.toThrow(
      /records a run against another base URL: https:\/\/other\.eu-2\.celonis\.cloud, not https:\/\/acme\.eu-1\.celonis\.cloud$/,
    );
  });
  it("refuses what is not a results record: missing, not JSON, a plan, another version, bad results", async () => {
    await expect(readResultsState("/nonexistent/results.json", expectFor)).rejects.toThrow("cannot read the results record /nonexistent/results.json: no such file");
    await expect(readResultsState(file("{"), expectFor)).rejects.toThrow("is not a results record: it is not JSON");
    await expect(readResultsState(file({ formatVersion: 1, models: [] }), expectFor)).rejects.toThrow("is not a results record of reloadctl apply");
    await expect(readResultsState(file(record({ formatVersion: 2 })), expectFor)).rejects.toThrow("has results format 2; this reloadctl reads format 1");
    await expect(readResultsState(file(record({ models: [{ address: "p/a", result: "exploded" }] })), expectFor)).rejects.toThrow("its models are missing or malformed");
  });
});
