// JUnit XML of an apply (`apply --junit FILE`), for the test widgets of CI systems (GitLab's
// artifacts:reports:junit, GitHub test-report actions). One testsuite per pool, one testcase per
// model; valid against the common Ant JUnit schema (windyroad JUnit-Schema), which wants every
// required attribute and the properties/system-out/system-err elements, even empty.
import type { ModelOutcome } from "../../apply/events.js";
import type { PlanDocument } from "../../plan/types.js";
import type { SummaryEvent } from "../apply/apply-model.js";

/** Text for XML content and attribute values; characters XML 1.0 cannot hold at all are dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!)
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;");
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);
/** The schema's timestamp: ISO 8601 without fraction or zone (UTC here). */
const timestamp = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 19);

function testcase(o: ModelOutcome, pool: string): string[] {
  const name = o.address.slice(pool.length + 1);
  const open = `    <testcase name="${escapeXml(name)}" classname="${escapeXml(pool)}" time="${seconds(o.durationMs)}"`;
  const message = o.message ?? "";
  switch (o.result) {
    case "failed": {
      const what = `${o.loadStatus ?? "failed"}${message ? `: ${message}` : ""}`;
      return [`${open}>`, `      <failure type="${escapeXml(o.loadStatus ?? "failed")}" message="${escapeXml(what)}">${escapeXml(what)}</failure>`, "    </testcase>"];
    }
    case "timed_out":
      return [`${open}>`, `      <failure type="timed_out" message="${escapeXml(message || "timed out")}">${escapeXml(message || "timed out")}</failure>`, "    </testcase>"];
    case "skipped":
    case "not_started": {
      const why = message || (o.result === "skipped" ? "skipped" : "not started");
      return [`${open}>`, `      <skipped message="${escapeXml(why)}">${escapeXml(why)}</skipped>`, "    </testcase>"];
    }
    case "succeeded":
      return [`${open}/>`];
  }
}

export function renderApplyJunit(doc: PlanDocument, summary: SummaryEvent): string {
  const pools = new Map<string, ModelOutcome[]>();
  for (const o of summary.models) {
    const pool = o.address.slice(0, o.address.indexOf("/"));
    pools.set(pool, [...(pools.get(pool) ?? []), o]);
  }
  const started = new Date(Date.parse(summary.at) - summary.durationMs).toISOString();
  // The loads ran on the tenant: that is the host the results are from.
  const host = new URL(doc.baseUrl).hostname || "localhost";
  const properties = [
    ["planId", doc.planId],
    ["baseUrl", doc.baseUrl],
    ["manifest", doc.manifest.path],
    ["manifestSha256", doc.manifest.sha256],
    ["reloadctl", doc.tool.version],
    ["interrupted", String(summary.interrupted)],
  ];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"];
  [...pools.entries()].forEach(([pool, models], id) => {
    const count = (...results: ModelOutcome["result"][]) => models.filter((m) => results.includes(m.result)).length;
    const time = models.reduce((t, m) => Math.max(t, m.durationMs), 0);
    out.push(
      `  <testsuite name="${escapeXml(pool)}" package="${escapeXml(pool)}" id="${id}" timestamp="${timestamp(started)}" hostname="${escapeXml(host)}"` +
        ` tests="${models.length}" failures="${count("failed", "timed_out")}" errors="0" skipped="${count("skipped", "not_started")}" time="${seconds(time)}">`,
      "    <properties>",
      ...properties.map(([name, value]) => `      <property name="${name}" value="${escapeXml(value!)}"/>`),
      "    </properties>",
      ...models.flatMap((m) => testcase(m, pool)),
      "    <system-out/>",
      "    <system-err/>",
      "  </testsuite>",
    );
  });
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}
