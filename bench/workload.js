// The bench's tenant and manifest: N models spread over pools, each with T tables, and a manifest
// in which a realistic share of models are partial reloads (their tables are read at plan) and the
// rest full or from cache (last-load only).

const POOL_SIZE = 50;
/** Every 5th model of 5 is partial: 40 %. */
const PARTIAL_EVERY = [0, 3];

const hex = (n, width) => n.toString(16).padStart(width, "0");
/** Deterministic uuid-shaped ids, so runs are comparable. */
const uuid = (kind, i, j = 0) => `${hex(kind, 8)}-${hex(j, 4)}-4${hex(i >> 12, 3)}-8${hex(i & 0xfff, 3)}-${hex(i * 7919 + j, 12)}`;

export function reloadOf(i) {
  if (PARTIAL_EVERY.includes(i % 5)) return "partial";
  return i % 5 === 4 ? "cache" : "full";
}

/**
 * @param {{ models: number, tables: number, loadTimeMs?: (i: number) => number }} o
 * @returns {{ fixture: object, yaml: string, partials: number, models: number }}
 */
export function makeWorkload(o) {
  const pools = [];
  const yaml = [
    "version: 1",
    "defaults:",
    "  parallelism: 50",
    "  poolParallelism: 50",
    "  timeout: 10m",
    "pools:",
  ];
  let partials = 0;
  for (let p = 0; p * POOL_SIZE < o.models; p++) {
    const poolId = uuid(1, p);
    const models = [];
    yaml.push(`  pool${p}:`, `    id: ${poolId}`, "    models:");
    for (let i = p * POOL_SIZE; i < Math.min(o.models, (p + 1) * POOL_SIZE); i++) {
      const modelId = uuid(2, i);
      const tables = Array.from({ length: o.tables }, (_, j) => ({
        id: uuid(3, i, j),
        name: `T${j}`,
        alias: j % 3 === 0 ? null : `Table ${j}`,
        dataSourceId: uuid(4, p),
      }));
      const model = {
        id: modelId,
        name: `Model ${i}`,
        tables,
        lastLoad: { status: "SUCCESS", loadType: "COMPLETE", startedAgo: "30h", took: "20m" },
      };
      if (o.loadTimeMs) model.behavior = { loadTime: o.loadTimeMs(i) };
      models.push(model);
      const reload = reloadOf(i);
      yaml.push(`      m${i}:`, `        id: ${modelId}`);
      if (reload === "partial") {
        partials++;
        const words = [tables[1], tables[3], tables[5]].filter(Boolean).map((t) => t.alias ?? t.name);
        yaml.push(`        reload:`, `          tables: [${words.map((w) => JSON.stringify(w)).join(", ")}]`);
      } else {
        yaml.push(`        reload: ${reload}`);
      }
      yaml.push(`        tags: [bench${i % 2 ? ", odd" : ""}]`);
    }
    pools.push({ id: poolId, name: `Pool ${p}`, models });
  }
  return { fixture: { version: 1, pools }, yaml: `${yaml.join("\n")}\n`, partials, models: o.models };
}
