// `--select` / `--exclude`: POOL, POOL/MODEL (globs allowed) or tag:NAME.
// A model is in when it matches any select (or there is none) and no exclude.
import { UserError } from "../shared/errors.js";
import { shardText, takeShard, type Shard } from "./shard.js";

export interface Selectable {
  address: string;
  tags: readonly string[];
}

export interface Selection {
  select: string[];
  exclude: string[];
  /** `--shard K/N`: only this part of what the selectors take (shard.ts). */
  shard?: Shard | undefined;
  /** What `result:STATE` selectors read: an earlier apply's results record (`--state FILE`). */
  results?: ResultsState | undefined;
}

/** The selection as a plan document records it, so apply can take it again from the manifest alone. */
export interface RecordedSelection {
  select: string[];
  exclude: string[];
  /** `K/N`, when the plan is one shard of its selection. */
  shard?: string;
}

export const RESULT_STATES = ["failed", "timed_out", "not_started", "succeeded", "skipped"] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export interface ResultsState {
  /** The file it was read from, for messages. */
  file: string;
  byAddress: ReadonlyMap<string, ResultState>;
}

type Matcher = (m: Selectable) => boolean;

const isResultSelector = (s: string) => s.trim().startsWith("result:");

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

export function compileSelector(selector: string, results?: ResultsState): Matcher {
  const s = selector.trim();
  if (s === "") throw new UserError("empty selector", "use POOL, POOL/MODEL (globs allowed), tag:NAME or result:STATE");
  if (s.startsWith("result:")) {
    const state = s.slice(7);
    if (!(RESULT_STATES as readonly string[]).includes(state)) {
      throw new UserError(`selector "${selector}" names no result`, `write it as result:STATE, with STATE one of ${RESULT_STATES.join(", ")}`);
    }
    if (!results) {
      throw new UserError(`selector "${selector}" needs --state FILE`, "pass the results record of an earlier run: reloadctl apply --results FILE writes one");
    }
    return (m) => results.byAddress.get(m.address) === state;
  }
  if (s.startsWith("tag:")) {
    const tag = s.slice(4);
    if (tag === "") throw new UserError(`selector "${selector}" names no tag`, "write it as tag:NAME");
    const re = globToRegExp(tag);
    return (m) => m.tags.some((t) => re.test(t));
  }
  const parts = s.split("/");
  if (parts.length > 2 || parts.some((p) => p === "")) {
    throw new UserError(`selector "${selector}" is not POOL, POOL/MODEL or tag:NAME`);
  }
  const re = globToRegExp(parts.length === 1 ? `${parts[0]}/*` : s);
  return (m) => re.test(m.address);
}

/**
 * Keeps the selected items, in their order. A selector that matches nothing is an error: by
 * default "matches no model" with the models (or tags) there are; `unmatched` words it otherwise
 * (a saved plan: it can only be narrowed).
 */
export function applySelection<T extends Selectable>(items: readonly T[], selection: Selection, unmatched?: (selector: string) => UserError): T[] {
  if (items.length === 0) throw new UserError("there is no model to work on", "declare models under pools in the manifest");
  const selects = selection.select.map((s) => ({ s, match: compileSelector(s, selection.results) }));
  const excludes = selection.exclude.map((s) => ({ s, match: compileSelector(s, selection.results) }));
  // That no model had a result is an answer, not a typo: only the whole selection being empty is refused.
  for (const { s, match } of [...selects, ...excludes]) {
    if (!isResultSelector(s) && !items.some(match)) {
      if (unmatched) throw unmatched(s);
      const isTag = s.trim().startsWith("tag:");
      const known = isTag ? [...new Set(items.flatMap((m) => m.tags))].sort() : items.map((m) => m.address);
      const shown = known.slice(0, 20).join(", ") + (known.length > 20 ? `, … (${known.length} in all)` : "");
      throw new UserError(`selector "${s}" matches no model`, `${isTag ? "tags" : "models"}: ${shown || "(none)"}`);
    }
  }
  const kept = items.filter(
    (m) => (selects.length === 0 || selects.some(({ match }) => match(m))) && !excludes.some(({ match }) => match(m)),
  );
  if (kept.length === 0) {
    const byResult = selection.select.filter(isResultSelector);
    if (byResult.length > 0 && selection.results) {
      throw new UserError(`the selection leaves no model: no model in ${selection.results.file} has ${byResult.join(" or ")}`, "nothing to run again");
    }
    throw new UserError("the selection leaves no model", "loosen --select or --exclude");
  }
  if (!selection.shard) return kept;
  const part = takeShard(kept, selection.shard);
  if (part.length === 0) {
    throw new UserError(`shard ${shardText(selection.shard)} has no model: the selection has only ${kept.length}`, `use at most ${kept.length} shards`);
  }
  return part;
}

/**
 * The selection as a plan records it: `result:` selectors become the addresses they took (the
 * results file may be gone when the plan is applied), the shard its `K/N`.
 */
export function recordSelection(items: readonly Selectable[], selection: Selection): RecordedSelection {
  const resolve = (list: string[]) =>
    list.flatMap((s) => {
      if (!isResultSelector(s)) return [s];
      const match = compileSelector(s, selection.results);
      return items.filter(match).map((m) => m.address);
    });
  const recorded: RecordedSelection = { select: resolve(selection.select), exclude: resolve(selection.exclude) };
  if (selection.shard) recorded.shard = shardText(selection.shard);
  return recorded;
}
