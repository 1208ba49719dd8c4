// Finds where a value of the parsed manifest is written: a JSON path → YAML node → LINE:COL.
import type { Document, LineCounter, Node, Pair } from "yaml";
import type { ManifestLocator, PathSegment, Span } from "./locator.js";
import { yamlLib } from "./yaml-lib.js";

interface Found {
  node: Node | null;
  /** The pair that holds the node, when the node is a map value. */
  pair: Pair | null;
}

/** The key as toJS writes it into a JS object: String(value), with null as "". */
export function keyText(pair: Pair): string | null {
  const { isScalar } = yamlLib();
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  if (key === null || key === undefined) return "";
  if (typeof key !== "object") return String(key);
  return null;
}

/** An implicit null (`key:` with nothing after it) has no text of its own to point at. */
function isEmptyScalar(node: Node | null): boolean {
  const { isScalar } = yamlLib();
  return node === null || (isScalar(node) && node.value === null && (node.source ?? "") === "");
}

export class YamlLocator implements ManifestLocator {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly text: string,
  ) {}

  /** The line, column and caret length of a source offset range, clipped to its first line. */
  spanOf(start: number, end: number): Span {
    const safeStart = Math.max(0, Math.min(start, this.text.length));
    const { line, col } = this.lineCounter.linePos(safeStart);
    const newline = this.text.indexOf("\n", safeStart);
    const lineEnd = newline === -1 ? this.text.length : newline;
    const clipped = Math.min(Math.max(end, safeStart), lineEnd);
    return { line, column: col, length: Math.max(1, clipped - safeStart) };
  }

  spanOfNode(node: Node): Span {
    const range = node.range;
    if (!range) return { line: 1, column: 1, length: 1 };
    return this.spanOf(range[0], range[1]);
  }

  private resolve(node: unknown): Node | null {
    const { isAlias } = yamlLib();
    let current = node;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(this.doc) ?? null;
    return (current as Node | null) ?? null;
  }

  /** The node at the path; aliases on the way are followed, an alias at the end is kept (it is where the value is used). */
  private find(path: readonly PathSegment[]): Found | null {
    const { isMap, isSeq } = yamlLib();
    let found: Found = { node: this.resolve(this.doc.contents), pair: null };
    for (const segment of path) {
      const node = this.resolve(found.node);
      if (isMap(node)) {
        const name = String(segment);
        // With duplicate keys the last one wins, as in toJS.
        const pair = node.items.findLast((p) => keyText(p) === name);
        if (!pair) return null;
        found = { node: (pair.value as Node | null) ?? null, pair };
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item === undefined) return null;
        found = { node: item as Node, pair: null };
      } else {
        return null;
      }
    }
    return found;
  }

  locateValue(path: readonly PathSegment[]): Span {
    const { isCollection, isScalar } = yamlLib();
    const found = this.find(path) ?? this.findNearest(path);
    const { node, pair } = found;
    const blockCollection = isCollection(node) && !node.flow;
    if (pair && isScalar(pair.key) && (isEmptyScalar(node) || blockCollection)) return this.spanOfNode(pair.key);
    if (node && !isEmptyScalar(node)) return this.spanOfNode(node);
    return this.rootSpan();
  }

  locateKey(mapPath: readonly PathSegment[], name: string): Span {
    const { isScalar } = yamlLib();
    const found = this.find([...mapPath, name]);
    if (found?.pair && isScalar(found.pair.key)) return this.spanOfNode(found.pair.key);
    return this.locateValue(mapPath);
  }

  locateMap(mapPath: readonly PathSegment[]): Span {
    return this.locateValue(mapPath);
  }

  // Document order, as a JS object would not keep it (`2024` before `finance`).
  keysOf(path: readonly PathSegment[]): string[] | null {
    const { isMap } = yamlLib();
    const node = this.resolve(this.find(path)?.node ?? null);
    if (!isMap(node)) return null;
    const keys = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key !== null) keys.add(key);
    }
    return [...keys];
  }

  /** The node at the path, or null when the path does not exist in the document. */
  nodeAt(path: readonly PathSegment[]): Node | null {
    return this.resolve(this.find(path)?.node ?? null);
  }

  private findNearest(path: readonly PathSegment[]): Found {
    for (let n = path.length - 1; n >= 0; n--) {
      const found = this.find(path.slice(0, n));
      if (found) return found;
    }
    return { node: null, pair: null };
  }

  private rootSpan(): Span {
    const root = this.doc.contents;
    if (root && root.range) return this.spanOf(root.range[0], root.range[0] + 1);
    return { line: 1, column: 1, length: 1 };
  }
}
