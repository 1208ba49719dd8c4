import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH } from "../../src/manifest/schema-path.js";
import { strictAjv } from "../../src/manifest/schema-validator-source.js";
import { isKeyLikeField } from "../../src/manifest/secret-fields.js";
import { ENV_NAME_SHAPE } from "../../src/shared/env-name.js";
import { parseDuration } from "../../src/shared/duration.js";

type SchemaNode = Record<string, unknown>;
const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as SchemaNode;

/** Every `properties` entry, with its place, at any depth. */
function properties(node: unknown, at = "#"): Array<[string, SchemaNode]> {
  if (node === null || typeof node !== "object") return [];
  const out: Array<[string, SchemaNode]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      // `{ "id": true }` in a oneOf branch only lets its `required` name a key described beside it.
      for (const [name, sub] of Object.entries(value)) if (sub !== true) out.push([`${at}/properties/${name}`, sub as SchemaNode]);
    }
    if (key !== "examples" && key !== "defaultSnippets") out.push(...properties(value, `${at}/${key}`));
  }
  return out;
}

describe("schemas/reload.config.schema.json", () => {
  it("is a JSON Schema 2020-12 document with an $id that claims no domain, compiled by ajv in strict mode", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    // A URN: no web address that someone else could own and serve another schema at.
    expect(schema.$id).toMatch(/^urn:reloadctl:/);
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it("gives every property a title, a description and examples or snippets (editors show them)", () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(25);
    for (const [place, property] of all) {
      expect(property.title, place).toEqual(expect.any(String));
      expect(property.description, place).toEqual(expect.any(String));
      const offers = [...((property.examples as unknown[]) ?? []), ...((property.defaultSnippets as unknown[]) ?? [])];
      expect(offers.length, place).toBeGreaterThan(0);
    }
  });

  it("has only plain values as examples (an editor shows a map or list example as [object Object]); snippets for the rest", () => {
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "examples") {
          for (const example of value as unknown[]) expect(example === null || typeof example !== "object", `${at}/examples`).toBe(true);
        } else if (key !== "defaultSnippets") walk(value, `${at}/${key}`);
      }
    };
    walk(schema, "#");
    const snippets = JSON.stringify(schema).match(/"defaultSnippets"/g) ?? [];
    expect(snippets.length).toBeGreaterThan(5);
  });

  it("describes each value of every enum", () => {
    const enums: Array<[string, SchemaNode]> = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray((node as SchemaNode).enum)) enums.push([at, node as SchemaNode]);
      for (const [key, value] of Object.entries(node)) if (key !== "examples" && key !== "defaultSnippets") walk(value, `${at}/${key}`);
    };
    walk(schema, "#");
    expect(enums.length).toBeGreaterThanOrEqual(4);
    for (const [place, node] of enums) {
      const descriptions = node.enumDescriptions as string[] | undefined;
      expect(descriptions?.length, place).toBe((node.enum as unknown[]).length);
      for (const d of descriptions ?? []) expect(d, place).toMatch(/\S/);
    }
  });

  it("says what the CLI enforces: pools required and not empty, tokenEnv in capitals", () => {
    const validate = strictAjv().compile(schema);
    const pool = { id: "p", models: { m: { id: "m" } } };
    expect(validate({ version: 1, pools: { a: pool } })).toBe(true);
    expect(validate({ version: 1 })).toBe(false);
    expect(validate({ version: 1, pools: {} })).toBe(false);
    expect(validate({ version: 1, connection: { tokenEnv: "celonis_token" }, pools: { a: pool } })).toBe(false);
    const root = schema.properties as Record<string, SchemaNode>;
    const connection = root.connection?.properties as Record<string, SchemaNode>;
    expect(connection.tokenEnv?.pattern).toBe(ENV_NAME_SHAPE.source);
  });

  it("picks reload's branch by the value's shape (if/then/else), so a map's typo is not answered with the enum", () => {
    const validate = strictAjv({ verbose: true }).compile(schema);
    const manifest = { version: 1, pools: { a: { id: "p", models: { m: { id: "m", reload: { tabels: ["A"] } } } } } };
    expect(validate(manifest)).toBe(false);
    const keywords = (validate.errors ?? []).filter((e) => e.instancePath.startsWith("/pools/a/models/m/reload")).map((e) => e.keyword);
    expect(keywords).toContain("additionalProperties");
    expect(keywords).not.toContain("enum");
  });

  it("forbids unknown keys in every map with fixed keys", () => {
    for (const [place, property] of properties(schema)) {
      if (property.properties !== undefined) expect(property.additionalProperties, place).toBe(false);
    }
    expect(schema.additionalProperties).toBe(false);
  });

  it("has no field a key-like check would take for a secret (a valid manifest never holds one)", () => {
    const names = properties(schema).map(([place]) => place.split("/").at(-1) ?? "");
    expect(names.filter(isKeyLikeField)).toStrictEqual([]);
  });

  it("accepts exactly the durations src/shared/duration.ts parses", () => {
    const defs = schema.$defs as Record<string, { pattern: string }>;
    const pattern = new RegExp(defs.duration?.pattern ?? "", "u");
    for (const ok of ["90s", "15m", "2h", "1h30m", "1d", "0s", "1d2h3m4s"]) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ["", "6", "h", "1h 30m", "30m1h", "six hours", "1.5h", "-1h"]) expect(pattern.test(bad), bad).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789dhms x") , maxLength: 8 }), (text) => {
        expect(pattern.test(text)).toBe(text.trim() === text && parseDuration(text) !== null);
      }),
      { numRuns: 2000 },
    );
  });
});
