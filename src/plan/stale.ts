// Is a saved plan still what the manifest and the service say? Every reason it is not, per model.
// apply PLAN runs only a plan for which this finds nothing.
import type { CelonisApi, LastLoad } from "../celonis/api.js";
import { isNotFound } from "../celonis/errors.js";
import { contentSha256 } from "../manifest/content-hash.js";
import type { Manifest, ManifestModel } from "../manifest/types.js";
import { formatDurationSpec } from "../shared/duration.js";
import { ModelError, UserError } from "../shared/errors.js";
import { PLAN_TTL_MS } from "./build-plan.js";
import { decideAction } from "./decide-action.js";
import { resolveTableWord } from "./resolve-tables.js";
import { resolveNames } from "./resolve-names.js";
import { applySelection } from "./select.js";
import { parseShard } from "./shard.js";
import type { LastLoadSummary, PlanDocument, PlannedModel } from "./types.js";

export interface StaleCheckInput {
  /** The plan as saved, whole. */
  doc: PlanDocument;
  /** The models of it to be applied (apply --select narrows a plan); default: all. */
  models?: readonly PlannedModel[];
  api: CelonisApi;
  baseUrl: string;
  /** The manifest as it is now, or null when it cannot be read. */
  manifest: Manifest | null;
  now: number;
  signal?: AbortSignal;
  /** The file this run read the manifest from, resolved, when apply found it itself. */
  manifestRead?: { path: string; planned: string };
}

/** How the manifest this run read differs from the one the plan was made from. */
function manifestChange(doc: PlanDocument, manifest: Manifest, read: StaleCheckInput["manifestRead"]): string {
  const was = `sha256 ${doc.manifest.sha256.slice(0, 8)}…`;
  const now = `sha256 ${manifest.sha256.slice(0, 8)}…`;
  if (read !== undefined && read.path !== read.planned) {
    return `this plan was made from ${doc.manifest.path} (${read.planned}, ${was}); this run read ${read.path} (${now}), another file`;
  }
  // A plan made before contentSha256 lacks it: undefined, never equal to a hash.
  if (doc.manifest.contentSha256 === contentSha256(manifest.source)) {
    return `the manifest ${doc.manifest.path} changed since the plan was made, only in comments or layout (its settings are the same); a plan runs only the exact manifest it was made from`;
  }
  return `the manifest ${doc.manifest.path} changed since the plan was made`;
}

/** How far ahead of our clock a plan's createdAt may be (another machine's clock). */
const CREATED_AHEAD_MS = 5 * 60_000;

function sameLoad(a: LastLoadSummary | null, b: LastLoadSummary | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.startDate === b.startDate;
}

function describeLoad(l: LastLoadSummary | null): string {
  return l === null ? "none" : `${l.status}${l.id ? ` ${l.id}` : ""}${l.startDate ? ` started ${l.startDate}` : ""}`;
}

