// The list endpoints' bodies, validated: the documented fields are required, extras are ignored,
// and a body of any other shape is the service's error, not ours. The pool and model listings may
// come as a bare array or as a page of them in an envelope (celonis-api.md): `readPage` says which
// page follows, if any.
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

export function readPool(item: Record<string, unknown>): PoolInfo | null {
  const id = idOf(item.id);
  const name = textOf(item.name);
  return id === null || name === null ? null : { id, name };
}

export function modelReader(poolId: string): (item: Record<string, unknown>) => DataModelInfo | null {
  return (item) => {
    const id = idOf(item.id);
    const name = textOf(item.name);
    return id === null || name === null ? null : { id, name, poolId: idOf(item.poolId) ?? poolId };
  };
}

/** The page after one of a paged listing: its number (from 0) and size, as the query asks for it. */
export interface NextPage {
  page: number;
  pageSize: number;
}

export interface ListingPage<T> {
  items: T[];
  /** null: this was the last page (or the whole list, as a bare array). */
  next: NextPage | null;
}

const ITEM_KEYS = ["content", "items", "data", "results"] as const;

/**
 * One answer of a listing: a bare array is the whole list; an envelope holds a page of it under
 * `content`, `items`, `data` or `results`, and says whether more follow by `last`, `hasNext`/`hasMore`,
 * `totalPages` or a total count (`totalCount`, `totalElements`, `total`). `asked` is the page this
 * answer was requested as (0 for the first request, which carries no paging query); `seen` the items
 * of the pages before it.
 */
export function readPage<T>(
  status: number,
  text: string,
  where: Where,
  what: string,
  read: (item: Record<string, unknown>) => T | null,
  asked: number,
  seen: number,
): ListingPage<T> {
  const body = readJson(status, text, where);
  if (Array.isArray(body)) return { items: validItems(body, status, where, what, read), next: null };
  const key = isRecord(body) ? ITEM_KEYS.find((k) => Array.isArray(body[k])) : undefined;
  if (!isRecord(body) || key === undefined) {
    throw unusableBody(status, where, `expected a list of ${what} (or a page of them under content, items or data), got ${describe(body)}`);
  }
  const list = validItems(body[key] as unknown[], status, where, what, read);
  const page = firstCount(body, ["page", "number", "pageNumber"]) ?? asked;
  const pageSize = firstCount(body, ["pageSize", "size", "limit"]) ?? list.length;
  const more = morePages(body, page, seen + list.length);
  // An empty page ends the list whatever the envelope claims: following it could loop forever.
  return { items: list, next: more && list.length > 0 && pageSize > 0 ? { page: page + 1, pageSize } : null };
}

function morePages(body: Record<string, unknown>, page: number, received: number): boolean {
  if (typeof body.last === "boolean") return !body.last;
  for (const k of ["hasNext", "hasMore", "hasNextPage"]) if (typeof body[k] === "boolean") return body[k] as boolean;
  const totalPages = firstCount(body, ["totalPages", "pageCount"]);
  if (totalPages !== null) return page + 1 < totalPages;
  const total = firstCount(body, ["totalCount", "totalElements", "total", "totalItems"]);
  if (total !== null) return received < total;
  return false;
}

function firstCount(body: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const k of keys) {
    const v = body[k];
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  }
  return null;
}

function items<T>(status: number, text: string, where: Where, what: string, read: (item: Record<string, unknown>) => T | null): T[] {
  const body = readJson(status, text, where);
  if (!Array.isArray(body)) throw unusableBody(status, where, `expected a list of ${what}, got ${describe(body)}`);
  return validItems(body, status, where, what, read);
}

function validItems<T>(body: unknown[], status: number, where: Where, what: string, read: (item: Record<string, unknown>) => T | null): T[] {
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
