// The one order of every summary's counts, whichever command and format shows them: plan's text,
// Markdown and JSON; apply's live view, text, Markdown and JSON summary event; status; watch.
import { isInProgress } from "./types.js";

/** A plan's counts: the three reload kinds as the manifest names them (`full`, `cache`, `{ tables }`), then skips. */
export const ACTION_ORDER = ["full", "cache", "partial", "skip"] as const;

/**
 * A run's (and status's) counts: what ended well, what warned, what failed, what did not run, what
 * could not be read, then what is still going.
 */
export const COUNT_ORDER = ["succeeded", "warnings", "failed", "timedOut", "skipped", "notStarted", "notRead", "running", "waiting", "queued"] as const;
export type CountKind = (typeof COUNT_ORDER)[number];

/** Counts of each action, keyed in ACTION_ORDER (a plan document's `summary`). */
export function actionCounts(actions: Iterable<(typeof ACTION_ORDER)[number]>): Record<(typeof ACTION_ORDER)[number], number> {
  const counts = Object.fromEntries(ACTION_ORDER.map((a) => [a, 0])) as Record<(typeof ACTION_ORDER)[number], number>;
  for (const a of actions) counts[a]++;
  return counts;
}

/**
 * Where a last load's status (or the lack of one) stands among the counts: SUCCESS with the
 * succeeded, WARNING with the warnings, a load in progress with the running, any other end with the failed.
 */
export function statusKind(status: string | null, read: boolean): CountKind {
  if (!read) return "notRead";
  if (status === null) return "notStarted";
  if (status === "SUCCESS") return "succeeded";
  if (status === "WARNING") return "warnings";
  if (isInProgress(status)) return "running";
  return "failed";
}

/** The items sorted by their kind's place in COUNT_ORDER; items of one kind keep their order. */
export function inCountOrder<T>(items: readonly T[], kindOf: (item: T) => CountKind): T[] {
  const rank = (item: T) => COUNT_ORDER.indexOf(kindOf(item));
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
    .map(({ item }) => item);
}
