// What each place in the manifest expects, in the user's words (never the validator's).
import type { PathSegment } from "./locator.js";

const DURATION_FIELDS = new Set(["timeout", "maxAge"]);
const ECHO_LIMIT = 40;

/** A value as the user wrote it, short: `"sometimes"`, `0`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") {
    const cut = value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT - 1)}…` : value;
    return JSON.stringify(cut);
  }
  return String(value);
}

/** How a place is named in a message: `maxAge`, pool `finance`, model `finance/o2c`. */
export function subjectOf(path: readonly PathSegment[]): string {
  const [first, pool, third, model, fifth, , seventh] = path;
  if (path.length === 0) return "the manifest";
  if (first === "pools" && path.length === 2) return `pool \`${pool}\``;
  if (first === "pools" && third === "models" && path.length === 4) return `model \`${pool}/${model}\``;
  if (fifth === "reload" && path.length === 7 && typeof seventh === "number") return "each table in `tables`";
  if (fifth === "tags" && path.length === 6) return "each tag in `tags`";
  return `\`${String(path.at(-1))}\``;
}

/** Where a map is, for "unknown key … in X": `at the top level`, `in model \`finance/o2c\``. */
export function placeOf(mapPath: readonly PathSegment[]): string {
  const [first, pool, third, model] = mapPath;
  if (mapPath.length === 0) return "at the top level";
  if (first === "pools" && mapPath.length === 2) return `in pool \`${pool}\``;
  if (first === "targets" && mapPath.length === 2) return `in target \`${pool}\``;
  if (first === "pools" && third === "defaults" && mapPath.length === 3) return `in the defaults of pool \`${pool}\``;
  if (first === "pools" && third === "models" && mapPath.length === 4) return `in model \`${pool}/${model}\``;
  return `in \`${mapPath.map(String).join(".")}\``;
}

interface Expectation {
  expected: string;
  /** The place wants text: a number or boolean there was most likely meant as text. */
  text?: boolean;
  /** False where the value may be a secret pasted in the wrong place: never repeat it. */
  echo: boolean;
}

function expectationOf(path: readonly PathSegment[]): Expectation {
  const [first, , third] = path;
  const last = path.at(-1);
  const parent = path.at(-2);
  const expect = (expected: string): Expectation => ({ expected, echo: true });
  if (path.length === 0) return expect("a map with `version: 1` and `pools:`");
  if (first === "pools" && path.length === 2) return expect("a map with `id` or `name`, and `models`");
  if (first === "targets" && path.length === 2) return expect("a map with `url`, and `keyType`, `tokenEnv` or `default`");
  if (first === "pools" && third === "models" && path.length === 4) return expect("a map with at least `id` or `name`");
  if (typeof last === "number" && parent === "tables") return { expected: "a table's alias or name", echo: true, text: true };
  if (typeof last === "number" && parent === "tags") return { expected: "a word", echo: true, text: true };
  switch (last) {
    case "version":
      return expect("1");
    case "connection":
      return expect("a map with `url`, `keyType` or `tokenEnv`");
    case "targets":
      return expect("a map of target names to targets, like `prod: { url: https://… }`");
    case "default":
      return expect("`true` or `false`");
    case "url":
      return expect("a URL like https://acme.eu-1.celonis.cloud");
    case "keyType":
      return expect("`USER_KEY` or `APP_KEY`");
    case "tokenEnv":
      return { expected: "the name of an environment variable in capitals, like CELONIS_API_TOKEN (never the key itself)", echo: false };
    case "defaults":
      return expect("a map of settings");
    case "pools":
      return expect("a map of pool keys to pools");
    case "models":
      return expect("a map of model keys to models");
    case "id":
      return { expected: path.length === 3 ? "the data pool's id" : "the data model's id", echo: true, text: true };
    case "name":
      return { expected: path.length === 3 ? "the data pool's name" : "the data model's name", echo: true, text: true };
    case "parallelism":
    case "poolParallelism":
      return expect("a whole number, at least 1");
    case "timeout":
    case "maxAge":
      return expect("a duration like 6h or 1h30m");
    case "onWarning":
      return expect("`fail` or `succeed`");
    case "onRunning":
      return expect("`wait`, `skip` or `fail`");
    case "reload":
      return expect("`full`, `cache` or `{ tables: [...] }`");
    case "tables":
      return expect("a list of table aliases or names");
    case "tags":
      return expect("a list of tags, like [nightly]");
    default:
      return expect("something else");
  }
}

