// `--state FILE`: an earlier apply's results record, read for `result:STATE` selectors. A record
// made from another manifest or against another base URL says nothing about this run: refused.
import { readFile } from "node:fs/promises";
import { UserError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";
import { RESULT_STATES, type ResultState, type ResultsState } from "./select.js";

export interface StateExpectations {
  manifest: { path: string; sha256: string };
  baseUrl: string;
}

const short = (sha: string) => sha.slice(0, 12);
const HINT = "pass the results record of a run of this manifest against this tenant (reloadctl apply --results FILE)";

export async function readResultsState(path: string, expect: StateExpectations): Promise<ResultsState> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new UserError(`cannot read the results record ${path}: ${fileErrorReason(err, "read")}`, HINT);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not a results record: it is not JSON`, HINT);
  }
  const d = doc as { kind?: unknown; formatVersion?: unknown; manifest?: { path?: unknown; sha256?: unknown }; baseUrl?: unknown; models?: unknown } | null;
  if (d === null || typeof d !== "object" || d.kind !== "apply-results") throw new UserError(`${path} is not a results record of reloadctl apply`, HINT);
  if (d.formatVersion !== 1) throw new UserError(`${path} has results format ${String(d.formatVersion)}; this reloadctl reads format 1`, HINT);
  const models = Array.isArray(d.models) ? (d.models as { address?: unknown; result?: unknown }[]) : null;
  if (models === null || !models.every((m) => typeof m?.address === "string" && (RESULT_STATES as readonly unknown[]).includes(m.result))) {
    throw new UserError(`${path} is not a usable results record: its models are missing or malformed`, HINT);
  }
  if (typeof d.manifest?.sha256 !== "string" || d.manifest.sha256 !== expect.manifest.sha256) {
    const was = `${String(d.manifest?.path ?? "?")} @ sha256 ${short(String(d.manifest?.sha256 ?? "?"))}`;
    throw new UserError(
      `${path} records a run of another manifest: ${was}, not ${expect.manifest.path} @ sha256 ${short(expect.manifest.sha256)}`,
      "a results record selects only in the manifest it was made from; select by POOL/MODEL instead",
    );
  }
  if (d.baseUrl !== expect.baseUrl) {
    throw new UserError(`${path} records a run against another base URL: ${String(d.baseUrl)}, not ${expect.baseUrl}`, HINT);
  }
  return { file: path, byAddress: new Map(models.map((m) => [m.address as string, m.result as ResultState])) };
}
