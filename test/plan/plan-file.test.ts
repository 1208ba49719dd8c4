import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlanFile, serializePlan, writePlanFile } from "../../src/plan/plan-file.js";
import { UserError } from "../../src/shared/errors.js";
import { planDoc, plannedModel } from "../helpers/plan-doc.js";

const dir = () => mkdtempSync(join(tmpdir(), "reloadctl-plan-file-"));

async function messageOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return (err as UserError).message;
}

describe("plan files", () => {
  it("writes a plan and reads the same document back, leaving no temporary file", async () => {
    const d = dir();
    const doc = planDoc([plannedModel({ address: "a/m" })]);
    await writePlanFile(join(d, "plan.json"), serializePlan(doc));
    expect(readdirSync(d)).toEqual(["plan.json"]);
    expect((await readPlanFile(join(d, "plan.json"))).doc).toEqual(JSON.parse(serializePlan(doc)));
  });

  it("reads a plan made before expected durations were recorded as one with none known", async () => {
    const d = dir();
    const old = JSON.parse(serializePlan(planDoc([plannedModel({ address: "a/m" })])));
    delete old.order;
    delete old.expectedWallMs;
    delete old.models[0].expectedDurationMs;
    writeFileSync(join(d, "old.json"), JSON.stringify(old));
    const { doc } = await readPlanFile(join(d, "old.json"));
    expect(doc.models[0]!.expectedDurationMs).toBeNull();
    expect(doc.expectedWallMs).toBeNull();
    expect(doc.order).toEqual([]);
  });

  it("says in words why a plan cannot be written or read, and leaves nothing behind", async () => {
    const d = dir();
    expect(await messageOf(writePlanFile(d, "{}"))).toBe(`cannot write the plan to ${d}: it is a directory`);
    expect(await messageOf(writePlanFile(join(d, "no", "p.json"), "{}"))).toBe(`cannot write the plan to ${join(d, "no", "p.json")}: its directory does not exist`);
    expect(await messageOf(readPlanFile(join(d, "missing.json")))).toBe(`cannot read the plan ${join(d, "missing.json")}: no such file`);
    expect(await messageOf(readPlanFile(d))).toBe(`cannot read the plan ${d}: it is a directory`);
    writeFileSync(join(d, "x.json"), "not json");
    expect(await messageOf(readPlanFile(join(d, "x.json")))).toBe(`${join(d, "x.json")} is not a plan file: it is not JSON`);
    expect(readdirSync(d)).toEqual(["x.json"]);
  });
});

describe("plan files: the plan id", () => {
  it("reads back the id of what the file holds: computed for a plan saved without one, recomputed for one edited by hand", async () => {
    const d = dir();
    const doc = planDoc([plannedModel({ address: "a/m" })]);
    const { planId: _drop, ...older } = doc;
    writeFileSync(join(d, "older.json"), JSON.stringify(older));
    expect((await readPlanFile(join(d, "older.json"))).doc.planId).toBe(doc.planId);
    writeFileSync(join(d, "edited.json"), JSON.stringify({ ...doc, parallelism: 9 }));
    const edited = (await readPlanFile(join(d, "edited.json"))).doc.planId;
    expect(edited).toMatch(/^[0-9a-f]{12}$/);
    expect(edited).not.toBe(doc.planId);
  });
});
