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

/** The flags alone (no file read). */
function selectionFlags(values: SelectionFlags): Selection {
  return {
    select: values.select ?? [],
    exclude: values.exclude ?? [],
    ...(values.shard === undefined ? {} : { shard: parseShard(values.shard) }),
  };
}

export async function selectionFor(values: SelectionFlags, io: Io, manifest: Manifest, target?: ChosenTarget): Promise<Selection> {
  const selection = selectionFlags(values);
  if (values.state === undefined) return selection;
  // The base URL the command will talk to, so whatever decides the connection (environment,
  // target, manifest) decides which results record fits.
  const baseUrl = connectionFor(manifest, io, target).baseUrl;
  const results = await readResultsState(resolve(io.cwd, values.state), { manifest, baseUrl });
  return { ...selection, results: { ...results, file: values.state } };
}
