// The paths the simulator serves: the four documented data model endpoints and the two listings.

export type Route =
  | { kind: "pools" }
  | { kind: "models"; poolId: string }
  | { kind: "tables" | "last-load" | "load" | "partial-sync"; poolId: string; modelId: string };

export const ROUTE_METHOD: Record<Route["kind"], "GET" | "POST"> = {
  pools: "GET",
  models: "GET",
  tables: "GET",
  "last-load": "GET",
  load: "POST",
  "partial-sync": "POST",
};

const MODEL_PATH = /^\/integration\/api\/v1\/data-pools\/([^/]+)\/data-models\/([^/]+)\/(tables|last-load|load|load\/partial-sync)$/;
const MODELS_PATH = /^\/integration\/api\/pools\/([^/]+)\/data-models$/;

/** null: no such path. */
export function matchRoute(pathname: string): Route | null {
  if (pathname === "/integration/api/pools") return { kind: "pools" };
  let m = MODELS_PATH.exec(pathname);
  if (m) return { kind: "models", poolId: decode(m[1] ?? "") };
  m = MODEL_PATH.exec(pathname);
  if (m) {
    const endpoint = m[3] === "load/partial-sync" ? "partial-sync" : (m[3] as "tables" | "last-load" | "load");
    return { kind: endpoint, poolId: decode(m[1] ?? ""), modelId: decode(m[2] ?? "") };
  }
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
