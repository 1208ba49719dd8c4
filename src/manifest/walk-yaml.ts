import type { Node, Pair, YAMLMap } from "yaml";
import type { PathSegment } from "./locator.js";
import { yamlLib } from "./yaml-lib.js";
import { keyText } from "./yaml-locator.js";

export interface PairVisit {
  pair: Pair;
  map: YAMLMap;
  /** The key as a JS object would hold it; null for a list or map used as a key. */
  key: string | null;
  /** Path of the map that holds the pair. */
  mapPath: PathSegment[];
}

/** Every map entry in document order, depth first. Aliases are not followed: their target is visited where it is written. */
export function forEachPair(root: unknown, visit: (entry: PairVisit) => void, mapPath: PathSegment[] = []): void {
  const { isMap, isPair, isSeq } = yamlLib();
  if (isMap(root)) {
    for (const item of root.items) {
      if (!isPair(item)) continue;
      const key = keyText(item);
      visit({ pair: item, map: root, key, mapPath });
      forEachPair(item.value, visit, [...mapPath, key ?? "?"]);
    }
  } else if (isSeq(root)) {
    root.items.forEach((item, index) => forEachPair(item, visit, [...mapPath, index]));
  }
}

/** Every node in document order (pairs' keys and values included), aliases not followed. */
export function forEachNode(root: unknown, visit: (node: Node) => void): void {
  const { isMap, isPair, isSeq } = yamlLib();
  if (root === null || root === undefined) return;
  if (isPair(root)) {
    forEachNode(root.key, visit);
    forEachNode(root.value, visit);
    return;
  }
  visit(root as Node);
  if (isMap(root) || isSeq(root)) for (const item of root.items) forEachNode(item, visit);
}
