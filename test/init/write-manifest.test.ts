import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyFor, MODELINE, writeManifest, yamlString, type TenantPool } from "../../src/init/write-manifest.js";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { pickPools } from "../../src/init/read-tenant.js";
import { UserError } from "../../src/shared/errors.js";

const CONNECTION = { url: "https://acme.eu-1.celonis.cloud", keyType: "USER_KEY" as const, tokenEnv: "CELONIS_API_TOKEN" };
const opts = { by: "name" as const, connection: CONNECTION, target: null, origin: "from https://acme.eu-1.celonis.cloud on 2026-11-29" };
const TENANT: TenantPool[] = [
  {
    id: "p-fin",
    name: "Finance",
    models: [
      { id: "m-o2c", name: "Order to Cash", tableCount: 18 },
      { id: "m-ret1", name: "Returns", tableCount: 1 },
      { id: "m-ret2", name: "Returns", tableCount: 8 },
    ],
  },
  { id: "p-empty", name: "Sandbox", models: [] },
  { id: "p-log", name: "Logistics: EMEA #1", models: [{ id: "m-ship", name: "true", tableCount: null }] },
];

describe("writeManifest", () => {
  it("writes names with the ids as comments, a non-unique name by id saying why, table counts, and the modeline", () => {
    const text = writeManifest(TENANT, opts);
    expect(text).toBe(`${MODELINE}
# Written by \`reloadctl init\` from https://acme.eu-1.celonis.cloud on 2026-11-29: 2 pools, 4 data models.
# Check it with \`reloadctl validate\`; see what apply would do with \`reloadctl plan\`.
version: 1
connection:
  url: https://acme.eu-1.celonis.cloud  # CELONIS_URL wins over this
  keyType: USER_KEY
  tokenEnv: CELONIS_API_TOKEN           # the variable that holds the key; never the key itself
pools:
  finance:
    name: Finance                       # id p-fin
    models:
      order-to-cash:
        name: Order to Cash             # id m-o2c
        reload: full                    # 18 tables
      returns:
        id: m-ret1                      # "Returns": by id, another data model in this pool has this name
        reload: full                    # 1 table
      returns-2:
        id: m-ret2                      # "Returns": by id, another data model in this pool has this name
        reload: full                    # 8 tables
  logistics-emea-1:
    name: "Logistics: EMEA #1"          # id p-log
    models:
      true-model:
        name: "true"                    # id m-ship
        reload: full
# left out: pool "Sandbox" (id p-empty) has no data models
`);
    const manifest = parseManifest(text, "reload.config.yaml");
    expect(manifest.models.map((m) => [m.address, m.poolName, m.modelId ?? m.modelName])).toEqual([
      ["finance/order-to-cash", "Finance", "Order to Cash"],
      ["finance/returns", "Finance", "m-ret1"],
      ["finance/returns-2", "Finance", "m-ret2"],
      ["logistics-emea-1/true-model", "Logistics: EMEA #1", "true"],
    ]);
  });

  it("writes ids with the names as comments (--by id), and a target instead of connection", () => {
    const text = writeManifest(TENANT.slice(0, 1), { ...opts, by: "id", target: "prod" });
    expect(text).toContain(`targets:
  prod:                                 # add others beside it; choose with --target NAME
    url: https://acme.eu-1.celonis.cloud
    keyType: USER_KEY
    tokenEnv: CELONIS_API_TOKEN         # the variable that holds the key; never the key itself
    default: true
pools:
  finance:
    id: p-fin                           # "Finance"
    models:
      order-to-cash:
        id: m-o2c                       # "Order to Cash"`);
    expect(parseManifest(text, "m.yaml").targets).toEqual([{ name: "prod", url: CONNECTION.url, keyType: "USER_KEY", tokenEnv: "CELONIS_API_TOKEN", isDefault: true }]);
  });

  it("writes any names so that the manifest reads them back exactly, by name or by id", () => {
    const name = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => /\S/.test(s) && !/[\r\n\u2028\u2029\u0085]/.test(s));
    const tenant = fc.array(
      fc.record({ id: fc.uuid(), name, models: fc.array(fc.record({ id: fc.uuid(), name, tableCount: fc.nat(50) }), { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(tenant, fc.constantFrom("name" as const, "id" as const), (pools, by) => {
        const manifest = parseManifest(writeManifest(pools, { ...opts, by }), "m.yaml");
        const written = manifest.models.map((m) => [m.poolId ?? m.poolName, m.modelId ?? m.modelName]);
        expect(written.length).toBe(pools.reduce((n, p) => n + p.models.length, 0));
        for (const m of manifest.models) {
          const pool = pools.find((p) => (m.poolId !== null ? p.id === m.poolId : p.name === m.poolName));
          expect(pool, `pool of ${m.address}`).toBeDefined();
          expect(pool!.models.some((x) => (m.modelId !== null ? x.id === m.modelId : x.name === m.modelName))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("yamlString and keyFor", () => {
  it("leaves plain what reads back as the same string, quotes the rest", () => {
    expect(["Finance", "Order to Cash", "P&L (EU)"].map(yamlString)).toEqual(["Finance", "Order to Cash", "P&L (EU)"]);
    expect(["yes", "12", "1e3", "a: b", "- x", "#1", "x ", "0x1F", '"q"'].map(yamlString)).toEqual(['"yes"', '"12"', '"1e3"', '"a: b"', '"- x"', '"#1"', '"x "', '"0x1F"', '"\\"q\\""']);
  });

  it("makes address keys from names, unique, never empty", () => {
    const taken = new Set<string>();
    expect(["Order to Cash", "order to cash", "  Ünïcode!", "__", "P&L (EU)", "2024", "No"].map((n) => keyFor(n, taken, "model"))).toEqual([
      "order-to-cash",
      "order-to-cash-2",
      "n-code",
      "model",
      "p-l-eu",
      "2024-model",
      "no-model",
    ]);
  });
});

describe("pickPools", () => {
  const all = [
    { id: "p1", name: "Finance" },
    { id: "p2", name: "Logistics" },
    { id: "p3", name: "Sandbox" },
    { id: "p4", name: "sandbox" },
  ];
  it("takes ids exactly and names as plan resolves them, in the order asked", () => {
    expect(pickPools(all, [])).toEqual(all);
    expect(pickPools(all, ["logistics", "p1"]).map((p) => p.id)).toEqual(["p2", "p1"]);
  });
  it("refuses an unknown or ambiguous pool, with the candidates", () => {
    expect(() => pickPools(all, ["Finanse"])).toThrow(UserError);
    try {
      pickPools(all, ["Finanse"]);
    } catch (e) {
      expect((e as UserError).hint).toContain('did you mean "Finance"?');
    }
    expect(() => pickPools(all, ["SANDBOX"])).toThrow('--pool "SANDBOX" matches 2 data pools: "Sandbox" (id p3), "sandbox" (id p4)');
  });
});
