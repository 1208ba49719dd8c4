import { describe, expect, it } from "vitest";
import { renderApplyJunit } from "../../../src/report/junit/apply-junit.js";
import type { SummaryEvent } from "../../../src/report/apply/apply-model.js";
import type { ModelOutcome } from "../../../src/apply/events.js";
import { planDoc, plannedModel } from "../../helpers/plan-doc.js";
import { junitSchemaErrors } from "../../helpers/junit-schema.js";

const outcomes: ModelOutcome[] = [
  { address: "finance/p2p", action: "partial", result: "succeeded", loadStatus: "SUCCESS", loadId: "l1", message: null, durationMs: 72_000 },
  { address: "finance/o2c", action: "full", result: "failed", loadStatus: "ERROR", loadId: "l2", message: 'Table "RET" <x> & column\nmissing', durationMs: 55_250 },
  { address: "logistics/ship", action: "cache", result: "timed_out", loadStatus: "RUNNING", loadId: "l3", message: "did not end within 1m", durationMs: 60_000 },
  { address: "logistics/ar", action: "skip", result: "skipped", loadStatus: null, loadId: null, message: "fresh: last SUCCESS 42m ago, maxAge 6h", durationMs: 0 },
  { address: "logistics/late", action: "full", result: "not_started", loadStatus: null, loadId: null, message: "interrupted before it started", durationMs: 0 },
];
const summary: SummaryEvent = {
  type: "summary", at: "2026-11-28T17:02:00.000Z", models: outcomes, succeeded: 1, failed: 1, skipped: 1, timedOut: 1, notStarted: 1, warnings: 0, durationMs: 120_000, interrupted: true,
};
const doc = planDoc(outcomes.map((o) => plannedModel({ address: o.address, action: o.action })));

describe("renderApplyJunit", () => {
  it("is valid against the common JUnit schema, with every kind of result and characters XML must escape", async () => {
    expect(await junitSchemaErrors(renderApplyJunit(doc, summary))).toEqual([]);
  });

  it("has one testsuite per pool and one testcase per model: classname the pool, name the model, time the load's", () => {
    const xml = renderApplyJunit(doc, summary);
    expect(xml).toContain('<testsuite name="finance" package="finance" id="0" timestamp="2026-11-28T17:00:00" hostname="fake.celonis.test" tests="2" failures="1" errors="0" skipped="0" time="72.000">');
    expect(xml).toContain('<testsuite name="logistics" package="logistics" id="1" timestamp="2026-11-28T17:00:00" hostname="fake.celonis.test" tests="3" failures="1" errors="0" skipped="2" time="60.000">');
    expect(xml).toContain('<testcase name="p2p" classname="finance" time="72.000"/>');
    expect(xml).toContain('<failure type="ERROR" message="ERROR: Table &quot;RET&quot; &lt;x&gt; &amp; column&#10;missing">');
    expect(xml).toContain('<failure type="timed_out" message="did not end within 1m">');
    expect(xml).toContain('<skipped message="fresh: last SUCCESS 42m ago, maxAge 6h">');
    expect(xml).toContain('<skipped message="interrupted before it started">');
    expect(xml).toContain(`<property name="planId" value="${doc.planId}"/>`);
  });

  it("a schema violation is caught by the validator (the check is not vacuous)", async () => {
    const broken = renderApplyJunit(doc, summary).replace(' time="72.000"/>', "/>");
    expect((await junitSchemaErrors(broken)).join("\n")).toContain("The attribute 'time' is required but missing");
  });
});
