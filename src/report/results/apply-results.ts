// The run's record (`apply --results FILE`): what each model of one apply ended as, versioned like
// the plan document, so a later run can select from it (`--select result:failed --state FILE`).
import type { ModelOutcome } from "../../apply/events.js";
import type { PlanDocument } from "../../plan/types.js";
import type { SummaryEvent } from "../apply/apply-model.js";

export interface ApplyResults {
  formatVersion: 1;
  kind: "apply-results";
  tool: { name: "reloadctl"; version: string };
  planId: string;
  manifest: { path: string; sha256: string };
  baseUrl: string;
  target: string | null;
  startedAt: string;
  endedAt: string;
  interrupted: boolean;
  models: Pick<ModelOutcome, "address" | "action" | "result" | "loadStatus" | "loadId" | "message" | "durationMs">[];
}

export function applyResults(doc: PlanDocument, summary: SummaryEvent, version: string): ApplyResults {
  const ended = Date.parse(summary.at);
  return {
    formatVersion: 1,
    kind: "apply-results",
    tool: { name: "reloadctl", version },
    planId: doc.planId,
    manifest: { path: doc.manifest.path, sha256: doc.manifest.sha256 },
    baseUrl: doc.baseUrl,
    target: doc.target,
    startedAt: new Date(ended - summary.durationMs).toISOString(),
    endedAt: summary.at,
    interrupted: summary.interrupted,
    models: summary.models.map(({ address, action, result, loadStatus, loadId, message, durationMs }) => ({ address, action, result, loadStatus, loadId, message, durationMs })),
  };
}

export function serializeResults(results: ApplyResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
