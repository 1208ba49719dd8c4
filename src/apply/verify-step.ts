// Verifying one model's load: poll last-load until *our* load (see is-new-load.ts) ends, then
// judge how it ended. Past the deadline the model is timed_out, saying what it was waiting for.
import type { LastLoad } from "../celonis/api.js";
import { formatDurationSpec } from "../shared/duration.js";
import { isInProgress, isTerminal } from "../shared/types.js";
import { DeadlinePassed } from "./deadline.js";
import type { TriggerMark } from "./is-new-load.js";
import { LoadJudge } from "./load-watch.js";
import { Outcome, waitedFor, watchLastLoad, type ModelRun } from "./model-run.js";

/** Returns our load once it ended well (SUCCESS, or WARNING with onWarning: succeed); throws an Outcome otherwise. */
export async function verifyStep(run: ModelRun, mark: TriggerMark): Promise<LastLoad> {
  const { m, clock, emit } = run;
  const triggeredAt = clock.now();
  const judge = new LoadJudge(run, mark);
  let mine: LastLoad | null = null;
  let seen = false;
  let load: LastLoad;
  try {
    const r = await watchLastLoad(run, {
      since: triggeredAt,
      accept: (l) => l !== null && l === mine && !isInProgress(l.status),
      onRead: (l) => {
        const ours = judge.isOurs(l) ? l : null;
        if (ours) mine = ours;
        if (ours && !seen) {
          seen = true;
          emit({ type: "load_seen", at: run.at(), address: m.address, loadId: ours.id, status: ours.status });
        }
        emit({ type: "polled", at: run.at(), address: m.address, loadId: ours?.id ?? null, status: ours?.status ?? "PENDING", elapsedMs: clock.now() - triggeredAt });
      },
    });
    load = r!.load!;
  } catch (err) {
    if (!(err instanceof DeadlinePassed)) throw err;
    const last = mine as LastLoad | null;
    const state = last ? `last seen ${last.status}` : "the new load never appeared in last-load";
    throw new Outcome("timed_out", `no verified end within ${formatDurationSpec(m.timeoutMs)} (${state})${waitedFor(err)}`, last);
  }
  if (load.status === "SUCCESS") return load;
  if (load.status === "WARNING") {
    if (m.onWarning === "succeed") return load;
    throw new Outcome("failed", `${load.message ?? "the load ended with a warning"} (WARNING fails: onWarning is fail)`, load);
  }
  if (isTerminal(load.status)) throw new Outcome("failed", load.message ?? `the load ended ${load.status}`, load);
  throw new Outcome("failed", `the load reports an unknown status "${load.status}"${load.message ? `: ${load.message}` : ""}; not counted as success`, load);
}
