// A strict, fast reader for the plain subset of YAML that manifests are written in: block maps
// with name-like keys, block lists, one-line flow lists, plain and quoted one-line scalars,
// comments. The `yaml` library costs more start-up time than the whole CLI may take on a large
// manifest; this reader takes a few milliseconds. It returns null at the first thing outside the
// subset, and then `yaml` reads the text; it never reports a problem (`yaml` does).
// It records no places: a valid manifest needs none until a later problem (an unknown table in
// `plan`), and then `yaml` finds them (locate.ts). Not building a located tree here is most of
// what makes it fast: on a 1,000-model manifest every object it allocates survives into the first
// collections, so each is paid for twice.
// Invariant (test/manifest/plain-yaml.test.ts): when it returns a value, `yaml` reads the same
// text without error or warning, to the same value; every key of a map it reads is a string that
// is not an array index, so a map's own key order is the document's.
// Regular expressions do most of the scanning: they run as compiled code from the first call,
// where a character loop would run in the interpreter (this code runs once per process, cold).

type Scalar = string | number | boolean | null;

/** Thrown inside the reader to give up; never escapes it. */
class OutsideSubset extends Error {}
const giveUp = (): never => {
  throw new OutsideSubset();
};

const MAX_KEY = 1000;
const KEY = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
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
/** A plain scalar starting with a letter or `_` is a string, unless (n, t, f) it may be a null or a boolean. */
const SURELY_STRING = /^[A-EG-MO-SU-Za-eg-mo-su-z_]/;
/** Characters that make a plain scalar start mean something else, or that this reader leaves to `yaml`. */
const NOT_PLAIN_START = /^[&*!|>%@`{}[\],#?:\-"'~.+ ]/;
/** What a plain scalar outside a flow list may not hold here: flow indicators, a comment sign, `: `. */
const NOT_IN_PLAIN = /[[\]{}#]|:(?: |$)/;
/** A quoted scalar filling the rest of the line (but a comment); only `\"` and `\\` escapes. */
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\["\\])*)"(?: +#.*)?$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'(?: +#.*)?$/;
const ESCAPE = /\\(["\\])/g;
/**
 * One item of a flow list and what follows it (`,` or `]`), read from `lastIndex` on. A plain item
 * takes its trailing spaces (trimmed after): a lazy item followed by ` *` would backtrack
 * quadratically on a long run of spaces.
 */
const FLOW_ITEM = / *(?:"((?:[^"\\]|\\["\\])*)" *|'((?:[^']|'')*)' *|([^ ,[\]{}#:&*!|>%@`"'~.+?\-][^,[\]{}#:]*))([,\]])/y;
/** After a flow list's `]`: nothing, or a comment. */
const AFTER_FLOW = / *$| +#/y;

/**
 * Drops trailing spaces: YAML's only white space here (tabs are declined). Not String#trimEnd,
 * which also drops U+00A0, U+3000 and the other Unicode spaces that YAML keeps in a scalar; and
 * not / +$/, which backtracks quadratically over a long run of spaces inside a line.
 */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end === text.length ? text : text.slice(0, end);
}

function resolvePlain(text: string): Scalar {
  if (SURELY_STRING.test(text)) return text;
  if (text === "null") return null;
  if (text === "true") return true;
  if (text === "false") return false;
  if (DECIMAL.test(text)) return Number(text);
  for (const type of OTHER_TYPES) if (type.test(text)) giveUp();
  return text;
}

/** A one-line value: `text` starts at the value and has no trailing spaces. */
function inlineValue(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first === 0x22 /* " */) return (DOUBLE_QUOTED.exec(text) ?? giveUp())[1]!.replace(ESCAPE, "$1");
  if (first === 0x27 /* ' */) return (SINGLE_QUOTED.exec(text) ?? giveUp())[1]!.replaceAll("''", "'");
  if (first === 0x5b /* [ */) return flowList(text);
  if (NOT_PLAIN_START.test(text)) giveUp();
  const comment = text.indexOf(" #");
  const raw = comment === -1 ? text : trimSpaces(text.slice(0, comment));
  if (NOT_IN_PLAIN.test(raw)) giveUp();
  return resolvePlain(raw);
}

function flowList(text: string): unknown[] {
  const items: unknown[] = [];
  let at = 1;
  while (text.charCodeAt(at) === 0x20) at++;
  if (text.charCodeAt(at) !== 0x5d /* ] */) {
    for (;;) {
      FLOW_ITEM.lastIndex = at;
      const item = FLOW_ITEM.exec(text) ?? giveUp();
      // Indexes, not destructuring: that runs the iterator protocol, slow in cold code.
      const double = item[1];
      const single = item[2];
      items.push(double !== undefined ? double.replace(ESCAPE, "$1") : single !== undefined ? single.replaceAll("''", "'") : resolvePlain(trimSpaces(item[3]!)));
      at = FLOW_ITEM.lastIndex;
      if (item[4] === "]") break;
      while (text.charCodeAt(at) === 0x20) at++;
      if (text.charCodeAt(at) === 0x5d) giveUp(); // a trailing comma
    }
    at--;
  }
  AFTER_FLOW.lastIndex = at + 1;
  if (!AFTER_FLOW.test(text)) giveUp();
  return items;
}

/** Block structure, line by line: the lines that hold something, as indents and contents. */
class BlockReader {
  private i = 0;
  private readonly indents: number[] = [];
  /** Each line without its indentation and trailing spaces. */
  private readonly contents: string[] = [];

  constructor(text: string) {
    const raws = text.split("\n");
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i]!;
      let indent = 0;
      while (raw.charCodeAt(indent) === 0x20) indent++;
      // Blank lines and comment lines hold nothing.
      if (indent < raw.length && raw.charCodeAt(indent) !== 0x23 /* # */) {
        this.indents.push(indent);
        this.contents.push(trimSpaces(raw.slice(indent)));
      }
    }
  }

  document(): unknown {
    if (this.indents[0] !== 0) return giveUp();
    const root = this.node(0);
    if (this.i !== this.indents.length) giveUp();
    return root;
  }

  private isListLine(i: number, indent: number): boolean {
    return this.indents[i] === indent && this.contents[i]!.startsWith("- ");
  }

  /** A line indented deeper than `indent` right after a one-line value would continue it. */
  private noContinuation(indent: number): void {
    if ((this.indents[this.i] ?? -1) > indent) giveUp();
  }

  private node(indent: number): unknown {
    return this.isListLine(this.i, indent) ? this.list(indent) : this.map(indent);
  }

  private list(indent: number): unknown[] {
    const items: unknown[] = [];
    while (this.isListLine(this.i, indent)) {
      const content = this.contents[this.i++]!;
      let from = 2;
      while (content.charCodeAt(from) === 0x20) from++;
      items.push(inlineValue(content.slice(from)));
      this.noContinuation(indent);
    }
    return items;
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.indents[this.i] === indent) {
      const content = this.contents[this.i++]!;
      const colon = content.indexOf(":");
      const key = content.slice(0, colon);
      if (colon <= 0 || colon > MAX_KEY || !KEY.test(key) || key === "__proto__" || Object.hasOwn(out, key)) giveUp();
      // Keys that read as numbers, booleans or null are left to yaml; so are array-index keys,
      // which a JS object would reorder.
      if (typeof resolvePlain(key) !== "string") giveUp();
      let from = colon + 1;
      if (from < content.length && content.charCodeAt(from) !== 0x20) giveUp();
      while (content.charCodeAt(from) === 0x20) from++;
      if (from === content.length || content.charCodeAt(from) === 0x23 /* # */) {
        if (this.indents[this.i]! > indent) out[key] = this.node(this.indents[this.i]!);
        else if (this.isListLine(this.i, indent)) out[key] = this.list(indent);
        else giveUp(); // an empty value: rare in a manifest, and left to `yaml`
      } else {
        out[key] = inlineValue(content.slice(from));
        this.noContinuation(indent);
      }
    }
    return out;
  }
}

export interface PlainYaml {
  /** The same value `yaml`'s `doc.toJS()` gives. */
  value: unknown;
}

/** The manifest's value, or null when the text is not plain YAML (read it with `yaml`). */
export function readPlainYaml(text: string): PlainYaml | null {
  // Other line breaks, tabs, a byte-order mark, control characters, directives, document markers.
  if (/[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF]/.test(text) || /^(?:---|\.\.\.|%)/m.test(text)) return null;
  try {
    return { value: new BlockReader(text).document() };
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}
