import { describe, expect, it } from "vitest";
import { describeTable, resolutionMessage, resolveTableWord, sameTableMessage, type TableResolution } from "../../src/plan/resolve-tables.js";
import type { DataModelTable } from "../../src/shared/types.js";

const t = (id: string, name: string, alias: string | null = null): DataModelTable => ({ id, dataModelId: "dm", dataSourceId: null, name, alias, aliasOrName: alias ?? name });
const tables = [t("1", "EKKO"), t("2", "EKPO", "PO Items"), t("3", "LFA1", "Vendor Master"), t("4", "ekko_archive", "EKKO archive"), t("5", "VBAK", "Orders"), t("6", "orders")];

/** The ids a word resolves to: one on success, the candidates when ambiguous, none when unknown. */
function idsOf(r: TableResolution): string[] {
  if (r.ok) return [r.table.id];
  return r.reason === "ambiguous" ? r.candidates.map((c) => c.id) : [];
}

function unknown(word: string, among: readonly DataModelTable[]) {
  const r = resolveTableWord(word, among);
  if (r.ok || r.reason !== "unknown") throw new Error(`expected "${word}" to be unknown`);
  return r;
}

describe("resolveTableWord", () => {
  it("matches aliasOrName exactly first", () => {
    expect(resolveTableWord("PO Items", tables)).toMatchObject({ ok: true, table: { id: "2" } });
  });
  it("then the name exactly, even behind an alias", () => {
    expect(resolveTableWord("EKPO", tables)).toMatchObject({ ok: true, table: { id: "2" } });
  });
  it("then alias or name case-insensitively when that picks one table", () => {
    expect(resolveTableWord("vendor master", tables)).toMatchObject({ ok: true, table: { id: "3" } });
    expect(resolveTableWord("lfa1", tables)).toMatchObject({ ok: true, table: { id: "3" } });
  });
  it("matches an alias case-insensitively even where the service's aliasOrName holds the name", () => {
    const odd = { ...t("7", "BSEG", "Accounting Items"), aliasOrName: "BSEG" };
    expect(resolveTableWord("accounting items", [odd])).toMatchObject({ ok: true, table: { id: "7" } });
  });
  it("matches the service's aliasOrName case-insensitively where it is neither the alias nor the name", () => {
    const odd = { ...t("7", "BSEG", null), aliasOrName: "Accounting Items" };
    expect(resolveTableWord("accounting items", [odd])).toMatchObject({ ok: true, table: { id: "7" } });
  });
  it("prefers an exact aliasOrName over a case-insensitive hit elsewhere", () => {
    expect(resolveTableWord("orders", tables)).toMatchObject({ ok: true, table: { id: "6" } });
  });
  it("prefers an exact name over a case-insensitive aliasOrName", () => {
    expect(idsOf(resolveTableWord("KNA1", [t("8", "kna1"), t("9", "KNA1", "Customers")]))).toEqual(["9"]);
  });
  it("calls a word that two aliases carry exactly ambiguous, without looking further", () => {
    const twins = [t("1", "A", "Orders"), t("2", "B", "Orders"), t("3", "Orders")];
    expect(resolveTableWord("Orders", twins)).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(idsOf(resolveTableWord("Orders", twins))).toEqual(["1", "2", "3"]);
  });
  it("calls a word that two names carry exactly ambiguous", () => {
    const twins = [t("1", "EKKO", "Head"), t("2", "EKKO", "Header")];
    expect(resolveTableWord("EKKO", twins)).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(idsOf(resolveTableWord("EKKO", twins))).toEqual(["1", "2"]);
  });
  it("calls a case-insensitive word that picks two tables ambiguous, naming both", () => {
    const r = resolveTableWord("ORDERS", tables);
    expect(r).toMatchObject({ ok: false, reason: "ambiguous" });
    if (r.ok || r.reason !== "ambiguous") throw new Error("expected ambiguity");
    expect(r.candidates.map((c) => c.id)).toEqual(["5", "6"]);
    expect(resolutionMessage("sales/o2c", "ORDERS", r)).toBe('sales/o2c: table "ORDERS" is ambiguous: it matches "Orders" (VBAK, id 5), "orders" (id 6); use the exact alias or name');
  });
  it("names the closest candidates by alias and by name for an unknown word", () => {
    const r = unknown("EKKP", tables);
    expect(r.byName).toEqual(["EKKO", "EKPO", "LFA1"]);
    expect(r.byAlias).toEqual(["Orders", "PO Items", "EKKO archive"]);
    expect(resolutionMessage("finance/p2p", "EKKP", r)).toBe('finance/p2p: no table "EKKP"; closest by alias: "Orders", "PO Items", "EKKO archive"; by name: "EKKO", "EKPO", "LFA1"');
  });
  it("offers no empty alias as a candidate", () => {
    expect(unknown("X", [t("1", "EKKO", ""), t("2", "EKPO")]).byAlias).toEqual([]);
  });
  it("says so when the model has no tables", () => {
    const r = unknown("EKKO", []);
    expect(r).toEqual({ ok: false, reason: "unknown", byAlias: [], byName: [] });
    expect(resolutionMessage("a/m", "EKKO", r)).toBe('a/m: no table "EKKO"; the model has no tables');
  });
  it("offers names alone when no table has an alias", () => {
    expect(resolutionMessage("a/m", "EKKP", unknown("EKKP", [t("1", "EKKO")]))).toBe('a/m: no table "EKKP"; closest by name: "EKKO"');
  });
});

describe("describeTable", () => {
  it.each([
    [t("1", "EKKO"), '"EKKO" (id 1)'],
    [t("2", "EKPO", "PO Items"), '"PO Items" (EKPO, id 2)'],
    [t("3", "LFA1", "LFA1"), '"LFA1" (id 3)'],
    [t("4", "VBAK", ""), '"VBAK" (id 4)'],
  ])("writes %j as %s", (table, text) => {
    expect(describeTable(table)).toBe(text);
  });
});

describe("sameTableMessage", () => {
  it("names the word, the table and the word that listed it first", () => {
    expect(sameTableMessage("a/m", "ekpo", "PO Items", t("2", "EKPO", "PO Items"))).toBe(
      'a/m: table "ekpo" is "PO Items" (EKPO, id 2), already listed as "PO Items"; list each table once',
    );
  });
});

describe("an ambiguous word among many alike", () => {
  it("names at most a few candidates, then how many there are", () => {
    const many = Array.from({ length: 5_000 }, (_, i) => t(`id${i}`, `T${i}`, "Same"));
    const r = resolveTableWord("Same", many);
    if (r.ok || r.reason !== "ambiguous") throw new Error("expected ambiguous");
    const message = resolutionMessage("a/m", "Same", r);
    expect(message).toBe('a/m: table "Same" is ambiguous: it matches "Same" (T0, id id0), "Same" (T1, id id1), "Same" (T2, id id2), "Same" (T3, id id3), "Same" (T4, id id4) and 4995 more (5000 in all); use the exact alias or name');
  });

  it("names all of exactly as many candidates as it shows, with no \"more\"", () => {
    const five = Array.from({ length: 5 }, (_, i) => t(`id${i}`, `T${i}`, "Same"));
    const r = resolveTableWord("Same", five);
    if (r.ok || r.reason !== "ambiguous") throw new Error("expected ambiguous");
    expect(resolutionMessage("a/m", "Same", r)).toBe('a/m: table "Same" is ambiguous: it matches "Same" (T0, id id0), "Same" (T1, id id1), "Same" (T2, id id2), "Same" (T3, id id3), "Same" (T4, id id4); use the exact alias or name');
  });
});
