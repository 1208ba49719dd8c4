// A strict, fast reader for the plain subset of YAML that manifests are written in: block maps
// with name-like keys, block lists, one-line flow lists, plain and quoted one-line scalars,
// comments. The `yaml` library costs more start-up time than the whole CLI may take on a large
// manifest; this reader takes a few milliseconds. It returns null at the first thing outside the
// subset, and then `yaml` reads the text; it never reports a problem (`yaml` does).
// Invariant (test/manifest/plain-yaml.test.ts): when it returns a value, `yaml` reads the same
// text without error or warning, to the same value, with the same key and value positions.
import type { ManifestLocator, PathSegment, Span } from "./locator.js";

type Scalar = string | number | boolean | null;

/** Every node of the subset starts and ends on one line, except block collections (whose span is their first line). */
interface Place {
  line: number;
  column: number;
  length: number;
}
interface ScalarNode extends Place {
  kind: "scalar";
  value: Scalar;
}
interface SeqNode extends Place {
  kind: "seq";
  items: PlainNode[];
  flow: boolean;
  /** The plain value, built while reading (one pass: start-up time matters here). */
  value: unknown[];
}
interface MapEntry extends Place {
  key: string;
  value: PlainNode;
}
interface MapNode extends Place {
  kind: "map";
  entries: MapEntry[];
  byKey: Map<string, MapEntry>;
  value: Record<string, unknown>;
}
type PlainNode = ScalarNode | SeqNode | MapNode;

interface Line {
  /** 1-based */
  number: number;
  indent: number;
  /** The line without its indentation and trailing spaces. */
  content: string;
}

/** Thrown inside the reader to give up; never escapes it. */
class OutsideSubset extends Error {}
const giveUp = (): never => {
  throw new OutsideSubset();
};

const MAX_KEY = 1000;
const KEY = /^([A-Za-z0-9_][A-Za-z0-9._-]*):(?: +|$)/;
const DECIMAL = /^[0-9]{1,15}$/;
/** Plain scalars the YAML 1.2 core schema reads as something other than a string (or a small integer, handled above). */
const OTHER_TYPES = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^0x[0-9a-fA-F]+$/,
  /^0o[0-7]+$/,
];
/** A plain scalar starting with a letter other than these is a string: only null and booleans start with one. */
const MAY_BE_OTHER_TYPE = new Set(["n", "N", "t", "T", "f", "F"]);
/** Characters that make a plain scalar start mean something else, or that this reader leaves to `yaml`. */
const NOT_PLAIN_START = new Set([..."&*!|>%@`{}[],#?:-\"'~.+"]);

function resolvePlain(text: string): Scalar {
  const first = text.charAt(0);
  if (/[A-Za-z_]/.test(first) && !MAY_BE_OTHER_TYPE.has(first)) return text;
  if (text === "null") return null;
  if (text === "true") return true;
  if (text === "false") return false;
  if (DECIMAL.test(text)) return Number(text);
  if (OTHER_TYPES.some((re) => re.test(text))) giveUp();
  return text;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let number = 0;
  for (const raw of text.split("\n")) {
    number++;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    // Blank lines and comment lines hold nothing.
    if (indent < raw.length && raw.charCodeAt(indent) !== 35) lines.push({ number, indent, content: raw.slice(indent).trimEnd() });
  }
  return lines;
}

