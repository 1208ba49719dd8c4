import { afterEach, expect, test } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { PlanView } from "../../../src/report/plan/PlanView.js";
import { renderPlanText } from "../../../src/report/plan/plan-text.js";
import { stripAnsi } from "../../../src/report/style.js";
import { NOW, manySkipsPlan, mixedPlan } from "../fixtures.js";

afterEach(() => cleanup());

test("PlanView draws the plain-text plan's lines", () => {
  const view = render(<PlanView doc={mixedPlan()} now={NOW} width={100} savedTo="plan.json" planSha256="3f9a0c1b2c3d" color={false} />);
  const frame = stripAnsi(view.lastFrame()!);
  expect(frame).toBe(renderPlanText(mixedPlan(), { now: NOW, color: false, width: 100, savedTo: "plan.json", planSha256: "3f9a0c1b2c3d" }));
  expect(frame).toMatchInlineSnapshot(`
    "reloadctl plan · reload.config.yaml → https://acme.eu-1.celonis.cloud

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

    Plan: 4 to reload (2 complete, 1 partial, 1 from cache), 2 skipped.
    Saved to plan.json (sha256 3f9a0c1b…). Run it with: reloadctl apply plan.json"
  `);
});

test("PlanView folds skips and cuts to a narrow terminal like the text view", () => {
  const view = render(<PlanView doc={manySkipsPlan()} now={NOW} width={40} />);
  const frame = stripAnsi(view.lastFrame()!);
  expect(frame).toBe(renderPlanText(manySkipsPlan(), { now: NOW, color: false, width: 40 }));
  expect(frame.split("\n").every((l) => [...l].length <= 40)).toBe(true);
});
