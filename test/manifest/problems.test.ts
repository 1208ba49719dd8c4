// Every kind of manifest problem, with its exact place and the user's words.
import { describe, expect, it } from "vitest";
import { renderProblemsJson } from "../../src/report/validate/problems.js";
import { renderProblemsText } from "../../src/report/validate/problems-text.js";
import { VALID, brief, problemsOf } from "./support.js";

const edit = (from: string, to: string): string => {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
};

describe("manifest problems, located", () => {
  it.each([
    ["an unknown key at the top", edit("pools:\n", "pool:\n  x: 1\npools:\n"), "11:1 unknown key `pool`; did you mean `pools`?"],
    ["an unknown key in a pool", edit("    models:\n      o2c:", "    modles: {}\n    models:\n      o2c:"), "14:5 unknown key `modles`; did you mean `models`?"],
    ["an unknown key in a model", edit("        maxAge: 6h", "        maxage: 6h"), "23:9 unknown key `maxage`; did you mean `maxAge`?"],
    [
      "an unknown key with nothing close",
      edit("        maxAge: 6h", "        colour: red"),
      "23:9 unknown key `colour` in model `finance/p2p`; expected one of: id, name, reload, tags, timeout, maxAge, onWarning, onRunning",
    ],
    [
      "a known key in the wrong place",
      edit("        maxAge: 6h", "        parallelism: 2"),
      "23:9 `parallelism` cannot be set in model `finance/p2p`; it counts loads across all pools; set it in the top-level `defaults`",
    ],
    ["a missing required key (at the map that lacks it)", edit("        id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44\n", ""), "15:7 model `finance/o2c` needs `id` (the data model's id) or `name` (its name, looked up at plan time)"],
    [
      "a model with both `id` and `name` (at the second)",
      edit("        id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44\n", "        id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44\n        name: Order to Cash\n"),
      "17:9 model `finance/o2c` gives both `id` and `name`: keep one (`id` pins the data model; `name` is looked up at plan time)",
    ],
    ["a pool with neither `id` nor `name`", edit("    id: 4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58\n", ""), "24:3 pool `logistics` needs `id` (the data pool's id) or `name` (its name, looked up at plan time)"],
    ["a blank name", edit("    id: 4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58\n", '    name: " "\n'), '25:11 `name` must be the data pool\'s name; got " " (it is blank)'],
    [
      "one pool named twice",
      edit("    id: 4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58\n", "    name: Finance\n").replace("    id: 0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10\n", "    name: Finance\n"),
      "25:11 pool name `Finance` is already declared by pool `finance` (line 13): declare each pool once, with all its models",
    ],
    [
      "two default targets (at the second)",
      edit("defaults:\n", "targets:\n  dev: { url: https://a-dev.eu-1.celonis.cloud, default: true }\n  prod:\n    url: https://a.eu-1.celonis.cloud\n    default: true\ndefaults:\n").replace("  url: https://acme.eu-1.celonis.cloud\n", ""),
      "9:14 target `prod` is marked `default: true`, as `dev` is (line 6): at most one target is the default",
    ],
    [
      "a target over plain http to another host",
      edit("defaults:\n", "targets:\n  dev:\n    url: http://celonis.example.com\ndefaults:\n").replace("  url: https://acme.eu-1.celonis.cloud\n", ""),
      "7:10 `targets.dev.url` must use https:// (plain http:// only to localhost, 127.0.0.0/8 or [::1]): the key must not cross the network unencrypted",
    ],
    [
      "connection.url beside targets",
      edit("defaults:\n", "targets:\n  dev:\n    url: https://a-dev.eu-1.celonis.cloud\ndefaults:\n"),
      "4:8 `connection.url` is not used when the manifest has `targets`: each target gives its own `url`",
    ],
    ["a target without url", edit("defaults:\n", "targets:\n  dev: { tokenEnv: DEV_TOKEN }\ndefaults:\n").replace("  url: https://acme.eu-1.celonis.cloud\n", ""), "6:8 missing key `url` in target `dev`"],
    ["a missing version", edit("version: 1\n", ""), "2:1 missing `version: 1`: a manifest starts by saying which format it uses"],
    ["a wrong enum value", edit("  maxAge: 0s\n", "  maxAge: 0s\n  onWarning: maybe\n"), '11:14 `onWarning` must be `fail` or `succeed`; got "maybe"'],
    ["a bad duration", edit("        maxAge: 6h", "        maxAge: six hours"), '23:17 `maxAge` must be a duration like 6h or 1h30m; got "six hours"'],
    ["a duration without a unit", edit("  timeout: 2h", "  timeout: 90"), "9:12 `timeout` must be a duration like 6h or 1h30m; got 90 (a duration needs a unit: s, m, h or d)"],
    ["a bad reload", edit("        reload: full", "        reload: sometimes"), '17:17 `reload` must be `full`, `cache` or `{ tables: [...] }`; got "sometimes"'],
    ["an empty reload", edit("        reload: full", "        reload:"), "17:9 `reload` must be `full`, `cache` or `{ tables: [...] }`; got nothing"],
    ["empty tables", edit('[EKKO, EKPO, "Vendor Master"]', "[]"), "22:19 `tables` must list at least one table; for a complete reload write `reload: full`"],
    ["a table that is a number", edit('[EKKO, EKPO, "Vendor Master"]', "[EKKO, 42]"), "22:26 each table in `tables` must be a table's alias or name; got 42 (YAML reads it as a number or boolean: put it in quotes)"],
    ["a table listed twice", edit('[EKKO, EKPO, "Vendor Master"]', "[EKKO, EKPO, ekko]"), "22:32 table `ekko` is listed twice in `finance/p2p`: as `EKKO` on line 22 (table words match case-insensitively)"],
    ["a duplicate YAML key", edit("        reload: cache\n", "        reload: cache\n        reload: full\n"), "30:9 duplicate key `reload`; it is already set on line 29"],
    ["a YAML syntax error", edit("tags: [nightly]", "tags: [nightly"), "19:7 YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]"],
    ["a tab as indentation", edit("  keyType: USER_KEY\n", "\tkeyType: USER_KEY\n"), "5:1 YAML does not allow tabs for indentation; indent with spaces"],
    ["a second document", `${VALID}---\nversion: 1\n`, "30:1 a manifest is one YAML document; remove this `---` and what follows it, or merge the two"],
    ["poolParallelism over parallelism", edit("  poolParallelism: 2", "  poolParallelism: 6"), "8:20 `poolParallelism` (6) is more than `parallelism` (4): a pool cannot run more loads at once than all pools together"],
    [
      "a pool's poolParallelism over the default parallelism",
      edit("  parallelism: 4\n  poolParallelism: 2\n", "").replace("    id: 4c2a77e1", "    poolParallelism: 5\n    id: 4c2a77e1"),
      "23:22 `poolParallelism` (5) is more than `parallelism` (4, the default): a pool cannot run more loads at once than all pools together",
    ],
    ["a duplicate model id", edit("9a8b4f2e-6c1d-4e7a-b3f5-8d2c0e9a1b67", "5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44"), "20:13 model `finance/p2p` is the same data model as `finance/o2c` (line 16): declare each model once"],
    [
      "a duplicate pool id",
      edit("4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58", "0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10"),
      "25:9 pool id `0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10` is already declared by pool `finance` (line 13): declare each pool once, with all its models",
    ],
    ["a pool without models", `${VALID}  empty:\n    id: 11111111-2222-4333-8444-555555555555\n`, "30:3 pool `empty` declares no models: add them under `models:`, or remove the pool"],
    ["a zero timeout", edit("  timeout: 2h", "  timeout: 0s"), "9:12 `timeout` must be longer than 0s"],
    ["a bad pool key", edit("  logistics:", '  "logi stics":'), "24:3 pool key `logi stics` is not a valid name: use letters, digits, `.`, `_` and `-`, starting with a letter or digit (it forms the address POOL/MODEL)"],
    ["a model id that YAML reads as a number", edit("        id: 6d1e8b3c-2f4a-4c9d-8e7b-1a5f0c3d9e26", "        id: 12345"), "28:13 `id` must be the data model's id; got 12345 (YAML reads it as a number or boolean: put it in quotes)"],
    ["no pools (said once, not by the schema too)", "version: 1\n", "1:1 the manifest declares no pools: add `pools:` with at least one pool and one model"],
    ["empty pools (said once)", "version: 1\npools: {}\n", "2:8 `pools` declares no pool: a manifest needs at least one pool with one model"],
    [
      "a tokenEnv not in capitals",
      edit("  keyType: USER_KEY\n", "  keyType: USER_KEY\n  tokenEnv: celonis_token\n"),
      "6:13 `tokenEnv` must be the name of an environment variable in capitals, like CELONIS_API_TOKEN (never the key itself)",
    ],
    ["a root that is a list", "- a\n", "1:1 the manifest must be a map with `version: 1` and `pools:`; got a list"],
    ["an empty file", "", "1:1 the manifest is empty; it needs at least `version: 1`"],
    ["an alias to no anchor", edit("  keyType: USER_KEY", "  keyType: *kind"), "5:12 alias `*kind` refers to no anchor `&kind` above it"],
  ])("%s", (_what, text, expected) => {
    expect(brief(problemsOf(text).problems)).toStrictEqual([expected]);
  });

  it("reports every problem in one run, in file order, with paths", () => {
    const text = edit("  maxAge: 0s\n", "  maxAge: 0s\n  maxage: 1h\n")
      .replace("        reload: full", "        reload: sometimes")
      .replace("  timeout: 2h", "  timeout: two hours")
      .replace("        reload: cache", "        reload: cache\n        onRunning: never");
    const { problems } = problemsOf(text);
    expect(brief(problems)).toStrictEqual([
      '9:12 `timeout` must be a duration like 6h or 1h30m; got "two hours"',
      "11:3 unknown key `maxage`; did you mean `maxAge`?",
      '18:17 `reload` must be `full`, `cache` or `{ tables: [...] }`; got "sometimes"',
      '31:20 `onRunning` must be `wait`, `skip` or `fail`; got "never"',
    ]);
    expect(problems.map((p) => p.path)).toStrictEqual([
      "defaults.timeout",
      "defaults.maxage",
      "pools.finance.models.o2c.reload",
      "pools.logistics.models.shipments.onRunning",
    ]);
    expect(problems.every((p) => p.file === "reload.config.yaml")).toBe(true);
  });

  it("gives each problem the length of its span, for the caret", () => {
    const { problems } = problemsOf(edit("        reload: full", "        reload: sometimes"));
    expect(problems[0]).toMatchObject({ line: 17, column: 17, length: "sometimes".length });
  });

  it("points at the alias where a wrong anchored value is used", () => {
    const text = edit("  timeout: 2h", "  timeout: &t forever").replace("        maxAge: 6h", "        maxAge: *t");
    expect(brief(problemsOf(text).problems)).toStrictEqual([
      '9:15 `timeout` must be a duration like 6h or 1h30m; got "forever"',
      '23:17 `maxAge` must be a duration like 6h or 1h30m; got "forever"',
    ]);
  });

  it("reports both an unknown key and the key it leaves missing", () => {
    const text = edit('          tables: [EKKO, EKPO, "Vendor Master"]', "          table: [EKKO]");
    expect(brief(problemsOf(text).problems)).toStrictEqual([
      "21:9 `reload` as a map needs `tables: [...]`; or write `reload: full` or `reload: cache`",
      "22:11 unknown key `table`; did you mean `tables`?",
    ]);
  });
});

