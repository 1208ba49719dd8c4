import { describe, expect, it } from "vitest";
import { VERSION } from "../../../src/version.js";
import { parseManifest } from "../../../src/manifest/parse-manifest.js";
import { renderProblemsMarkdown } from "../../../src/report/validate/problems-markdown.js";
import { renderProblemsJson, renderValidJson, renderValidText } from "../../../src/report/validate/problems.js";
import { renderProblemsText } from "../../../src/report/validate/problems-text.js";
import { ManifestError } from "../../../src/shared/errors.js";
import { VALID, problemsOf } from "../../manifest/support.js";

const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, "");

const broken = VALID.replace("        reload: full", "        reload: sometimes")
  .replace("        maxAge: 6h", "        maxAge: six hours")
  .replace("        reload: cache", "        reload: cache\n        maxage: 1h");

describe("renderProblemsText", () => {
  it("shows each problem as FILE:LINE:COL: message with a code frame, then the count", () => {
    const { error } = problemsOf(broken);
    expect(renderProblemsText(error, { color: false })).toMatchInlineSnapshot(`
      "reload.config.yaml:17:17: \`reload\` must be \`full\`, \`cache\` or \`{ tables: [...] }\`; got "sometimes"
         16 |         id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44
       > 17 |         reload: sometimes
            |                 ^^^^^^^^^
      reload.config.yaml:23:17: \`maxAge\` must be a duration like 6h or 1h30m; got "six hours"
         22 |           tables: [EKKO, EKPO, "Vendor Master"]
       > 23 |         maxAge: six hours
            |                 ^^^^^^^^^
      reload.config.yaml:30:9: unknown key \`maxage\`; did you mean \`maxAge\`?
         29 |         reload: cache
       > 30 |         maxage: 1h
            |         ^^^^^^

      3 problems in reload.config.yaml.
      "
    `);
  });

  it("aligns the gutter when the line before has fewer digits, and says `1 problem`", () => {
    const text = "version: 1\npools:\n  p:\n    id: P\n    models:\n      m:\n        id: M\n        tags: [a]\n        maxAge: 1h\n        timeout: soon\n";
    const { error } = problemsOf(text, "m.yaml");
    expect(renderProblemsText(error, { color: false })).toMatchInlineSnapshot(`
      "m.yaml:10:18: \`timeout\` must be a duration like 6h or 1h30m; got "soon"
          9 |         maxAge: 1h
       > 10 |         timeout: soon
            |                  ^^^^

      1 problem in m.yaml.
      "
    `);
  });

  it("frames line 1 without a line before it, and a problem without source without a frame", () => {
    const { error } = problemsOf("version: 2\npools:\n  a:\n    id: x\n    models:\n      m:\n        id: y\n", "m.yaml");
    expect(renderProblemsText(error, { color: false })).toMatchInlineSnapshot(`
      "m.yaml:1:10: \`version\` must be 1; got 2
       > 1 | version: 2
           |          ^

      1 problem in m.yaml.
      "
    `);
    const bare = new ManifestError("m.yaml", error.problems);
    expect(renderProblemsText(bare, { color: false })).toBe("m.yaml:1:10: `version` must be 1; got 2\n\n1 problem in m.yaml.\n");
  });

  it("colours the location cyan, the message red and the frame dim, and is the same text without colour", () => {
    const { error } = problemsOf(broken);
    const coloured = renderProblemsText(error, { color: true });
    expect(coloured).toContain("\x1b[36mreload.config.yaml:17:17\x1b[39m");
    expect(coloured).toContain("\x1b[31m`reload` must be");
    expect(coloured).toContain("\x1b[2m17 |         reload: sometimes\x1b[22m");
    expect(stripAnsi(coloured)).toBe(renderProblemsText(error, { color: false }));
  });

  it("for a terminal of 60 columns, a message wraps under its own column and a code frame is cut, never wrapped", () => {
    const { error } = problemsOf(broken);
    const lines = renderProblemsText(error, { color: false, width: 60 }).split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "reload.config.yaml:17:17: `reload` must be `full`, `cache`",
      '                          or `{ tables: [...] }`; got',
      '                          "sometimes"',
      "   16 |         id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44",
      " > 17 |         reload: sometimes",
    ]);
    expect(lines.every((line) => line.length <= 60)).toBe(true);
  });

  it("a location that leaves the message too little room stands whole on its line, the message below it", () => {
    const long = "pipelines/very-long-folder-name/reload.config.yaml"; // 56 cells with its :3:5:
    const error = new ManifestError(long, [{ file: long, line: 3, column: 5, message: "unknown key `maxage`; did you mean `maxAge`?", path: "x" }]);
    expect(renderProblemsText(error, { color: false, width: 60 }).split("\n").slice(0, 3)).toEqual([
      `${long}:3:5: `.trimEnd(),
      "  unknown key `maxage`; did you mean `maxAge`?",
      "",
    ]);
  });
});

describe("the JSON views", () => {
  it("lists the problems of an invalid manifest", () => {
    const { error } = problemsOf(broken);
    expect(renderProblemsJson(error)).toStrictEqual({
      formatVersion: 1,
      tool: { name: "reloadctl", version: VERSION },
      valid: false,
      file: "reload.config.yaml",
      problems: [
        { file: "reload.config.yaml", line: 17, column: 17, message: '`reload` must be `full`, `cache` or `{ tables: [...] }`; got "sometimes"', path: "pools.finance.models.o2c.reload" },
        { file: "reload.config.yaml", line: 23, column: 17, message: '`maxAge` must be a duration like 6h or 1h30m; got "six hours"', path: "pools.finance.models.p2p.maxAge" },
        { file: "reload.config.yaml", line: 30, column: 9, message: "unknown key `maxage`; did you mean `maxAge`?", path: "pools.logistics.models.shipments.maxage" },
      ],
    });
  });

  it("counts pools and models of a valid one", () => {
    expect(renderValidJson(parseManifest(VALID, "reload.config.yaml"))).toStrictEqual({
      formatVersion: 1,
      tool: { name: "reloadctl", version: VERSION },
      valid: true,
      file: "reload.config.yaml",
      models: 3,
      pools: 2,
    });
    expect(renderValidJson(parseManifest(VALID, "-")).file).toBe("<stdin>");
  });
});

describe("renderValidText", () => {
  it("is one line", () => {
    expect(renderValidText(parseManifest(VALID, "reload.config.yaml"))).toBe("reload.config.yaml is valid: 2 pools, 3 models.");
    const one = parseManifest("version: 1\npools:\n  p:\n    id: P\n    models:\n      m:\n        id: M\n", "m.yaml");
    expect(renderValidText(one)).toBe("m.yaml is valid: 1 pool, 1 model.");
    expect(stripAnsi(renderValidText(one, { color: true }))).toBe("m.yaml is valid: 1 pool, 1 model.");
  });
});

describe("renderProblemsMarkdown", () => {
  it("escapes markdown outside a message's code spans and leaves their insides as written", () => {
    const { error } = problemsOf(broken);
    const md = renderProblemsMarkdown(error);
    expect(md).toContain("`reload` must be `full`, `cache` or `{ tables: [...] }`; got \"sometimes\"");
    const odd = new ManifestError("m.yaml", [{ file: "m.yaml", line: 1, column: 1, path: "", message: "a *star* in `a_b` and [x] with `no end_" }]);
    expect(renderProblemsMarkdown(odd)).toContain("- `m.yaml:1:1` a \\*star\\* in `a_b` and \\[x\\] with `no end\\_");
  });
});
