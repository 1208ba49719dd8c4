import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { renderPlanTty, renderStatusTty } from "../../src/report/tty.js";
import { renderPlanText } from "../../src/report/plan/plan-text.js";
import { renderStatusText } from "../../src/report/status/status-text.js";
import { stripAnsi } from "../../src/report/style.js";
import { NOW, mixedPlan, statusDoc } from "./fixtures.js";
import { captured } from "../helpers/streams.js";

const terminal = (columns: number) => captured({ columns, isTTY: true });

describe("static TTY views", () => {
  test("renderPlanTty writes the plan once, at the terminal's width", async () => {
    const t = terminal(72);
    await renderPlanTty(mixedPlan(), { now: NOW, savedTo: "plan.json", planSha256: "3f9a0c1b2c", color: false }, t.stream);
    const expected = renderPlanText(mixedPlan(), { now: NOW, color: false, width: 72, savedTo: "plan.json", planSha256: "3f9a0c1b2c" });
    expect(t.text()).not.toContain("\x1b");
    expect(t.text()).toBe(`${expected}\n`);
  });

  test("renderStatusTty writes the status table once", async () => {
    const t = terminal(100);
    await renderStatusTty(statusDoc(), { now: NOW, color: false }, t.stream);
    expect(stripAnsi(t.text())).toBe(`${renderStatusText(statusDoc(), { now: NOW, color: false, width: 100 })}\n`);
  });
});

// Start-up time: the plain renderers and tty.ts itself must not pull Ink or React in statically.
describe("module graph", () => {
  const root = resolve(import.meta.dirname, "../../src/report");
  const STATIC_IMPORT = /^\s*(?:import|export)\s(?!type\b)[^;]*?\sfrom\s+"([^"]+)"/gm;

  function staticImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, spec] of source.matchAll(STATIC_IMPORT)) {
      if (!spec!.startsWith(".")) {
        seen.add(spec!);
        continue;
      }
      const base = join(dirname(file), spec!).replace(/\.js$/, "");
      const next = [`${base}.ts`, `${base}.tsx`].find((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
      if (next) staticImports(next, seen);
    }
    return seen;
  }

  test.each([
    "tty.ts",
    "plan/plan-text.ts",
    "plan/plan-markdown.ts",
    "apply/apply-text.ts",
    "apply/apply-json.ts",
    "apply/apply-markdown.ts",
    "status/status-text.ts",
    "status/status-markdown.ts",
  ])("%s loads neither ink nor react", (entry) => {
    const reached = [...staticImports(join(root, entry))];
    expect(reached.filter((m) => m === "ink" || m === "react" || m.endsWith(".tsx"))).toEqual([]);
  });

  test("the walker does see Ink where it is imported", () => {
    expect([...staticImports(join(root, "apply/ApplyView.tsx"))]).toContain("ink");
  });
});
