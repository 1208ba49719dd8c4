// A key never belongs in the manifest. Any field that looks like one is an error that says where
// keys go; its value is masked in the source kept for code frames and scrubbed from every message.
import { isPlausibleEnvName } from "../shared/env-name.js";
import type { Document, Node, Scalar } from "yaml";
import type { PathSegment } from "./locator.js";
import type { ProblemList } from "./problem-list.js";
import { BUILTIN_DEFAULTS } from "./types.js";
import { forEachNode, forEachPair } from "./walk-yaml.js";
import { yamlLib } from "./yaml-lib.js";
import type { YamlLocator } from "./yaml-locator.js";

const SECRET_WORDS = new Set([
  "key", "token", "secret", "secrets", "password", "passwd", "pwd", "passphrase",
  "apikey", "apitoken", "appkey", "userkey", "accesstoken", "authtoken", "bearertoken", "privatekey",
  "clientsecret", "credential", "credentials", "authorization", "auth", "bearer",
]);

/** `apiKey`, `api_key`, `API-KEY`, `celonisToken` → words; a secret-like field ends in a secret word or holds one. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `tokenEnv`, `keyType`: fields that say where or what kind a key is, not the key. */
const DESCRIBING_WORDS = new Set(["env", "var", "variable", "type", "name", "kind"]);

export function isKeyLikeField(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1);
  if (last === undefined || DESCRIBING_WORDS.has(last)) return false;
  if (last === "key" || last === "token") return true;
  if (SECRET_WORDS.has(parts.join(""))) return true;
  return parts.some((w) => SECRET_WORDS.has(w) && w !== "key" && w !== "token");
}

/** Under `pools` and under a pool's `models`, keys are names the user chose, not fields. */
function isNamePosition(mapPath: readonly PathSegment[]): boolean {
  return (mapPath.length === 1 && mapPath[0] === "pools") || (mapPath.length === 3 && mapPath[0] === "pools" && mapPath[2] === "models");
}

export interface SecretScan {
  /** Source ranges [start, end) of values to mask. */
  maskRanges: Array<[number, number]>;
  /** Every text found under a key-like field, to scrub from messages. */
  secretTexts: string[];
}

function isEnvName(node: Node | null): boolean {
  const { isScalar } = yamlLib();
  return isScalar(node) && typeof node.value === "string" && isPlausibleEnvName(node.value);
}

function maskValue(value: Node | null, scan: SecretScan, doc: Document): void {
  const { isAlias, isCollection, isScalar } = yamlLib();
  if (!value || !value.range) return;
  scan.maskRanges.push([value.range[0], value.range[1]]);
  // `apiKey: *k` shows nothing itself, but its anchor does.
  const target = isAlias(value) ? (value.resolve(doc) ?? null) : value;
  if (target && target !== value && target.range) scan.maskRanges.push([target.range[0], target.range[1]]);
  if (isCollection(target) || isScalar(target)) collectTexts(target, scan.secretTexts);
}

function collectTexts(node: unknown, into: string[]): void {
  const { isScalar } = yamlLib();
  forEachNode(node, (n) => {
    if (isScalar(n) && n.value !== null && n.value !== undefined) into.push(String(n.value));
    if (isScalar(n) && n.source) into.push(n.source);
  });
}

export function findKeyLikeFields(doc: Document, locator: YamlLocator, problems: ProblemList): SecretScan {
  const { isMap, isScalar } = yamlLib();
  const scan: SecretScan = { maskRanges: [], secretTexts: [] };
  const tokenEnvNode = locator.nodeAt(["connection", "tokenEnv"]);
  const tokenEnv = isEnvName(tokenEnvNode) ? String((tokenEnvNode as Scalar).value) : BUILTIN_DEFAULTS.tokenEnv;
  forEachPair(doc.contents, ({ pair, key, mapPath }) => {
    if (key === null || !isKeyLikeField(key)) return;
    const value = pair.value as Node | null;
    if (isNamePosition(mapPath) && (isMap(value) || value === null || (isScalar(value) && value.value === null))) return;
    if (isScalar(pair.key)) {
      problems.add(
        locator.spanOfNode(pair.key),
        `\`${key}\` looks like an API key: keys never go in the manifest. Put it in the environment variable ${tokenEnv} (named by \`connection.tokenEnv\`)`,
        [...mapPath, key],
      );
    }
    maskValue(value, scan, doc);
  });
  // Something other than a variable's name in `tokenEnv` may well be the key itself.
  if (tokenEnvNode && !isEnvName(tokenEnvNode) && !(isScalar(tokenEnvNode) && tokenEnvNode.value === null)) {
    maskValue(tokenEnvNode, scan, doc);
  }
  return scan;
}

/** The source with every masked range's characters (newlines kept) replaced by `*`, so lines and columns still match. */
export function maskSource(text: string, ranges: ReadonlyArray<[number, number]>): string {
  if (ranges.length === 0) return text;
  // Offsets are UTF-16 indices, as yaml counts them.
  const chars = text.split("");
  for (const [start, end] of ranges) {
    for (let i = start; i < end && i < chars.length; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = "*";
  }
  return chars.join("");
}

/** Texts this short are no key, and scrubbing them would garble messages (`line 1`). */
const MIN_SCRUBBED_LENGTH = 6;

/** Replaces every secret text in a message. */
export function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.trim().length < MIN_SCRUBBED_LENGTH) continue;
    out = out.split(secret).join("***");
  }
  return out;
}
