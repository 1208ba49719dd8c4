// The paths of celonis-api.md, exactly; every id is one encoded path segment.
import type { ModelRef } from "../shared/types.js";
import type { TriggerKind } from "./api.js";
import { UserError } from "../shared/errors.js";

function segment(what: string, id: string): string {
  // "." and ".." (even encoded) would be resolved away by the URL parser and address another path.
  if (id === "" || id === "." || id === "..") throw new UserError(`Invalid ${what} id ${JSON.stringify(id)}.`);
  return encodeURIComponent(id);
}

const modelBase = (ref: ModelRef): string =>
  `/integration/api/v1/data-pools/${segment("pool", ref.poolId)}/data-models/${segment("data model", ref.modelId)}`;

export const paths = {
  pools: (): string => "/integration/api/pools",
  models: (poolId: string): string => `/integration/api/pools/${segment("pool", poolId)}/data-models`,
  tables: (ref: ModelRef): string => `${modelBase(ref)}/tables`,
  lastLoad: (ref: ModelRef): string => `${modelBase(ref)}/last-load`,
  load: (ref: ModelRef, kind: TriggerKind): string => `${modelBase(ref)}/load${kind === "cache" ? "?fullReload=false" : ""}`,
  partialSync: (ref: ModelRef): string => `${modelBase(ref)}/load/partial-sync`,
};
