import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH } from "../../src/manifest/schema-path.js";
import { isKeyLikeField } from "../../src/manifest/secret-fields.js";
import { parseDuration } from "../../src/shared/duration.js";

type SchemaNode = Record<string, unknown>;
const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as SchemaNode;

/** Every `properties` entry, with its place, at any depth. */
function properties(node: unknown, at = "#"): Array<[string, SchemaNode]> {
  if (node === null || typeof node !== "object") return [];
  const out: Array<[string, SchemaNode]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, sub] of Object.entries(value)) out.push([`${at}/properties/${name}`, sub as SchemaNode]);
    }
    if (key !== "examples") out.push(...properties(value, `${at}/${key}`));
  }
  return out;
}

describe("schemas/reload.config.schema.json", () => {
  it("is a JSON Schema 2020-12 document with an $id, compiled by ajv in strict mode", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(() => new Ajv2020({ strict: true, allErrors: true }).compile(schema)).not.toThrow();
  });

  it("gives every property a title, a description and examples (editors show them)", () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(25);
    for (const [place, property] of all) {
      expect(property.title, place).toEqual(expect.any(String));
      expect(property.description, place).toEqual(expect.any(String));
      expect(property.examples, place).toEqual(expect.arrayContaining([expect.anything()]));
    }
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
