// Telling our load from the others in what last-load shows, and saying once when one is not ours.
import type { LastLoad } from "../celonis/api.js";
import { judgeLoad, type LoadVerdict, type TriggerMark } from "./is-new-load.js";
import type { ModelRun } from "./model-run.js";

/** Judges loads against the trigger's mark; a load that is not ours is reported once (a `not_ours` event). */
export class LoadJudge {
  readonly #reported = new Set<string>();

  constructor(
    private readonly run: ModelRun,
    public mark: TriggerMark,
  ) {}

  judge(load: LastLoad | null): LoadVerdict {
    const verdict = judgeLoad(load, this.mark);
    if (verdict.kind === "not_ours" && load !== null) {
      const key = `${load.id ?? ""}@${load.startDate ?? ""}`;
      if (!this.#reported.has(key)) {
        this.#reported.add(key);
        this.run.emit({ type: "not_ours", at: this.run.at(), address: this.run.m.address, loadId: load.id, status: load.status, reason: `${verdict.reason}: not ours, still watching` });
      }
    }
    return verdict;
  }

  isOurs(load: LastLoad | null): boolean {
    return this.judge(load).kind === "ours";
  }
}
