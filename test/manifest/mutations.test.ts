// Whatever is done to a valid manifest, the answer is a manifest or located problems: never a crash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { renderProblemsText } from "../../src/report/validate/problems-text.js";
import { ManifestError } from "../../src/shared/errors.js";
import { VALID } from "./support.js";

const LINES = VALID.split("\n");
const KEY_LINE = /^(\s*)([^:#\s][^:]*):(.*)$/;
/** ajv's own wording: never shown to a user. */
const AJV_WORDS = /must have required property|must NOT|must match|must be equal to|must be (?:string|object|integer|array)\b|oneOf|propertyNames/;

type Mutation = (lines: string[]) => string[];

const line = fc.nat(LINES.length - 1);
const word = fc.constantFrom("id", "reload", "maxage", "poolParallelism", "apiKey", "x y", "2024", "", "tables", "models", "&a", "*a");
const value = fc.constantFrom("42", "true", "null", "[a, 1]", "{b: 1}", '""', "''", "six hours", "- x", "&a x", "*a", "|", "{", "[", "'unclosed", "0s", "-1");
const junk = fc.string({ unit: fc.constantFrom(..." \t\n:#-'\"[]{},&*!|>?%@`~.aZ9\\"), minLength: 1, maxLength: 6 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  line.map((i): Mutation => (ls) => ls.filter((_, j) => j !== i % ls.length)),
  fc.tuple(line, value).map(([i, v]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? l.replace(KEY_LINE, `$1$2: ${v}`) : l))),
  fc.tuple(line, word).map(([i, w]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? l.replace(KEY_LINE, `$1${w}:$3`) : l))),
  fc.tuple(fc.nat(), junk).map(([at, text]): Mutation => (ls) => {
    const joined = ls.join("\n");
    const i = at % (joined.length + 1);
    return (joined.slice(0, i) + text + joined.slice(i)).split("\n");
  }),
  fc.nat().map((at): Mutation => (ls) => {
    const joined = ls.join("\n");
    return joined.slice(0, at % (joined.length + 1)).split("\n");
  }),
  fc.tuple(line, fc.nat(4)).map(([i, by]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? " ".repeat(by) + l : l))),
);

describe("mutated manifests", () => {
  it("parse, or fail with ManifestError problems that are located and in the user's words", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce((ls, m) => m(ls), LINES).join("\n");
        const lineCount = text.split("\n").length;
        try {
          parseManifest(text, "m.yaml");
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestError);
          const { problems } = error as ManifestError;
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.column).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lineCount + 1);
            expect(p.file).toBe("m.yaml");
            expect(p.message).not.toMatch(AJV_WORDS);
            expect(p.message.length).toBeGreaterThan(0);
          }
          const order = problems.map((p) => p.line * 100_000 + p.column);
          expect(order).toStrictEqual([...order].sort((a, b) => a - b));
          expect(() => renderProblemsText(error as ManifestError, { color: false })).not.toThrow();
        }
      }),
      { numRuns: 1500 },
    );
  });
});
