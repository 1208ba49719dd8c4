import { describe, expect, test } from "vitest";
import { renderPlanText } from "../../../src/report/plan/plan-text.js";
import { stripAnsi, textWidth } from "../../../src/report/style.js";
import { NOW, allSkipPlan, manySkipsPlan, mixedPlan, model, planDoc } from "../fixtures.js";

describe("renderPlanText", () => {
  test("draws the mixed plan as in views.md", () => {
    const text = renderPlanText(mixedPlan(), {
      now: NOW,
      color: false,
      width: 100,
      savedTo: "plan.json",
      planSha256: "3f9a0c1bd2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0",
    });
    expect(text).not.toContain("\x1b");
    expect(text).toMatchInlineSnapshot(`
      "reloadctl plan · reload.config.yaml → https://acme.eu-1.celonis.cloud · plan 3f9a0c1b2d4e

      finance  0f1d6c9e…
        ~ o2c         complete reload    last SUCCESS 29h ago (took 1h 02m)
        ~ p2p         partial reload     3 of 41 tables, 38 from cache · last SUCCESS 2h ago
            + EKKO           → 7a1f2c…
            + PO Items       → 9b2c11…  (EKPO)
            + Vendor Master  → 11de90…  (LFA1)
        = ar          skip               fresh: last SUCCESS 42m ago, maxAge 6h

      logistics  4c2a77e1…
        ~ shipments   reload from cache  never loaded
        ~ returns     complete reload    last ERROR 3h ago: Table RET: column X missing
        = pickups     skip               running: load 1a2b3c4d… RUNNING for 5m, onRunning: skip

      Plan: 4 to reload (2 complete, 1 from cache, 1 partial), 2 skipped.
      Expected ≈ 1h 02m at parallelism 4, 2 loads of unknown duration counted as the median; starts first:
        logistics/shipments, logistics/returns, finance/o2c, then 1 more.
      Saved to plan.json (sha256 3f9a0c1b…). Run it with: reloadctl apply plan.json"
    `);
  });

  test("shows a pool or model named in the manifest by the name it was looked up by and the id that gave", () => {
    const doc = planDoc([
      model({ address: "finance/o2c", poolName: "Finance", modelName: "Order to Cash" }),
      model({ address: "finance/ar", poolName: "Finance", modelId: "3e5f7a9b-1c2d-4e8f-9a0b-6c4d2e1f3a85" }),
    ]);
    expect(renderPlanText(doc, { now: NOW, color: false })).toMatchInlineSnapshot(`
      "reloadctl plan · reload.config.yaml → https://acme.eu-1.celonis.cloud · plan 3f9a0c1b2d4e

      finance  "Finance" → 0f1d6c9e…
        ~ o2c         complete reload    never loaded
            "Order to Cash" → 5b7c2e11…
        ~ ar          complete reload    never loaded

      Plan: 2 to reload (2 complete), 0 skipped.
      Expected time unknown: no model's last load ran to its end as a load of the same kind; starts first:
        finance/o2c, finance/ar."
    `);
  });

  test("says nothing to reload when everything is skipped", () => {
    expect(renderPlanText(allSkipPlan(), { now: NOW, color: false })).toMatchInlineSnapshot(`
      "reloadctl plan · reload.config.yaml → https://acme.eu-1.celonis.cloud · plan 3f9a0c1b2d4e

      finance  0f1d6c9e…
        = o2c         skip               fresh: last SUCCESS 10m ago, maxAge 6h
        = ar          skip               fresh: last WARNING 1h ago, maxAge 6h, onWarning: succeed

      Plan: nothing to reload, 2 skipped."
    `);
  });

  test("folds skips into one line per pool when there are more than foldSkipsOver", () => {
    const doc = manySkipsPlan();
    expect(renderPlanText(doc, { now: NOW, color: false })).toMatchInlineSnapshot(`
      "reloadctl plan · reload.config.yaml → https://acme.eu-1.celonis.cloud · plan 3f9a0c1b2d4e

      finance  0f1d6c9e…
        ~ o2c         complete reload    last SUCCESS 25h ago (took 1h 00m)
        = 12 models skipped (fresh)

      logistics  4c2a77e1…
        = 2 models skipped (1 fresh, 1 running)

      Plan: 1 to reload (1 complete), 14 skipped.
      Expected ≈ 1h 00m at parallelism 4."
    `);
    const unfolded = renderPlanText(doc, { now: NOW, color: false, foldSkipsOver: 20 });
    expect(unfolded.split("\n").filter((l) => l.startsWith("  = "))).toHaveLength(14);
  });

  test("cuts long names with … to fit the width, keeping columns; a detail with no room beside goes below, whole", () => {
    const doc = planDoc([
      model({ address: "finance/an-extremely-long-model-name-that-goes-on-and-on", lastLoad: null }),
      model({ address: "finance/o2c", reason: "x", action: "cache", reload: "cache" }),
    ]);
    const lines = renderPlanText(doc, { now: NOW, color: false, width: 50 }).split("\n");
    expect(lines.every((l) => [...l].length <= 50)).toBe(true);
    const pool = lines.findIndex((l) => l.startsWith("finance"));
    expect(lines.slice(pool + 1, pool + 5)).toEqual([
      "  ~ an-extremely-l…  complete reload",
      "    never loaded",
      "  ~ o2c              reload from cache",
      "    never loaded",
    ]);
  });

  test("colour adds ANSI codes only: stripped, it is the plain text", () => {
    const opts = { now: NOW, width: 100, savedTo: "plan.json", planSha256: "3f9a0c1b" } as const;
    const colored = renderPlanText(mixedPlan(), { ...opts, color: true });
    expect(colored).toContain("\x1b[");
    expect(stripAnsi(colored)).toBe(renderPlanText(mixedPlan(), { ...opts, color: false }));
  });

  test("quotes a saved path that the shell would split", () => {
    const text = renderPlanText(allSkipPlan(), { now: NOW, color: false, savedTo: "my plans/it's.json", planSha256: null });
    expect(text.split("\n").at(-1)).toBe(`Saved to my plans/it's.json. Run it with: reloadctl apply 'my plans/it'\\''s.json'`);
  });

  test.each([60, 80, 120])("at %i columns the header and the total are whole (wrapped, never cut)", (width) => {
    const doc = { ...mixedPlan(), baseUrl: "https://a-rather-long-team-name.eu-1.celonis.cloud" };
    const text = renderPlanText(doc, { now: NOW, color: false, width, savedTo: null, planSha256: null });
    const lines = text.split("\n");
    for (const l of lines) expect(textWidth(l), l).toBeLessThanOrEqual(width);
    const flat = text.replace(/\n\s*/g, " ");
    expect(flat).toContain("Plan: 4 to reload (2 complete, 1 from cache, 1 partial), 2 skipped.");
    expect(flat).toContain("https://a-rather-long-team-name.eu-1.celonis.cloud");
    expect(text).not.toMatch(/(Plan:|plan ·)[^\n]*…/);
  });

  test("colours as a Terraform user reads a plan: a change stands out, a skip is dim throughout", () => {
    const text = renderPlanText(mixedPlan(), { now: NOW, color: true, width: 120 });
    const row = (name: string) => text.split("\n").find((l) => stripAnsi(l).includes(` ${name} `))!;
    expect(row("o2c")).toContain("\x1b[33m~\x1b[39m");
    expect(row("o2c")).toContain("\x1b[1mcomplete reload\x1b[22m");
    const skip = row("ar");
    // Every visible character of the skipped row is inside a dim run.
    const undimmed = skip.replace(/\x1b\[2m[^\x1b]*\x1b\[22m/g, "").trim();
    expect(undimmed).toBe("");
  });

  test("a plan made from stdin is not followed by a command that cannot find its manifest", () => {
    const doc = { ...allSkipPlan(), manifest: { path: "-", sha256: "0".repeat(64) } };
    const text = renderPlanText(doc, { now: NOW, color: false, width: 120, savedTo: "p.json", planSha256: null });
    expect(text.split("\n").at(-1)).toBe("Saved to p.json. Run it with the manifest you piped in: reloadctl apply p.json -c MANIFEST");
  });

  test("on a narrow terminal the command to run the saved plan gets a line of its own, whole", () => {
    const text = renderPlanText(allSkipPlan(), { now: NOW, color: false, width: 40, savedTo: "plans/nightly.json", planSha256: "3f9a0c1b".repeat(8) });
    expect(text.split("\n").slice(-3)).toEqual(["Saved to plans/nightly.json (sha256", "  3f9a0c1b…). Run it with:", "  reloadctl apply plans/nightly.json"]);
  });

  test("a command to copy longer than the terminal is never cut: its own line, whole", () => {
    const savedTo = "/tmp/a-rather-long-directory-name/plan.json";
    const text = renderPlanText(allSkipPlan(), { now: NOW, color: false, width: 50, savedTo, planSha256: null });
    expect(text.split("\n").at(-1)).toBe(`  reloadctl apply ${savedTo}`);
  });

  test("at 60 columns a row's last load wraps under its column, the service's message and the time it took whole", () => {
    const lines = renderPlanText(mixedPlan(), { now: NOW, color: false, width: 60 }).split("\n");
    expect(lines.every((l) => textWidth(l) <= 60)).toBe(true);
    const row = (name: string) => lines.findIndex((l) => l.startsWith(`  ~ ${name} `));
    expect(lines.slice(row("o2c"), row("o2c") + 2)).toEqual([
      "  ~ o2c         complete reload    last SUCCESS 29h ago",
      "                                   (took 1h 02m)",
    ]);
    expect(lines.slice(row("returns"), row("returns") + 2)).toEqual([
      "  ~ returns     complete reload    last ERROR 3h ago: Table",
      "                                   RET: column X missing",
    ]);
  });

  test("service text cannot inject control codes or break lines", () => {
    const doc = planDoc([
      model({ address: "finance/o2c", lastLoad: { id: null, status: "ERROR", loadType: null, startDate: null, endDate: null, message: "bad\n\x1b[31mthing\x1b[0m" } }),
    ]);
    const text = renderPlanText(doc, { now: NOW, color: false });
    expect(text).not.toContain("\x1b");
    expect(text).toContain("  ~ o2c         complete reload    last ERROR: bad thing\n");
  });
});

test("a model whose last load is still running shows what apply will do about it", async () => {
  const { planDoc, plannedModel } = await import("../../helpers/plan-doc.js");
  const running = { id: "r1", status: "RUNNING", loadType: "COMPLETE", startDate: "2026-11-28T11:55:00.000Z", endDate: null, message: null };
  const doc = planDoc([
    plannedModel({ address: "p/waits", lastLoad: running, reason: "after the running load ends (RUNNING since 5m)" }),
    plannedModel({ address: "p/fails", lastLoad: running, onRunning: "fail", reason: "a load is RUNNING since 5m: apply will fail it (onRunning: fail)" }),
  ]);
  const text = renderPlanText(doc, { now: Date.parse("2026-11-28T12:00:00.000Z"), color: false });
  expect(text).toContain("  ~ waits       complete reload    after the running load ends (RUNNING since 5m)");
  expect(text).toContain("  ~ fails       complete reload    a load is RUNNING since 5m: apply will fail it (onRunning: fail)");
});