/** A one-line scalar or flow list at `text[pos]`; `column` is where `text` starts on its line. */
class InlineReader {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly column: number,
  ) {}

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  /** After a value: nothing, or spaces and a comment. */
  end(): void {
    const before = this.pos;
    this.skipSpaces();
    if (this.pos === this.text.length) return;
    if (this.text[this.pos] === "#" && this.pos > before) return;
    giveUp();
  }

  value(inFlow: boolean): PlainNode {
    const first = this.text[this.pos];
    if (first === '"') return this.doubleQuoted();
    if (first === "'") return this.singleQuoted();
    if (first === "[" && !inFlow) return this.flowList();
    if (first === undefined) return giveUp();
    if (NOT_PLAIN_START.has(first)) giveUp();
    return this.plain(inFlow);
  }

  private scalar(value: Scalar, start: number): ScalarNode {
    return { kind: "scalar", value, line: this.line, column: this.column + start, length: this.pos - start };
  }

  private doubleQuoted(): ScalarNode {
    const start = this.pos++;
    let out = "";
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined) return giveUp();
      if (ch === '"') return this.scalar(out, start);
      if (ch === "\\") {
        const next = this.text[this.pos++];
        if (next !== '"' && next !== "\\") giveUp();
        out += next;
      } else out += ch;
    }
  }

  private singleQuoted(): ScalarNode {
    const start = this.pos++;
    let out = "";
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined) return giveUp();
      if (ch === "'") {
        if (this.text[this.pos] !== "'") return this.scalar(out, start);
        this.pos++;
      }
      out += ch;
    }
  }

  private plain(inFlow: boolean): ScalarNode {
    const start = this.pos;
    const rest = this.text.slice(start);
    // Regular expressions, not a character loop: they run fast before the JIT has warmed up.
    const stop = inFlow ? rest.search(/[,\]]| #/) : rest.indexOf(" #");
    const raw = (stop === -1 ? rest : rest.slice(0, stop)).trimEnd();
    if (raw === "" || (inFlow ? /[[\]{}#:]/ : /[[\]{}#]|:(?: |$)/).test(raw)) giveUp();
    this.pos = start + raw.length;
    return this.scalar(resolvePlain(raw), start);
  }

  private flowList(): SeqNode {
    const start = this.pos++;
    const items: PlainNode[] = [];
    this.skipSpaces();
    if (this.text[this.pos] !== "]") {
      for (;;) {
        this.skipSpaces();
        items.push(this.value(true));
        this.skipSpaces();
        const ch = this.text[this.pos];
        if (ch === "]") break;
        if (ch !== ",") giveUp();
        this.pos++;
        this.skipSpaces();
        if (this.text[this.pos] === "]") giveUp();
      }
    }
    this.pos++;
    return { kind: "seq", items, flow: true, value: items.map((i) => i.value), line: this.line, column: this.column + start, length: this.pos - start };
  }
}

class BlockReader {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  document(): PlainNode {
    const first = this.lines[0];
    if (!first || first.indent !== 0) return giveUp();
    const root = this.node(0);
    if (this.i !== this.lines.length) giveUp();
    return root;
  }

  private isListLine(line: Line | undefined, indent: number): boolean {
    return line !== undefined && line.indent === indent && line.content.startsWith("- ");
  }

  private node(indent: number): PlainNode {
    return this.isListLine(this.lines[this.i], indent) ? this.list(indent) : this.map(indent);
  }

  private inline(line: Line, from: number): PlainNode {
    const reader = new InlineReader(line.content.slice(from), line.number, line.indent + from + 1);
    const value = reader.value(false);
    reader.end();
    return value;
  }

  private firstLine(indent: number): Place {
    const line = this.lines[this.i] as Line;
    return { line: line.number, column: indent + 1, length: line.content.length };
  }

  private list(indent: number): SeqNode {
    const items: PlainNode[] = [];
    const place = this.firstLine(indent);
    while (this.isListLine(this.lines[this.i], indent)) {
      const line = this.lines[this.i++] as Line;
      let from = 2;
      while (line.content.charCodeAt(from) === 32) from++;
      items.push(this.inline(line, from));
      if ((this.lines[this.i]?.indent ?? -1) > indent) giveUp();
    }
    return { kind: "seq", items, flow: false, value: items.map((i) => i.value), ...place };
  }

  private map(indent: number): MapNode {
    const entries: MapEntry[] = [];
    const byKey = new Map<string, MapEntry>();
    const out: Record<string, unknown> = {};
    const place = this.firstLine(indent);
    while (this.lines[this.i]?.indent === indent) {
      const line = this.lines[this.i++] as Line;
      const match = KEY.exec(line.content);
      if (!match) return giveUp();
      const key = match[1] as string;
      if (key.length > MAX_KEY || key === "__proto__" || byKey.has(key) || typeof resolvePlain(key) !== "string") giveUp();
      const rest = line.content.slice(match[0].length);
      let value: PlainNode;
      if (rest === "" || rest.startsWith("#")) {
        const next = this.lines[this.i];
        if (next && next.indent > indent) value = this.node(next.indent);
        else if (this.isListLine(next, indent)) value = this.list(indent);
        else return giveUp(); // an empty value: rare in a manifest, and left to `yaml`
      } else {
        value = this.inline(line, match[0].length);
        if ((this.lines[this.i]?.indent ?? -1) > indent) giveUp();
      }
      const entry: MapEntry = { key, value, line: line.number, column: indent + 1, length: key.length };
      entries.push(entry);
      byKey.set(key, entry);
      out[key] = value.value;
    }
    return { kind: "map", entries, byKey, value: out, ...place };
  }
}

function spanOf(place: Place): Span {
  return { line: place.line, column: place.column, length: Math.max(1, place.length) };
}

class PlainLocator implements ManifestLocator {
  constructor(private readonly root: PlainNode) {}

  private find(path: readonly PathSegment[]): { node: PlainNode; entry: MapEntry | null } | null {
    let found: { node: PlainNode; entry: MapEntry | null } = { node: this.root, entry: null };
    for (const segment of path) {
      const node = found.node;
      if (node.kind === "map") {
        const entry = node.byKey.get(String(segment));
        if (!entry) return null;
        found = { node: entry.value, entry };
      } else if (node.kind === "seq" && typeof segment === "number") {
        const item = node.items[segment];
        if (!item) return null;
        found = { node: item, entry: null };
      } else return null;
    }
    return found;
  }

  locateValue(path: readonly PathSegment[]): Span {
    const found = this.find(path) ?? { node: this.root, entry: null };
    const block = found.node.kind === "map" || (found.node.kind === "seq" && !found.node.flow);
    return spanOf(block && found.entry ? found.entry : found.node);
  }

  locateKey(mapPath: readonly PathSegment[], name: string): Span {
    const entry = this.find([...mapPath, name])?.entry;
    return entry ? spanOf(entry) : this.locateValue(mapPath);
  }

  locateMap(mapPath: readonly PathSegment[]): Span {
    return this.locateValue(mapPath);
  }

  keysOf(path: readonly PathSegment[]): string[] | null {
    const node = this.find(path)?.node;
    return node?.kind === "map" ? node.entries.map((e) => e.key) : null;
  }
}

export interface PlainYaml {
  /** The same value `yaml`'s `doc.toJS()` gives. */
  value: unknown;
  locator: ManifestLocator;
}

/** The manifest's value and locations, or null when the text is not plain YAML (read it with `yaml`). */
export function readPlainYaml(text: string): PlainYaml | null {
  // Other line breaks, tabs, a byte-order mark, control characters, directives, document markers.
  if (/[\x00-\x09\x0B-\x1F\x7F\x85\u2028\u2029\uFEFF]/.test(text) || /^(?:---|\.\.\.|%)/m.test(text)) return null;
  try {
    const root = new BlockReader(splitLines(text)).document();
    return { value: root.value, locator: new PlainLocator(root) };
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}
