// `--select` / `--exclude`: POOL, POOL/MODEL (globs allowed) or tag:NAME.
// A model is in when it matches any select (or there is none) and no exclude.
import { UserError } from "../shared/errors.js";

export interface Selectable {
  address: string;
  tags: readonly string[];
}

export interface Selection {
  select: string[];
  exclude: string[];
}

type Matcher = (m: Selectable) => boolean;

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

export function compileSelector(selector: string): Matcher {
  const s = selector.trim();
  if (s === "") throw new UserError("empty selector", "use POOL, POOL/MODEL (globs allowed) or tag:NAME");
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

/** Keeps the selected items, in their order. A selector that matches nothing is an error. */
export function applySelection<T extends Selectable>(items: readonly T[], selection: Selection): T[] {
  if (items.length === 0) throw new UserError("there is no model to work on", "declare models under pools in the manifest");
  const selects = selection.select.map((s) => ({ s, match: compileSelector(s) }));
  const excludes = selection.exclude.map((s) => ({ s, match: compileSelector(s) }));
  for (const { s, match } of [...selects, ...excludes]) {
    if (!items.some(match)) {
      const isTag = s.trim().startsWith("tag:");
      const known = isTag ? [...new Set(items.flatMap((m) => m.tags))].sort() : items.map((m) => m.address);
      const shown = known.slice(0, 20).join(", ") + (known.length > 20 ? `, … (${known.length} in all)` : "");
      throw new UserError(`selector "${s}" matches no model`, `${isTag ? "tags" : "models"}: ${shown || "(none)"}`);
    }
  }
  const kept = items.filter(
    (m) => (selects.length === 0 || selects.some(({ match }) => match(m))) && !excludes.some(({ match }) => match(m)),
  );
  if (kept.length === 0) throw new UserError("the selection leaves no model", "loosen --select or --exclude");
  return kept;
}
