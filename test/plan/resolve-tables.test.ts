import { describe, expect, it } from "vitest";
import { resolutionMessage, resolveTableWord } from "../../src/plan/resolve-tables.js";
import type { DataModelTable } from "../../src/shared/types.js";

const t = (id: string, name: string, alias: string | null = null): DataModelTable => ({ id, dataModelId: "dm", dataSourceId: null, name, alias, aliasOrName: alias ?? name });
const tables = [t("1", "EKKO"), t("2", "EKPO", "PO Items"), t("3", "LFA1", "Vendor Master"), t("4", "ekko_archive", "EKKO archive"), t("5", "VBAK", "Orders"), t("6", "orders")];

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
  it("prefers an exact aliasOrName over a case-insensitive hit elsewhere", () => {
    expect(resolveTableWord("orders", tables)).toMatchObject({ ok: true, table: { id: "6" } });
  });
  it("calls a case-insensitive word that picks two tables ambiguous, naming both", () => {
    const r = resolveTableWord("ORDERS", tables);
    expect(r).toMatchObject({ ok: false, reason: "ambiguous" });
    if (r.ok || r.reason !== "ambiguous") throw new Error("expected ambiguity");
    expect(r.candidates.map((c) => c.id)).toEqual(["5", "6"]);
    expect(resolutionMessage("sales/o2c", "ORDERS", r)).toBe('sales/o2c: table "ORDERS" is ambiguous: it matches "Orders" (VBAK, id 5), "orders" (id 6); use the exact alias or name');
  });
  it("names the closest candidates by alias and by name for an unknown word", () => {
    const r = resolveTableWord("EKKP", tables);
    if (r.ok || r.reason !== "unknown") throw new Error("expected unknown");
    expect(r.byName[0]).toBe("EKKO");
    expect(resolutionMessage("finance/p2p", "EKKP", r)).toMatch(/^finance\/p2p: no table "EKKP"; closest by alias: .*; by name: "EKKO", "EKPO"/);
  });
});
