import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, workflowCommand } from "../../../src/report/github/workflow-commands.js";
import { outcomeAnnotations, problemAnnotations, workspacePath } from "../../../src/report/github/annotations.js";
import type { ModelOutcome } from "../../../src/apply/events.js";

describe("workflow commands", () => {
  it("escapes as GitHub documents: %, CR, LF in the message; also : and , in a property", () => {
    expect(escapeData("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext: a,b");
    expect(escapeProperty("C:\\x,y\n%")).toBe("C%3A\\x%2Cy%0A%25");
  });
  it("orders the properties file, line, col, endColumn, title and leaves out those not given", () => {
    expect(workflowCommand("error", { title: "reloadctl", file: "a,b.yaml", line: 3, col: 5, endColumn: 9 }, "bad: x")).toBe(
      "::error file=a%2Cb.yaml,line=3,col=5,endColumn=9,title=reloadctl::bad: x",
    );
    expect(workflowCommand("warning", {}, "m")).toBe("::warning::m");
  });
});

describe("annotations", () => {
  it("places each manifest problem in the file relative to GITHUB_WORKSPACE, spanning its word", () => {
    const ws = { cwd: "/ws/repo/sub", root: "/ws/repo" };
    const lines = problemAnnotations(
      [
        { file: "reload.config.yaml", line: 20, column: 17, length: 9, path: "x", message: "`reload` must be …; got \"sometimes\"" },
        { file: "reload.config.yaml", line: 2, column: 1, path: "", message: "unknown key `maxage`, did you mean `maxAge`?\nsecond line" },
      ],
      ws,
    );
    expect(lines).toEqual([
      '::error file=sub/reload.config.yaml,line=20,col=17,endColumn=25,title=reloadctl::`reload` must be …; got "sometimes"',
      "::error file=sub/reload.config.yaml,line=2,col=1,endColumn=1,title=reloadctl::unknown key `maxage`, did you mean `maxAge`?%0Asecond line",
    ]);
  });
  it("names a manifest outside the workspace by its absolute path, and stdin by no file at all", () => {
    expect(workspacePath("../../other/m.yaml", { cwd: "/ws/repo/sub", root: "/ws/repo" })).toBe("/ws/other/m.yaml");
    expect(workspacePath("m.yaml", { cwd: "/ws/repo", root: undefined })).toBe("m.yaml");
    expect(problemAnnotations([{ file: "<stdin>", line: 1, column: 2, path: "", message: "m" }], { cwd: "/", root: "/" })).toEqual(["::error title=reloadctl::<stdin>:1:2: m"]);
  });
  it("makes a failed or timed-out model an error and a WARNING counted as success a warning, each naming the model", () => {
    const o = (over: Partial<ModelOutcome>): ModelOutcome => ({ address: "p/m", action: "full", result: "succeeded", loadStatus: "SUCCESS", loadId: "l", message: null, durationMs: 1, ...over });
    expect(
      outcomeAnnotations([
        o({}),
        o({ address: "p/bad", result: "failed", loadStatus: "ERROR", message: "Table RET: column X missing" }),
        o({ address: "p/slow", result: "timed_out", loadStatus: "RUNNING", message: "did not end within 1m" }),
        o({ address: "p/warn", loadStatus: "WARNING", message: "Some rows rejected" }),
        o({ address: "p/skip", result: "skipped", loadStatus: null }),
        o({ address: "p/never", result: "not_started", loadStatus: null }),
      ]),
    ).toEqual([
      "::error title=reloadctl::p/bad failed (ERROR): Table RET: column X missing",
      "::error title=reloadctl::p/slow timed out: did not end within 1m",
      "::warning title=reloadctl::p/warn ended in WARNING, counted as success (onWarning: succeed): Some rows rejected",
    ]);
  });
});

describe("reportManifestPath", () => {
  it("names the manifest relative to the repository, else the working directory, never by a runner's absolute path", async () => {
    const { reportManifestPath } = await import("../../../src/cli/ci-outputs.js");
    expect(reportManifestPath("reload.config.yaml", { cwd: "/home/runner/work/repo/sub", env: { GITHUB_WORKSPACE: "/home/runner/work/repo" } })).toBe("sub/reload.config.yaml");
    expect(reportManifestPath("/home/runner/work/repo/reload.config.yaml", { cwd: "/tmp", env: {} })).toBe("reload.config.yaml");
    expect(reportManifestPath("../elsewhere/m.yaml", { cwd: "/w/repo", env: {} })).toBe("m.yaml");
    expect(reportManifestPath("-", { cwd: "/", env: {} })).toBe("<stdin>");
  });
});
