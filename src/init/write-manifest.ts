// A tenant as read by `reloadctl init` → the text of a manifest that validates as written. Pure:
// the command proves the text with manifest/ before it writes a byte.
import { oneLine } from "../report/style.js";

export interface TenantModel {
  id: string;
  name: string;
  /** null when its tables could not be counted. */
  tableCount: number | null;
}

export interface TenantPool {
  id: string;
  name: string;
  models: TenantModel[];
}

export interface InitConnection {
  url: string;
  keyType: "USER_KEY" | "APP_KEY";
  tokenEnv: string;
}

export interface WriteManifestOptions {
  /** Write pools and models by name (the id as a comment), or by id (the name as a comment). */
  by: "name" | "id";
  connection: InitConnection;
  /** With a target name: a `targets:` map of that one target, marked default; else `connection:`. */
  target: string | null;
  /** A line saying where and when, e.g. `from https://… on 2026-11-29`. */
  origin: string;
}

/** The modeline that finds the schema in a project that installed reloadctl with npm. */
export const MODELINE = "# yaml-language-server: $schema=./node_modules/reloadctl/schemas/reload.config.schema.json";

const COMMENT_COLUMN = 40;

/** A YAML scalar for a name or id: plain when that reads back as the same string, else double-quoted (JSON). */
export function yamlString(text: string): string {
  if (/^https?:\/\/[A-Za-z0-9.:[\]/_~%-]+$/.test(text)) return text; // a URL reads back plain: no ": " and no " #"
  const plain =
    /^[A-Za-z0-9_(][A-Za-z0-9 _.,()/&+'-]*$/.test(text) &&
    !/ $/.test(text) &&
    !/^(?:true|false|yes|no|on|off|null|y|n|~)$/i.test(text) &&
    !/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(text) &&
    !/^0[xo]/i.test(text) &&
    !/^\d+:\d/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** An address key from a name: lower case, runs of other characters as `-`; unique among `taken`. */
export function keyFor(name: string, taken: Set<string>, fallback: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/-+$/, "");
  // A key YAML would read as something else (`true`, `12`) gets a word after it.
  const base = slug === "" ? fallback : yamlString(slug) !== slug ? `${slug}-${fallback}` : slug;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

function line(text: string, comment: string | null): string {
  if (comment === null) return text;
  return `${text.padEnd(COMMENT_COLUMN - 1)} # ${oneLine(comment)}`;
}

/** Names that occur more than once among `items` (exactly: a name that only folds together still resolves). */
function repeated(items: readonly { name: string }[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { name } of items) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

function tables(n: number | null): string | null {
  if (n === null) return null;
  return `${n} ${n === 1 ? "table" : "tables"}`;
}

/** The entry's `id:` or `name:` line, with the other as a comment (or why it is by id). */
function refLine(indent: string, item: { id: string; name: string }, by: "name" | "id", clash: string | null): string {
  if (by === "name" && clash === null) return line(`${indent}name: ${yamlString(item.name)}`, `id ${item.id}`);
  const why = clash !== null ? `${JSON.stringify(item.name)}: by id, ${clash}` : JSON.stringify(item.name);
  return line(`${indent}id: ${yamlString(item.id)}`, why);
}

export function writeManifest(pools: readonly TenantPool[], opts: WriteManifestOptions): string {
  const withModels = pools.filter((p) => p.models.length > 0);
  const modelCount = withModels.reduce((n, p) => n + p.models.length, 0);
  const out: string[] = [
    MODELINE,
    `# Written by \`reloadctl init\` ${oneLine(opts.origin)}: ${withModels.length} ${withModels.length === 1 ? "pool" : "pools"}, ${modelCount} data ${modelCount === 1 ? "model" : "models"}.`,
    "# Check it with `reloadctl validate`; see what apply would do with `reloadctl plan`.",
    "version: 1",
  ];
  const { url, keyType, tokenEnv } = opts.connection;
  if (opts.target === null) {
    out.push("connection:", line(`  url: ${yamlString(url)}`, "CELONIS_URL wins over this"), `  keyType: ${keyType}`);
    out.push(line(`  tokenEnv: ${tokenEnv}`, "the variable that holds the key; never the key itself"));
  } else {
    out.push("targets:", line(`  ${opts.target}:`, "add others beside it; choose with --target NAME"), `    url: ${yamlString(url)}`);
    out.push(`    keyType: ${keyType}`, line(`    tokenEnv: ${tokenEnv}`, "the variable that holds the key; never the key itself"), "    default: true");
  }
  out.push("pools:");
  const poolClash = repeated(withModels);
  const poolKeys = new Set<string>();
  for (const pool of withModels) {
    out.push(`  ${keyFor(pool.name, poolKeys, "pool")}:`);
    out.push(refLine("    ", pool, opts.by, poolClash.has(pool.name) ? "another data pool has this name" : null));
    out.push("    models:");
    const modelClash = repeated(pool.models);
    const modelKeys = new Set<string>();
    for (const model of pool.models) {
      out.push(`      ${keyFor(model.name, modelKeys, "model")}:`);
      out.push(refLine("        ", model, opts.by, modelClash.has(model.name) ? "another data model in this pool has this name" : null));
      out.push(line("        reload: full", tables(model.tableCount)));
    }
  }
  const empty = pools.filter((p) => p.models.length === 0);
  for (const pool of empty) out.push(`# left out: pool ${JSON.stringify(oneLine(pool.name))} (id ${pool.id}) has no data models`);
  return `${out.join("\n")}\n`;
}