/** "`maxAge` must be a duration like 6h or 1h30m; got \"six hours\"" */
export function wrongValueMessage(path: readonly PathSegment[], value: unknown): string {
  if (path.length === 0 && (value === null || value === undefined)) return "the manifest is empty; it needs at least `version: 1`";
  const { expected, echo, text } = expectationOf(path);
  const base = `${subjectOf(path)} must be ${expected}`;
  if (!echo) return base;
  const last = path.at(-1);
  let hint = "";
  if (typeof last === "string" && DURATION_FIELDS.has(last) && typeof value === "number") hint = " (a duration needs a unit: s, m, h or d)";
  else if (text && (typeof value === "number" || typeof value === "boolean")) hint = " (YAML reads it as a number or boolean: put it in quotes)";
  else if (text && typeof value === "string") hint = " (it is blank)";
  return `${base}; got ${describeValue(value)}${hint}`;
}

export function tooFewItemsMessage(path: readonly PathSegment[]): string {
  if (path.at(-1) === "tables") return "`tables` must list at least one table; for a complete reload write `reload: full`";
  return `${subjectOf(path)} must not be empty`;
}

export function missingKeyMessage(mapPath: readonly PathSegment[], key: string): string {
  if (mapPath.length === 0 && key === "version") return "missing `version: 1`: a manifest starts by saying which format it uses";
  if (mapPath.at(-1) === "reload" && key === "tables") return "`reload` as a map needs `tables: [...]`; or write `reload: full` or `reload: cache`";
  return `missing key \`${key}\` ${placeOf(mapPath)}`;
}

/** A pool or model gives neither or both of `id` and `name`. */
export function exactlyOneMessage(mapPath: readonly PathSegment[], keys: readonly string[], given: readonly string[]): string {
  const subject = subjectOf(mapPath);
  const isIdOrName = keys.length === 2 && keys[0] === "id" && keys[1] === "name";
  const what = mapPath.length === 2 ? "data pool" : "data model";
  if (given.length > 1) {
    return isIdOrName
      ? `${subject} gives both \`id\` and \`name\`: keep one (\`id\` pins the ${what}; \`name\` is looked up at plan time)`
      : `${subject} gives ${given.map((k) => `\`${k}\``).join(" and ")}: keep one`;
  }
  return isIdOrName
    ? `${subject} needs \`id\` (the ${what}'s id) or \`name\` (its name, looked up at plan time)`
    : `${subject} needs one of ${keys.map((k) => `\`${k}\``).join(", ")}`;
}

export function badNameMessage(mapPath: readonly PathSegment[], name: string): string {
  const what = mapPath.length === 1 ? "pool key" : "model key";
  return `${what} \`${name}\` is not a valid name: use letters, digits, \`.\`, \`_\` and \`-\`, starting with a letter or digit (it forms the address POOL/MODEL)`;
}

/** A key that is known, only not here: where it goes. */
function misplacedHint(mapPath: readonly PathSegment[], key: string): string | null {
  const [first, , third] = mapPath;
  const atRoot = mapPath.length === 0;
  const atPool = first === "pools" && mapPath.length === 2;
  const inPoolDefaults = first === "pools" && third === "defaults" && mapPath.length === 3;
  const inModel = first === "pools" && third === "models" && mapPath.length === 4;
  switch (key) {
    case "parallelism":
      return "it counts loads across all pools; set it in the top-level `defaults`";
    case "poolParallelism":
      if (inPoolDefaults) return "set it on the pool itself, beside its `id`";
      return "set it on a pool, beside its `id`, or in the top-level `defaults`";
    case "timeout":
    case "maxAge":
    case "onWarning":
    case "onRunning":
      if (atRoot) return "put it in `defaults` (or in a pool's `defaults`, or on a model)";
      if (atPool) return "put it in the pool's `defaults`, or on each model";
      return null;
    case "url":
    case "keyType":
    case "tokenEnv":
      return "put it in `connection`";
    case "models":
      return atRoot ? "models belong to a pool: `pools: { POOL: { id: …, models: { … } } }`" : null;
    case "tables":
      return inModel ? "put it under `reload`: `reload: { tables: [...] }`" : null;
    case "version":
      return "it goes at the top level";
    default:
      return null;
  }
}

export function unknownKeyMessage(mapPath: readonly PathSegment[], key: string, known: readonly string[], suggestion: string | null): string {
  const hint = misplacedHint(mapPath, key);
  if (hint !== null && !known.includes(key)) return `\`${key}\` cannot be set ${placeOf(mapPath)}; ${hint}`;
  if (suggestion !== null) return `unknown key \`${key}\`; did you mean \`${suggestion}\`?`;
  const keys = known.length > 0 ? `; expected one of: ${known.join(", ")}` : "";
  return `unknown key \`${key}\` ${placeOf(mapPath)}${keys}`;
}
