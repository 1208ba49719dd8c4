// Saved plans: written atomically, read back with a clear error for anything that is not one.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { writeFileForUser } from "../shared/replace-file.js";
import { UserError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";
import type { PlanDocument } from "./types.js";
import { checkPlanDocument } from "./check-plan-document.js";
import { computePlanId } from "./plan-id.js";

export function serializePlan(doc: PlanDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Writes the plan to `path` (see replaceFile: atomic for a regular file, never replacing a device or FIFO). */
export async function writePlanFile(path: string, text: string): Promise<void> {
  await writeFileForUser(path, text, { what: "plan", hint: "give --out a file path in a directory that exists" });
}

export async function readPlanFile(path: string): Promise<{ doc: PlanDocument; sha256: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new UserError(`cannot read the plan ${path}: ${fileErrorReason(err, "read")}`, "make one with: reloadctl plan --out PLAN");
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not a plan file: it is not JSON`, "make one with: reloadctl plan --out PLAN");
  }
  const d = doc as Partial<PlanDocument> | null;
  if (d === null || typeof d !== "object" || d.tool?.name !== "reloadctl" || !Array.isArray(d.models)) {
    throw new UserError(`${path} is not a reloadctl plan file`, "make one with: reloadctl plan --out PLAN");
  }
  if (typeof d.formatVersion !== "number") {
    throw new UserError(`${path} has formatVersion ${JSON.stringify(d.formatVersion) ?? "missing"}, not a number: this reloadctl reads plan format 1`, "make the plan again with: reloadctl plan --out PLAN");
  }
  if (d.formatVersion !== 1) {
    throw new UserError(`${path} has plan format ${String(d.formatVersion)}; this reloadctl reads format 1`, "make the plan again with this version");
  }
  const problems = checkPlanDocument(d);
  if (problems.length > 0) {
    throw new UserError(`${path} is not a usable plan: it was changed by hand or is damaged`, "make a new plan: reloadctl plan --out PLAN", problems.slice(0, 10));
  }
  // The id apply reports is always that of what the file holds (older plans have none; an edited
  // one is then caught, model by model, by the staleness check). A plan made before expected
  // durations were recorded has none known, and apply orders it afresh; one made before targets, none.
  const plan = d as PlanDocument;
  const models = plan.models.map((m) => ({ ...m, expectedDurationMs: m.expectedDurationMs ?? null }));
  return { doc: { ...plan, models, order: plan.order ?? [], expectedWallMs: plan.expectedWallMs ?? null, target: plan.target ?? null, planId: computePlanId(plan) }, sha256: sha256(text) };
}