describe("key-like fields", () => {
  const SECRET = "sk-live-ABCDEF0123456789";

  it.each([
    ["apiKey in connection", edit("  keyType: USER_KEY\n", `  keyType: USER_KEY\n  apiKey: ${SECRET}\n`), "6:3 `apiKey`"],
    ["api_key at the top", edit("version: 1\n", `version: 1\napi_key: ${SECRET}\n`), "3:1 `api_key`"],
    ["TOKEN in a model", edit("        reload: cache\n", `        reload: cache\n        TOKEN: "${SECRET}"\n`), "30:9 `TOKEN`"],
    ["password deep in a map", edit("        reload: cache\n", `        reload: cache\n        auth:\n          password: ${SECRET}\n`), "30:9 `auth`"],
    ["a secret in reload", edit("        reload: full", `        reload: { tables: [A], clientSecret: ${SECRET} }`), "17:32 `clientSecret`"],
    ["a pool named like a field, holding a key", edit("pools:\n", `pools:\n  token: ${SECRET}\n`), "12:3 `token`"],
    ["a key through an alias", edit("version: 1\n", `version: 1\nnote: &k ${SECRET}\nsecret: *k\n`), "4:1 `secret`"],
  ])("%s is refused, says where keys go, and never shows the key", (_what, text, where) => {
    const { error, problems } = problemsOf(text);
    const problem = problems.find((p) => p.message.includes("looks like an API key"));
    expect(problem && `${problem.line}:${problem.column} ${problem.message.split(" ")[0]}`).toBe(where);
    expect(problem?.message).toContain("keys never go in the manifest");
    expect(problem?.message).toContain("CELONIS_API_TOKEN");
    const everything = [
      error.message,
      ...problems.map((p) => p.message),
      error.source ?? "",
      renderProblemsText(error, { color: false }),
      renderProblemsText(error, { color: true }),
      JSON.stringify(renderProblemsJson(error)),
    ].join("\n");
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain("ABCDEF0123456789");
  });

  it("names the variable from connection.tokenEnv", () => {
    const text = edit("  keyType: USER_KEY\n", `  keyType: USER_KEY\n  tokenEnv: ACME_KEY\n  token: ${SECRET}\n`);
    expect(problemsOf(text).problems[0]?.message).toContain("environment variable ACME_KEY");
  });

  it("never shows a key pasted into tokenEnv", () => {
    const text = edit("  keyType: USER_KEY\n", `  keyType: USER_KEY\n  tokenEnv: ${SECRET}\n`);
    const { error, problems } = problemsOf(text);
    expect(brief(problems)).toStrictEqual([
      "6:13 `tokenEnv` must be the name of an environment variable in capitals, like CELONIS_API_TOKEN (never the key itself)",
    ]);
    expect(renderProblemsText(error, { color: false })).not.toContain(SECRET);
  });

  it("keeps lines and columns of the masked source, so frames still line up", () => {
    const text = edit("  keyType: USER_KEY\n", `  apiKey: ${SECRET}\n  keyType: 7\n`);
    const { error } = problemsOf(text);
    expect(error.source?.split("\n")[4]).toBe(`  apiKey: ${"*".repeat(SECRET.length)}`);
    expect(error.source?.split("\n").length).toBe(text.split("\n").length);
  });

  it("leaves tokenEnv and keyType alone", () => {
    expect(() => problemsOf(edit("  keyType: USER_KEY\n", "  keyType: USER_KEY\n  tokenEnv: ACME_KEY\n"))).toThrow(/parsed/);
  });
});
