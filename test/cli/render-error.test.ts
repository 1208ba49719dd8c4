import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { renderError } from "../../src/cli/render-error.js";
import { ManifestError, ModelError, UserError } from "../../src/shared/errors.js";

const api = (status: number, message: string, reference: string | null) =>
  new ApiError({ kind: "http", status, method: "POST", path: "/load", message, serviceMessage: "Service busy", reference, retryable: false, mayHaveReachedServer: true });

describe("renderError", () => {
  it("names the model and shows a service reference once", () => {
    const err = new ModelError("finance/o2c", api(503, "POST /load: 503 Service Unavailable: Service busy (reference SUP-1)", "SUP-1"));
    const r = renderError(err, { json: false, color: false });
    expect(r).toMatchObject({ stdout: "", exitCode: 1 });
    expect(r.stderr).toBe("error: finance/o2c: POST /load: 503 Service Unavailable: Service busy (reference SUP-1)\n");
  });

  it("says what a refused key means, with the reference and the variable to check", () => {
    const r = renderError(api(401, "401", "SUP-2"), { json: false, color: false, tokenEnv: "MY_TOKEN" });
    expect(r.stderr).toBe("error: the service refused the key (401 Unauthorized): Service busy\n       reference SUP-2 · check MY_TOKEN and CELONIS_KEY_TYPE (USER_KEY → Bearer, APP_KEY → AppKey)\n");
  });

  it("in JSON, one object on stdout; in Markdown, a summary on stdout and the text on stderr", () => {
    const user = new UserError("cannot read x.yaml: no such file", "pass the manifest with -c FILE");
    expect(JSON.parse(renderError(user, { json: true, color: false }).stdout)).toEqual({
      error: { kind: "user", message: "cannot read x.yaml: no such file", hint: "pass the manifest with -c FILE", details: [] },
    });
    const md = renderError(user, { json: false, color: false, markdownFor: "plan" });
    expect(md.stdout).toBe("### reloadctl plan: failed\n\n```\nerror: cannot read x.yaml: no such file\n       pass the manifest with -c FILE\n```\n");
    expect(md.stderr).toContain("error: cannot read x.yaml");
    const problems = new ManifestError("m.yaml", [{ file: "m.yaml", line: 3, column: 5, message: "unknown key `x`", path: "x" }], "a: 1\n");
    expect(renderError(problems, { json: false, color: false, markdownFor: "validate" }).stdout).toBe("### reloadctl validate: 1 problem in `m.yaml`\n\n- `m.yaml:3:5` unknown key `x`\n");
  });

  it("calls anything else a bug, with its stack, and asks for a report", () => {
    const r = renderError(new TypeError("x is undefined"), { json: false, color: false });
    expect(r.stderr).toMatch(/^error: reloadctl hit a bug: TypeError: x is undefined\n\s+at /);
    expect(r.stderr).toContain("Please report it");
  });
});

describe("renderError on a terminal", () => {
  it("wraps the message and the hint at words, continuing under the message", () => {
    const err = new UserError("a plan needs approval before it is applied, and no terminal is here to ask", "run `reloadctl apply --auto-approve` to apply without asking");
    const lines = renderError(err, { json: false, color: false, width: 40 }).stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "error: a plan needs approval before it",
      "       is applied, and no terminal is",
      "       here to ask",
      "       run `reloadctl apply",
      "       --auto-approve` to apply without",
      "       asking",
    ]);
  });

  it("wraps a stale plan's reasons at words, and lets a token longer than a line stand whole", () => {
    const path = "/tmp/a-rather-long-directory-name/plans/nightly-plan.json";
    const err = new UserError(`the saved plan ${path} is stale; nothing was applied`, "make a new plan: reloadctl plan --out PLAN", ["finance/o2c: a load ended since the plan was made"]);
    const lines = renderError(err, { json: false, color: false, width: 40 }).stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "error: the saved plan",
      `       ${path}`,
      "       is stale; nothing was applied",
      "  finance/o2c: a load ended since the",
      "    plan was made",
      "       make a new plan: reloadctl plan",
      "       --out PLAN",
    ]);
  });

  it("in a log or a pipe (no width) each stays on one line; colour paints the wrapped lines", () => {
    const err = new UserError("a plan needs approval before it is applied, and no terminal is here to ask", "run `reloadctl apply --auto-approve`");
    expect(renderError(err, { json: false, color: false }).stderr).toBe(
      "error: a plan needs approval before it is applied, and no terminal is here to ask\n       run `reloadctl apply --auto-approve`\n",
    );
    const colored = renderError(err, { json: false, color: true, width: 40 }).stderr;
    expect(colored.startsWith("\x1b[31merror:\x1b[39m a plan needs approval before it\n")).toBe(true);
    expect(colored).toContain("\x1b[2mrun `reloadctl apply\x1b[22m\n       \x1b[2m--auto-approve`\x1b[22m");
  });
});
