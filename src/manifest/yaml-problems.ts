// YAML syntax problems (yaml's errors and warnings), and what the schema stage cannot survive:
// a list or map used as a key, an alias to no anchor.
import type { Document, YAMLError } from "yaml";
import type { PathSegment } from "./locator.js";
import type { ProblemList } from "./problem-list.js";
import { forEachNode, forEachPair } from "./walk-yaml.js";
import { yamlLib } from "./yaml-lib.js";
import { keyText } from "./yaml-locator.js";
import type { YamlLocator } from "./yaml-locator.js";

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function duplicateKeyMessage(doc: Document, locator: YamlLocator, offset: number): { message: string; path: PathSegment[] } {
  const { isScalar } = yamlLib();
  let result: { message: string; path: PathSegment[] } = { message: "duplicate key: each key may appear once in a map", path: [] };
  forEachPair(doc.contents, ({ pair, map, key, mapPath }) => {
    if (!isScalar(pair.key) || pair.key.range?.[0] !== offset || key === null) return;
    const first = map.items.find((other) => other !== pair && keyText(other) === key);
    const firstLine = isScalar(first?.key) ? locator.spanOfNode(first.key).line : null;
    result = {
      message: `duplicate key \`${key}\`${firstLine === null ? "" : `; it is already set on line ${firstLine}`}`,
      path: [...mapPath, key],
    };
  });
  return result;
}

function syntaxMessage(error: YAMLError): string {
  switch (error.code) {
    case "MULTIPLE_DOCS":
      return "a manifest is one YAML document; remove this `---` and what follows it, or merge the two";
    case "TAB_AS_INDENT":
      return "YAML does not allow tabs for indentation; indent with spaces";
    case "TAG_RESOLVE_FAILED":
      return `YAML: ${lowerFirst(error.message)}; a manifest needs no tags: remove it`;
    default:
      return `YAML syntax: ${lowerFirst(error.message)}`;
  }
}

/** Adds yaml's errors and warnings; true when the document cannot be trusted for the schema stage. */
export function addYamlProblems(doc: Document, locator: YamlLocator, problems: ProblemList): boolean {
  let fatal = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const span = locator.spanOf(error.pos[0], error.pos[1]);
    if (error.code === "DUPLICATE_KEY") {
      const { message, path } = duplicateKeyMessage(doc, locator, error.pos[0]);
      problems.add(span, message, path);
      continue;
    }
    if (error.name === "YAMLParseError") fatal = true;
    problems.add(span, syntaxMessage(error), []);
  }

  forEachPair(doc.contents, ({ pair, key, mapPath }) => {
    if (key !== null) return;
    fatal = true;
    const keyNode = pair.key as Parameters<YamlLocator["spanOfNode"]>[0];
    problems.add(locator.spanOfNode(keyNode), "a key must be a plain name, not a list or a map", mapPath);
  });

  const { isAlias } = yamlLib();
  forEachNode(doc.contents, (node) => {
    if (isAlias(node) && node.resolve(doc) === undefined) {
      fatal = true;
      problems.add(locator.spanOfNode(node), `alias \`*${node.source}\` refers to no anchor \`&${node.source}\` above it`, []);
    }
  });
  return fatal;
}