/** Where the planned model and the manifest's model disagree (a plan changed by hand, or a manifest since). */
function againstManifest(p: PlannedModel, mm: ManifestModel, found: ResolvedIds | undefined): string[] {
  const out: string[] = [];
  // The pool key decides which bound holds the load: it must be the manifest's, as the address says.
  if (p.pool !== mm.poolKey || p.model !== mm.modelKey) {
    out.push(`planned in pool ${p.pool} as ${p.pool}/${p.model}, but the manifest declares it in pool ${mm.poolKey}`);
  }
  if (mm.poolName !== null && found !== undefined && found.poolId !== p.poolId) {
    out.push(`pool name ${JSON.stringify(mm.poolName)} now resolves to pool ${found.poolId}; the plan has ${p.poolId}`);
  }
  if (mm.modelName !== null && found !== undefined && found.modelId !== p.modelId) {
    out.push(`model name ${JSON.stringify(mm.modelName)} now resolves to data model ${found.modelId}; the plan has ${p.modelId}`);
  }
  const idsDiffer = (mm.poolId !== null && mm.poolId !== p.poolId) || (mm.modelId !== null && mm.modelId !== p.modelId);
  if (idsDiffer) {
    out.push(`planned for data model ${p.modelId} in pool ${p.poolId}, but the manifest names ${mm.modelId ?? JSON.stringify(mm.modelName)} in pool ${mm.poolId ?? JSON.stringify(mm.poolName)}`);
  }
  if (mm.reload.kind !== p.reload) out.push(`planned as a ${p.reload} reload, but the manifest declares ${mm.reload.kind}`);
  if (mm.reload.kind === "partial" && p.action === "partial") {
    const planned = p.tables.map((t) => t.word).join(", ");
    const declared = mm.reload.tables.join(", ");
    if (planned !== declared) out.push(`planned tables [${planned}], but the manifest declares [${declared}]`);
  }
  const durations: [string, number, number][] = [["timeout", p.timeoutMs, mm.timeoutMs], ["maxAge", p.maxAgeMs, mm.maxAgeMs]];
  for (const [name, planned, declared] of durations) {
    if (planned !== declared) out.push(`\`${name}\` is ${formatDurationSpec(declared)} in the manifest, ${formatDurationSpec(planned)} in the plan`);
  }
  if (p.onWarning !== mm.onWarning) out.push(`\`onWarning\` is ${mm.onWarning} in the manifest, ${p.onWarning} in the plan`);
  if (p.onRunning !== mm.onRunning) out.push(`\`onRunning\` is ${mm.onRunning} in the manifest, ${p.onRunning} in the plan`);
  return out;
}

/** Where the plan as a whole and the manifest disagree: its bounds, and which models its selection takes. */
function planAgainstManifest(doc: PlanDocument, manifest: Manifest, declared: ReadonlyMap<string, ManifestModel>): string[] {
  const out: string[] = [];
  if (doc.parallelism !== manifest.parallelism) out.push(`\`parallelism\` is ${manifest.parallelism} in the manifest, ${doc.parallelism} in the plan`);
  // Bounds come from the manifest, always: any difference, a pool missing or one too many, is stale.
  const pools = new Set(manifest.pools.map((p) => p.key));
  for (const pool of manifest.pools) {
    const planned = doc.poolParallelism[pool.key];
    if (planned === undefined && doc.models.some((m) => m.pool === pool.key)) {
      out.push(`\`poolParallelism\` of pool ${pool.key} is ${pool.poolParallelism} in the manifest, missing from the plan`);
    } else if (planned !== undefined && planned !== pool.poolParallelism) {
      out.push(`\`poolParallelism\` of pool ${pool.key} is ${pool.poolParallelism} in the manifest, ${planned} in the plan`);
    }
  }
  for (const key of Object.keys(doc.poolParallelism)) {
    if (!pools.has(key)) out.push(`\`poolParallelism\` names pool ${key} in the plan, which the manifest does not declare`);
  }
  let selected: ManifestModel[];
  try {
    selected = applySelection(manifest.models, { ...doc.selection, shard: doc.selection.shard === undefined ? undefined : parseShard(doc.selection.shard) });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return [...out, `the plan's selection no longer applies to the manifest: ${err.message}`];
  }
  const planned = new Set(doc.models.map((m) => m.address));
  const expected = new Set(selected.map((m) => m.address));
  const flags = [...doc.selection.select.map((s) => `--select ${s}`), ...doc.selection.exclude.map((s) => `--exclude ${s}`)];
  if (doc.selection.shard !== undefined) flags.push(`--shard ${doc.selection.shard}`);
  const shown = flags.join(" ") || "all models";
  for (const m of doc.models) {
    if (!expected.has(m.address) && declared.has(m.address)) out.push(`${m.address}: is in the plan, but outside its selection (${shown})`);
  }
  for (const address of expected) if (!planned.has(address)) out.push(`${address}: the plan's selection (${shown}) takes it, but the plan has no entry for it`);
  return out;
}

type ResolvedIds = { poolId: string; modelId: string };

