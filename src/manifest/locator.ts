/** A path into the manifest value: map keys and list indexes. */
export type PathSegment = string | number;

export interface Span {
  line: number;
  column: number;
  /** Characters to underline on that line; at least 1. */
  length: number;
}

/** Where things are written in the manifest text. */
export interface ManifestLocator {
  /** The value's own span; for a block collection or an empty value, the key that holds it. */
  locateValue(path: readonly PathSegment[]): Span;
  /** The key `name` of the map at `mapPath`. */
  locateKey(mapPath: readonly PathSegment[], name: string): Span;
  /** Where a map that lacks a key is: the key that holds it, else the map itself. */
  locateMap(mapPath: readonly PathSegment[]): Span;
  /** The keys of the map at the path in document order, each once; null when there is no map there. */
  keysOf(path: readonly PathSegment[]): string[] | null;
}
