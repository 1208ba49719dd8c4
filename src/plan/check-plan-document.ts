// A saved plan is input like any other: check its shape before apply trusts a field of it.

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === "string" && v !== "";
const strOrNull: Check = (v) => v === null || typeof v === "string";
const date: Check = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
const count: Check = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const positive: Check = (v) => typeof v === "number" && Number.isInteger(v) && v >= 1;
const oneOf = (...allowed: string[]): Check => (v) => typeof v === "string" && allowed.includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function fields(where: string, value: unknown, spec: Record<string, Check>, problems: string[]): value is Record<string, unknown> {
  if (!isObject(value)) {
    problems.push(`${where} must be an object`);
    return false;
  }
  for (const [key, ok] of Object.entries(spec)) if (!ok(value[key])) problems.push(`${where}.${key} is missing or malformed`);
  return true;
}

/** Every way the document is not a usable plan; empty when it is one. */
export function checkPlanDocument(doc: unknown): string[] {
  const problems: string[] = [];
  if (!fields("plan", doc, { createdAt: date, expiresAt: date, baseUrl: str, parallelism: positive }, problems)) return problems;
  fields("manifest", doc.manifest, { path: str, sha256: str }, problems);
  if (!(doc.target === undefined || doc.target === null || str(doc.target))) problems.push("plan.target is missing or malformed");
  if (!isObject(doc.poolParallelism) || !Object.values(doc.poolParallelism).every(positive)) problems.push("plan.poolParallelism is missing or malformed");
  const selectors = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");
  fields("selection", doc.selection, { select: selectors, exclude: selectors, shard: (v) => v === undefined || (typeof v === "string" && /^\d+\/\d+$/.test(v)) }, problems);
  if (!(doc.expectedWallMs === undefined || doc.expectedWallMs === null || (typeof doc.expectedWallMs === "number" && doc.expectedWallMs >= 0))) problems.push("plan.expectedWallMs is malformed");
  if (!(doc.order === undefined || (Array.isArray(doc.order) && doc.order.every((a) => typeof a === "string")))) problems.push("plan.order is malformed");
  if (!Array.isArray(doc.models)) return [...problems, "plan.models must be a list"];
  const seen = new Set<unknown>();
  doc.models.forEach((m: unknown, i) => {
    const where = `models[${i}]`;
    if (isObject(m) && typeof m.address === "string") {
      if (seen.has(m.address)) problems.push(`${where} repeats ${m.address}: a plan holds each model once`);
      seen.add(m.address);
    }
    const ok = fields(where, m, {
      address: str,
      pool: str,
      poolId: str,
      modelId: str,
      // Absent in a plan made before pools and models could be named.
      poolName: (v) => v === undefined || strOrNull(v),
      modelName: (v) => v === undefined || strOrNull(v),
      action: oneOf("full", "cache", "partial", "skip"),
      reason: (v) => typeof v === "string",
      timeoutMs: positive,
      maxAgeMs: count,
      onWarning: oneOf("fail", "succeed"),
      onRunning: oneOf("wait", "skip", "fail"),
      tags: (v) => Array.isArray(v) && v.every((t) => typeof t === "string"),
      tables: Array.isArray,
      lastLoad: (v) => v === null || isObject(v),
      // Absent from plans made before it was recorded.
      expectedDurationMs: (v) => v === undefined || v === null || (typeof v === "number" && v >= 0),
    }, problems);
    if (!ok || !Array.isArray(m.tables)) return;
    const tables = m.tables as unknown[];
    tables.forEach((t, j) => fields(`${where}.tables[${j}]`, t, { id: str, word: str }, problems));
    if (m.action === "partial" && tables.length === 0) problems.push(`${where} is a partial reload with no tables`);
    if (m.lastLoad !== null && m.lastLoad !== undefined) fields(`${where}.lastLoad`, m.lastLoad, { id: strOrNull, status: str, startDate: strOrNull }, problems);
  });
  return problems;
}
