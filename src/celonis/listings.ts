// The list endpoints' bodies, validated: the documented fields are required, extras are ignored,
// and a body of any other shape is the service's error, not ours.
import type { DataModelInfo, DataModelTable, ModelRef, PoolInfo } from "../shared/types.js";
import { isRecord, readJson, unusableBody, type Where } from "./body-json.js";

export function parseTables(status: number, text: string, ref: ModelRef, where: Where): DataModelTable[] {
  return items(status, text, where, "tables", (item) => {
    const id = idOf(item.id);
    const name = textOf(item.name);
    if (id === null || name === null) return null;
    const alias = textOf(item.alias);
    return {
      id,
      dataModelId: idOf(item.dataModelId) ?? ref.modelId,
      dataSourceId: idOf(item.dataSourceId),
      name,
      alias,
      aliasOrName: textOf(item.aliasOrName) ?? alias ?? name,
    };
  });
}

export function parsePools(status: number, text: string, where: Where): PoolInfo[] {
  return items(status, text, where, "pools", (item) => {
    const id = idOf(item.id);
    const name = textOf(item.name);
    return id === null || name === null ? null : { id, name };
  });
}

export function parseModels(status: number, text: string, poolId: string, where: Where): DataModelInfo[] {
  return items(status, text, where, "data models", (item) => {
    const id = idOf(item.id);
    const name = textOf(item.name);
    return id === null || name === null ? null : { id, name, poolId: idOf(item.poolId) ?? poolId };
  });
}

function items<T>(status: number, text: string, where: Where, what: string, read: (item: Record<string, unknown>) => T | null): T[] {
  const body = readJson(status, text, where);
  if (!Array.isArray(body)) throw unusableBody(status, where, `expected a list of ${what}, got ${describe(body)}`);
  return body.map((item, i) => {
    const value = isRecord(item) ? read(item) : null;
    if (value === null) throw unusableBody(status, where, `item ${i} of the ${what} list lacks a string id and name`);
    return value;
  });
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (isRecord(v)) return "an object";
  return `a ${typeof v}`;
}

function idOf(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v !== "" ? v : null;
}

function textOf(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
