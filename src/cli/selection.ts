// The selection a command works on: --select/--exclude, --shard K/N, and the results record that
// `result:STATE` selectors read (--state FILE), checked against this manifest and base URL.
import { resolve } from "node:path";
import type { Manifest } from "../manifest/types.js";
import { readResultsState } from "../plan/read-results.js";
import type { Selection } from "../plan/select.js";
import { parseShard } from "../plan/shard.js";
import type { Io } from "./io.js";
import { connectionFor, type ChosenTarget } from "./session.js";

export interface SelectionFlags {
  select?: string[] | undefined;
  exclude?: string[] | undefined;
  shard?: string | undefined;
  state?: string | undefined;
}

/** The flags alone (no file read): for narrowing a saved plan, whose own manifest and URL apply. */
export function selectionFlags(values: SelectionFlags): Selection {
  return {
    select: values.select ?? [],
    exclude: values.exclude ?? [],
    ...(values.shard === undefined ? {} : { shard: parseShard(values.shard) }),
  };
}

export async function selectionFor(values: SelectionFlags, io: Io, manifest: Manifest, target?: ChosenTarget): Promise<Selection> {
  const selection = selectionFlags(values);
  if (values.state === undefined) return selection;
  const baseUrl = baseUrlFor(manifest, io, target);
  const results = await readResultsState(resolve(io.cwd, values.state), { manifest, baseUrl });
  return { ...selection, results: { ...results, file: values.state } };
}

/**
 * The base URL a command would talk to, for checking a results record before any request: the
 * connection's, as the client will use it, so whatever decides the connection (environment, target, manifest) decides it here too.
 */
export function baseUrlFor(manifest: Manifest, io: Io, target?: ChosenTarget): string {
  return connectionFor(manifest, io, target).baseUrl;
}
