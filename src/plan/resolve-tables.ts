// A table word matches a table's aliasOrName exactly, else its name exactly, else either of them
// case-insensitively — each step only when it picks exactly one table.
import type { DataModelTable } from "../shared/types.js";
import { closest } from "../shared/closest.js";

export type TableResolution =
  | { ok: true; table: DataModelTable }
  | { ok: false; reason: "unknown"; byAlias: string[]; byName: string[] }
  | { ok: false; reason: "ambiguous"; candidates: DataModelTable[] };

export function resolveTableWord(word: string, tables: readonly DataModelTable[]): TableResolution {
  const lower = word.toLowerCase();
  const steps: ((t: DataModelTable) => boolean)[] = [
    (t) => t.aliasOrName === word,
    (t) => t.name === word,
    (t) => t.aliasOrName.toLowerCase() === lower || t.name.toLowerCase() === lower || t.alias?.toLowerCase() === lower,
  ];
  for (const step of steps) {
    const hits = tables.filter(step);
    if (hits.length > 0) return hits.length === 1 ? { ok: true, table: hits[0]! } : { ok: false, reason: "ambiguous", candidates: hits };
  }
  const aliases = tables.map((t) => t.alias).filter((a): a is string => a !== null && a !== "");
  return {
    ok: false,
    reason: "unknown",
    byAlias: closest(word, aliases),
    byName: closest(word, tables.map((t) => t.name)),
  };
}

/** An ambiguous word names this many of its candidates, then a count: a service may hold thousands alike. */
export const MAX_CANDIDATES_SHOWN = 5;

export function describeTable(t: DataModelTable): string {
  return t.alias && t.alias !== t.name ? `"${t.alias}" (${t.name}, id ${t.id})` : `"${t.name}" (id ${t.id})`;
}

/** The message for a word that did not resolve, naming the candidates. */
export function resolutionMessage(address: string, word: string, r: Exclude<TableResolution, { ok: true }>): string {
  if (r.reason === "ambiguous") {
    const shown = r.candidates.slice(0, MAX_CANDIDATES_SHOWN).map(describeTable).join(", ");
    const more = r.candidates.length > MAX_CANDIDATES_SHOWN ? ` and ${r.candidates.length - MAX_CANDIDATES_SHOWN} more (${r.candidates.length} in all)` : "";
    return `${address}: table "${word}" is ambiguous: it matches ${shown}${more}; use the exact alias or name`;
  }
  const hints: string[] = [];
  if (r.byAlias.length > 0) hints.push(`by alias: ${r.byAlias.map((a) => `"${a}"`).join(", ")}`);
  if (r.byName.length > 0) hints.push(`by name: ${r.byName.map((a) => `"${a}"`).join(", ")}`);
  return `${address}: no table "${word}"${hints.length > 0 ? `; closest ${hints.join("; ")}` : "; the model has no tables"}`;
}

export function sameTableMessage(address: string, word: string, earlier: string, table: DataModelTable): string {
  return `${address}: table "${word}" is ${describeTable(table)}, already listed as "${earlier}"; list each table once`;
}
