// Is a saved plan still what the service looks like? Every reason it is not, per model.
import type { CelonisApi } from "../celonis/api.js";
import type { LastLoadSummary, PlanDocument, PlannedModel } from "./types.js";
import { resolveTableWord } from "./resolve-tables.js";
import { ModelError } from "../shared/errors.js";

export interface StaleCheckInput {
  doc: PlanDocument;
  api: CelonisApi;
  baseUrl: string;
  /** sha256 of the manifest as it is now, or null when it cannot be read. */
  manifestSha256: string | null;
  now: number;
  signal?: AbortSignal;
}

function sameLoad(a: LastLoadSummary | null, b: LastLoadSummary | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.startDate === b.startDate;
}

function describeLoad(l: LastLoadSummary | null): string {
  return l === null ? "none" : `${l.status}${l.id ? ` ${l.id}` : ""}${l.startDate ? ` started ${l.startDate}` : ""}`;
}

async function modelReasons(api: CelonisApi, m: PlannedModel, signal?: AbortSignal): Promise<string[]> {
  const ref = { poolId: m.poolId, modelId: m.modelId };
  const opts = signal ? { signal } : {};
  const [last, tables] = await Promise.all([
    api.lastLoad(ref, opts),
    m.action === "partial" ? api.listTables(ref, opts) : Promise.resolve(null),
  ]);
  const reasons: string[] = [];
  if (!sameLoad(m.lastLoad, last)) {
    reasons.push(`a load ran since the plan was made (planned against ${describeLoad(m.lastLoad)}; now ${describeLoad(last)})`);
  }
  if (tables) {
    const ids = new Set(tables.map((t) => t.id));
    for (const t of m.tables) {
      if (!ids.has(t.id)) {
        reasons.push(`table "${t.word}" (id ${t.id}) is gone`);
        continue;
      }
      const r = resolveTableWord(t.word, tables);
      if (!r.ok) reasons.push(`table "${t.word}" no longer resolves to one table`);
      else if (r.table.id !== t.id) reasons.push(`table "${t.word}" now resolves to ${r.table.id}, not ${t.id}`);
    }
  }
  return reasons.map((r) => `${m.address}: ${r}`);
}

/** Every reason the plan is stale; empty when it may run. */
export async function findStaleness(input: StaleCheckInput): Promise<string[]> {
  const { doc } = input;
  const reasons: string[] = [];
  if (Date.parse(doc.expiresAt) <= input.now) reasons.push(`the plan expired at ${doc.expiresAt}`);
  if (doc.baseUrl !== input.baseUrl) reasons.push(`the plan is for ${doc.baseUrl}, but the connection is ${input.baseUrl}`);
  if (input.manifestSha256 === null) reasons.push(`the manifest ${doc.manifest.path} cannot be read`);
  else if (input.manifestSha256 !== doc.manifest.sha256) reasons.push(`the manifest ${doc.manifest.path} changed since the plan was made`);
  if (doc.baseUrl !== input.baseUrl) return reasons; // reading another tenant's models says nothing
  const perModel = await Promise.all(
    doc.models.map((m) =>
      modelReasons(input.api, m, input.signal).catch((err: unknown) => {
        throw new ModelError(m.address, err);
      }),
    ),
  );
  return [...reasons, ...perModel.flat()];
}
