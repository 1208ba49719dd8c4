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
  // The text view's own test holds the snapshot of these lines.
});

test("PlanView folds skips and cuts to a narrow terminal like the text view", () => {
  const view = render(<PlanView doc={manySkipsPlan()} now={NOW} width={40} />);
  const frame = stripAnsi(view.lastFrame()!);
  expect(frame).toBe(renderPlanText(manySkipsPlan(), { now: NOW, color: false, width: 40 }));
  expect(frame.split("\n").every((l) => [...l].length <= 40)).toBe(true);
});
