// The validator's errors, turned into one located message per problem in the user's words.
import type { ErrorObject } from "ajv";
import { closestName } from "./did-you-mean.js";
import {
  badNameMessage,
  exactlyOneMessage,
  missingKeyMessage,
  tooFewItemsMessage,
  unknownKeyMessage,
  wrongValueMessage,
} from "./field-messages.js";
import type { ProblemList } from "./problem-list.js";
import type { ManifestLocator, PathSegment } from "./locator.js";

function pathOf(instancePath: string, data: unknown): PathSegment[] {
  if (instancePath === "") return [];
  const segments: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const index = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : null;
    segments.push(index ?? segment);
    node = index !== null ? (node as unknown[])[index] : node && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return segments;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/**
 * ajv reports every branch of a oneOf that failed. Keep the branch the value's shape chose
 * (the one that failed on no `type`/`enum`/`const` at the value itself); when none did, keep
 * only the oneOf, which becomes one message about the value.
 */
export function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const alt of errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
    const prefix = `${alt.schemaPath}/`;
    const inBranch = (e: ErrorObject): boolean =>
      e.schemaPath.startsWith(prefix) && (e.instancePath === alt.instancePath || e.instancePath.startsWith(`${alt.instancePath}/`));
    const branchOf = (e: ErrorObject): string => e.schemaPath.slice(prefix.length).split("/")[0] ?? "";
    const branchErrors = kept.filter(inBranch);
    const branches = new Set(branchErrors.map(branchOf));
    const shapeMismatch = new Set(
      branchErrors
        .filter((e) => e.instancePath === alt.instancePath && (e.keyword === "type" || e.keyword === "enum" || e.keyword === "const"))
        .map(branchOf),
    );
    const chosen = [...branches].filter((b) => !shapeMismatch.has(b));
    if (chosen.length === 1) {
      kept = kept.filter((e) => e !== alt && (!inBranch(e) || branchOf(e) === chosen[0]));
    } else {
      kept = kept.filter((e) => !inBranch(e));
    }
  }
  return kept;
}

export interface SchemaProblemOptions {
  /** Keys already reported as key-like fields: not reported again as unknown. */
  isKeyLike: (key: string) => boolean;
}

/** The keys of a `oneOf` whose every branch only requires one key (`id` xor `name`); null for any other. */
function exactlyOneOf(error: ErrorObject): string[] | null {
  if (error.keyword !== "oneOf" || !Array.isArray(error.schema)) return null;
  const keys = (error.schema as unknown[]).map((branch) => {
    const required = (branch as { required?: unknown } | null)?.required;
    return Array.isArray(required) && required.length === 1 && typeof required[0] === "string" ? required[0] : null;
  });
  return keys.every((k): k is string => k !== null) ? keys : null;
}

/**
 * "Exactly one of these keys" as one message per map, said here: its branches' `required` errors
 * are not alternatives of a value's shape, and would mix with those of the maps inside it.
 */
function takeExactlyOne(errors: readonly ErrorObject[], data: unknown, locator: ManifestLocator, problems: ProblemList): ErrorObject[] {
  const handled = new Set<ErrorObject>();
  for (const alt of errors) {
    const keys = exactlyOneOf(alt);
    if (keys === null) continue;
    handled.add(alt);
    for (const e of errors) {
      if (e.keyword === "required" && e.instancePath === alt.instancePath && e.schemaPath.startsWith(`${alt.schemaPath}/`)) handled.add(e);
    }
    const path = pathOf(alt.instancePath, data);
    const given = keys.filter((k) => Object.hasOwn((valueAt(data, path) ?? {}) as object, k));
    if (given.length > 1) problems.add(locator.locateKey(path, given[1]!), exactlyOneMessage(path, keys, given), [...path, given[1]!]);
    else problems.add(locator.locateMap(path), exactlyOneMessage(path, keys, given), path);
  }
  return errors.filter((e) => !handled.has(e));
}

export function addSchemaProblems(
  errors: readonly ErrorObject[],
  data: unknown,
  locator: ManifestLocator,
  problems: ProblemList,
  options: SchemaProblemOptions,
): void {
  const valueProblemAt = new Set<string>();
  for (const error of collapseAlternatives(takeExactlyOne(errors, data, locator, problems))) {
    const path = pathOf(error.instancePath, data);
    const params = error.params as Record<string, unknown>;
    // A propertyNames check's own failures come along with the propertyNames error: keep that one.
    if (error.propertyName !== undefined && error.keyword !== "propertyNames") continue;
    switch (error.keyword) {
      case "required": {
        const key = String(params.missingProperty);
        // No `pools`: the manifest checks say it, with what a pool needs.
        if (path.length === 0 && key === "pools") break;
        problems.add(locator.locateMap(path), missingKeyMessage(path, key), [...path, key]);
        break;
      }
      case "additionalProperties": {
        const key = String(params.additionalProperty);
        if (options.isKeyLike(key)) break;
        const properties = (error.parentSchema?.properties ?? {}) as Record<string, unknown>;
        const known = Object.keys(properties);
        problems.add(locator.locateKey(path, key), unknownKeyMessage(path, key, known, closestName(key, known)), [...path, key]);
        break;
      }
      case "propertyNames": {
        const name = String(params.propertyName);
        problems.add(locator.locateKey(path, name), badNameMessage(path, name), [...path, name]);
        break;
      }
      case "if":
        // `reload`'s shape picked the branch; that branch's own errors say what is wrong.
        break;
      case "minProperties":
        // An empty `pools`: the manifest checks say it, with what a pool needs.
        break;
      case "uniqueItems":
        // Duplicate table words are found case-insensitively by the manifest checks, at the word itself.
        break;
      case "minItems":
        problems.add(locator.locateValue(path), tooFewItemsMessage(path), path);
        break;
      default: {
        // type, enum, const, pattern, minimum, a collapsed oneOf: one message per value, whatever failed.
        if (valueProblemAt.has(error.instancePath)) break;
        valueProblemAt.add(error.instancePath);
        problems.add(locator.locateValue(path), wrongValueMessage(path, valueAt(data, path)), path);
      }
    }
  }
}