async function modelReasons(input: StaleCheckInput, declared: ReadonlyMap<string, ManifestModel>, found: ReadonlyMap<string, ResolvedIds>, p: PlannedModel): Promise<string[]> {
  const ref = { poolId: p.poolId, modelId: p.modelId };
  const opts = input.signal ? { signal: input.signal } : {};
  const reasons: string[] = [];
  const mm = declared.get(p.address);
  if (input.manifest && !mm) reasons.push("is not in the manifest");
  if (mm) reasons.push(...againstManifest(p, mm, found.get(p.address)));
  let last: LastLoad | null;
  let tables;
  try {
    [last, tables] = await Promise.all([
      input.api.lastLoad(ref, opts),
      p.action === "partial" ? input.api.listTables(ref, opts) : Promise.resolve(null),
    ]);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return [...reasons, `the service knows no data model ${p.modelId} in pool ${p.poolId} (404)`].map((r) => `${p.address}: ${r}`);
  }
  const loadRan = !sameLoad(p.lastLoad, last);
  if (loadRan) {
    reasons.push(`a load ran since the plan was made (planned against ${describeLoad(p.lastLoad)}; now ${describeLoad(last)})`);
  }
  if (tables) {
    const ids = new Set(tables.map((t) => t.id));
    for (const t of p.tables) {
      if (!ids.has(t.id)) {
        reasons.push(`table "${t.word}" (id ${t.id}) is gone`);
        continue;
      }
      const r = resolveTableWord(t.word, tables);
      if (!r.ok) reasons.push(`table "${t.word}" no longer resolves to one table`);
      else if (r.table.id !== t.id) reasons.push(`table "${t.word}" now resolves to ${r.table.id}, not ${t.id}`);
    }
  }
  if (mm && reasons.length === 0) {
    const now = decideAction(mm, last, input.now);
    if (now.action !== p.action) reasons.push(`planned to ${p.action}, but would now ${now.action}: ${now.reason}`);
  }
  return reasons.map((r) => `${p.address}: ${r}`);
}

/** Every reason the plan is stale; empty when it may run. */
export async function findStaleness(input: StaleCheckInput): Promise<string[]> {
  const { doc } = input;
  const reasons: string[] = [];
  // A plan's life is the tool's rule from its creation: an expiresAt edited later extends nothing.
  const createdAt = Date.parse(doc.createdAt);
  const expiresAt = Math.min(Date.parse(doc.expiresAt), createdAt + PLAN_TTL_MS);
  if (createdAt > input.now + CREATED_AHEAD_MS) reasons.push(`the plan says it was made at ${doc.createdAt}, in the future`);
  else if (expiresAt <= input.now) reasons.push(`the plan expired at ${new Date(expiresAt).toISOString()}`);
  if (doc.baseUrl !== input.baseUrl) reasons.push(`the plan is for ${doc.baseUrl}, but the connection is ${input.baseUrl}`);
  if (input.manifest === null) reasons.push(`the manifest ${doc.manifest.path} cannot be read`);
  else if (input.manifest.sha256 !== doc.manifest.sha256) reasons.push(manifestChange(doc, input.manifest, input.manifestRead));
  // The manifest's models by address: a plan may hold thousands.
  const declared = new Map((input.manifest?.models ?? []).map((m) => [m.address, m]));
  if (input.manifest !== null) reasons.push(...planAgainstManifest(doc, input.manifest, declared));
  if (doc.baseUrl !== input.baseUrl) return reasons; // reading another tenant's models says nothing
  const planned = input.models ?? doc.models;
  // The manifest's names are looked up again: one that resolves elsewhere now makes the plan stale.
  const found = new Map<string, ResolvedIds>();
  if (input.manifest !== null) {
    const addresses = new Set(planned.map((m) => m.address));
    const covered = input.manifest.models.filter((m) => addresses.has(m.address));
    const named = await resolveNames(input.manifest.pools, covered, input.api, input.signal ? { signal: input.signal } : {});
    for (const m of named.models) found.set(m.address, m);
    reasons.push(...named.problems.map((p) => `${p.message} (a name the plan resolved)`));
  }
  const perModel = await Promise.all(
    planned.map((m) =>
      modelReasons(input, declared, found, m).catch((err: unknown) => {
        throw new ModelError(m.address, err);
      }),
    ),
  );
  return [...reasons, ...perModel.flat()];
}
