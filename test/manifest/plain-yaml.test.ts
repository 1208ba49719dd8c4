// The fast reader's invariant: when it answers, `yaml` reads the text cleanly to the same value,
// with every map's keys in document order; when unsure, it answers null.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlainYaml } from "../../src/manifest/plain-yaml.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { VALID, allPaths, readWithYaml } from "./support.js";

function expectSameAsYaml(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === null) return false;
  const reference = readWithYaml(text);
  expect(reference.clean, `yaml reports a problem the fast reader missed in:\n${text}`).toBe(true);
  expect(plain.value).toStrictEqual(reference.value);
  // toStrictEqual ignores key order; the manifest's model order is its maps' key order.
  for (const path of [[], ...allPaths(plain.value)]) {
    const value = path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], plain.value);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      expect(Object.keys(value), `keys at ${path.join(".")}`).toStrictEqual(reference.locator.keysOf(path));
    }
  }
  return true;
}

const manifestFiles = [
  join(PACKAGE_ROOT, "reload.config.yaml"),
  ...readdirSync(join(PACKAGE_ROOT, "examples"))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(PACKAGE_ROOT, "examples", f)),
];

describe("readPlainYaml", () => {
  it.each(manifestFiles)("reads %s itself, as yaml does (the fast path serves real manifests)", (file) => {
    expect(expectSameAsYaml(readFileSync(file, "utf8"))).toBe(true);
  });

  it("reads the test manifest as yaml does", () => {
    expect(expectSameAsYaml(VALID)).toBe(true);
  });

  it.each([
    ["an anchor", "a: &x 1\nb: 2\n"],
    ["an alias", "a: 1\nb: *a\n"],
    ["a flow map", "a: { b: 1 }\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a multi-line plain scalar", "a: some\n  text\n"],
    ["a tab", "a:\tb\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a document marker", "---\na: 1\n"],
    ["an empty value", "a:\nb: 1\n"],
    ["a quoted key", '"a b": 1\n'],
    ["a float", "a: 1.5\n"],
    ["a hex number", "a: 0x1F\n"],
    ["a null", "a: ~\n"],
    ["a numeric key", "2024: x\n"],
    ["an unclosed flow list", "a: [b, c\n"],
    ["a trailing comma", "a: [b, c,]\n"],
    ["an empty flow item", "a: [b,, c]\n"],
    ["text after a flow list", "a: [b] c\n"],
    ["text after a quoted flow item", 'a: ["b" c]\n'],
    ["a nested flow list", "a: [b, [c]]\n"],
    ["text after a quoted scalar", "a: 'b' c\n"],
    ["a comment glued to a quoted scalar", 'a: "b"#c\n'],
    ["a comment glued to a key", "a:#c\n"],
    ["a map in a list", "a:\n  - b: 1\n"],
    ["a comment without a space", "a: b#c\n"],
    ["a colon in a value", "a: b: c\n"],
    ["an escape", 'a: "b\\n"\n'],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n"],
    ["an indented root", "  a: 1\n"],
    ["a bad indent", "a:\n    b: 1\n  c: 2\n"],
    ["nothing", ""],
    ["only comments", "# nothing\n"],
  ])("leaves %s to yaml", (_what, text) => {
    expect(readPlainYaml(text)).toBeNull();
  });

  it("gives up on long hostile lines, and reads a long run of spaces in a flow list", () => {
    // Each is a shape that makes a careless pattern backtrack quadratically (the first took ~30 s
    // with an earlier FLOW_ITEM); this checks the answers, the patterns' comments say why.
    const long = 200_000;
    for (const text of [`a: [a${" ".repeat(long)}b\n`, `a: '${"''".repeat(long)}x\n`, `a: "${'\\"'.repeat(long)}\n`, `a: b${" c".repeat(long)}: d\n`]) {
      expect(readPlainYaml(text)).toBeNull();
    }
    expect(readPlainYaml(`a: [a${" ".repeat(long)}, b]\n`)).toStrictEqual({ value: { a: ["a", "b"] } });
  });

  it("reads comments, blank lines, quoting, lists at the key's indent, and plain scalars with punctuation", () => {
    const text = [
      "# top",
      "a: https://example.com/x?y=1   # url",
      "",
      "b: 'it''s'",
      'c: "say \\"hi\\""',
      "d:",
      "- one",
      "-   two words",
      "e:",
      "    f: [x, 'y z', \"w\"]  # flow",
      "    g: []",
      "    h: 42",
      "    i: true",
      "    j: null",
      "    k: yes, no",
      "    l: 1_000",
      "",
    ].join("\n");
    expect(expectSameAsYaml(text)).toBe(true);
  });

  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,8}$/);
  const tricky = fc.string({ unit: fc.constantFrom(..."aZ09 :#-'\"[],{}&*!|>?%@`~.+_/\\\t"), maxLength: 12 });
  const scalarText = fc.oneof(word, tricky, fc.constantFrom("true", "null", "0", "007", "1.5", "-1", "1e3", ".inf", "yes", "~", "0o17", "12345678901234567890"));
  const scalar = fc.tuple(scalarText, fc.constantFrom("plain", "single", "double")).map(([text, style]) =>
    style === "plain" ? text : style === "single" ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`,
  );
  type Tree = { kind: "scalar"; text: string } | { kind: "list"; items: string[]; flow: boolean } | { kind: "map"; entries: Array<[string, Tree]> };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar.map((text) => ({ kind: "scalar" as const, text })),
      fc.record({ kind: fc.constant("list" as const), items: fc.array(scalar, { minLength: 1, maxLength: 4 }), flow: fc.boolean() }),
      fc.record({ kind: fc.constant("map" as const), entries: fc.array(fc.tuple(word, tie("tree")), { minLength: 1, maxLength: 4 }) }),
    ),
  })).tree;
  const render = (entries: Array<[string, Tree]>, indent: number, step: number, comments: boolean): string[] =>
    entries.flatMap(([key, value]) => {
      const pad = " ".repeat(indent);
      const note = comments ? "  # note" : "";
      if (value.kind === "scalar") return [`${pad}${key}: ${value.text}${note}`];
      if (value.kind === "list" && value.flow) return [`${pad}${key}: [${value.items.join(", ")}]${note}`];
      if (value.kind === "list") return [`${pad}${key}:${note}`, ...value.items.map((item) => `${" ".repeat(indent + step)}- ${item}`)];
      return [`${pad}${key}:${note}`, ...(comments ? [""] : []), ...render(value.entries, indent + step, step, comments)];
    });

  it("agrees with yaml on generated documents", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, tree), { minLength: 1, maxLength: 5 }), fc.constantFrom(2, 3, 4), fc.boolean(), (entries, step, comments) => {
        if (expectSameAsYaml(`${render(entries, 0, step, comments).join("\n")}\n`)) accepted++;
      }),
      { numRuns: 400 },
    );
    // Not vacuous: plenty of the generated documents take the fast path.
    expect(accepted).toBeGreaterThan(40);
  });

  it("agrees with yaml on mutated manifests, or gives up", () => {
    const junk = fc.string({ unit: fc.constantFrom(..." \n:#-'\"[]{},&*!|>?%@`~.\t\\x1"), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(6), junk, (at, cut, inserted) => {
        expectSameAsYaml(VALID.slice(0, at) + inserted + VALID.slice(at + cut));
      }),
      { numRuns: 1500 },
    );
  });

  // Every character JavaScript calls white space (String#trim) or a line end, but YAML does not.
  const UNICODE_SPACES = ["\u00A0", "\u1680", "\u2000", "\u2005", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF", "\u0085", "\u000B", "\u000C", "\r"];

  it("keeps the Unicode spaces yaml keeps (a trailing U+00A0 or U+3000 is part of the value), or gives up", () => {
    for (const space of UNICODE_SPACES) {
      for (const text of [`version: 1\nname: value${space}\n`, `a: [x${space}, y]\n`, `a: 'q'${space}\n`, `a: b ${space}# c\n`, `a:\n  - v${space}\n`, `${space}a: 1\n`]) {
        expectSameAsYaml(text);
      }
    }
    expect(readPlainYaml("name: value\u00A0\n")?.value).toEqual({ name: "value\u00A0" });
  });

  it("agrees with yaml on random manifests sprinkled with Unicode white space, or gives up", () => {
    const sprinkle = fc.string({ unit: fc.constantFrom(...UNICODE_SPACES, " ", "a", ":", "#", "-", "\n"), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(3), sprinkle, (at, cut, inserted) => {
        expectSameAsYaml(VALID.slice(0, at) + inserted + VALID.slice(at + cut));
      }),
      { numRuns: 1500 },
    );
  });
});
