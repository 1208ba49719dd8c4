// What apply would do for one model: a pure function of its settings, its last load and now.
import type { OnRunning, OnWarning, ReloadSpec } from "../manifest/types.js";
import type { LastLoad } from "../celonis/api.js";
import { isInProgress } from "../shared/types.js";
import { formatAge, formatDurationSpec } from "../shared/duration.js";
import type { Action, ReloadKind } from "./types.js";

export interface DecisionInput {
  reload: ReloadSpec;
  maxAgeMs: number;
  onWarning: OnWarning;
  onRunning: OnRunning;
}

export interface Decision {
  action: Action;
  reload: ReloadKind;
  reason: string;
  skipReason: "fresh" | "running" | null;
}

const PHRASE: Record<ReloadKind, string> = { full: "complete reload", cache: "reload from cache", partial: "partial reload" };

/** A last load counts as "good" when it succeeded, or warned and warnings count as success. */
export function endedWell(status: string, onWarning: OnWarning): boolean {
  return status === "SUCCESS" || (status === "WARNING" && onWarning === "succeed");
}

function ms(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

export function decideAction(model: DecisionInput, last: LastLoad | null, now: number): Decision {
  const reload = model.reload.kind;
  const phrase = PHRASE[reload];
  if (last === null) return { action: reload, reload, reason: `${phrase}: never loaded`, skipReason: null };

  const started = ms(last.startDate);
  const since = started === null ? "" : ` since ${formatAge(now - started)}`;
  if (isInProgress(last.status)) {
    switch (model.onRunning) {
      case "skip":
        return { action: "skip", reload, reason: `running: a load is ${last.status}${since} (onRunning: skip)`, skipReason: "running" };
      case "fail":
        return { action: reload, reload, reason: `a load is ${last.status}${since}: apply will fail it (onRunning: fail)`, skipReason: null };
      case "wait":
        return { action: reload, reload, reason: `after the running load ends (${last.status}${since})`, skipReason: null };
    }
  }

  const ended = ms(last.endDate);
  const age = ended === null ? null : now - ended;
  // No age is below a maxAge of 0 (none): such a model is never fresh.
  if (endedWell(last.status, model.onWarning) && age !== null && age >= 0 && age < model.maxAgeMs) {
    return {
      action: "skip",
      reload,
      reason: `fresh: last ${last.status} ${formatAge(age)} ago, maxAge ${formatDurationSpec(model.maxAgeMs)}`,
      skipReason: "fresh",
    };
  }
  const when = age === null ? "" : ` ${formatAge(age)} ago`;
  const stale = model.maxAgeMs > 0 && endedWell(last.status, model.onWarning) ? `, older than maxAge ${formatDurationSpec(model.maxAgeMs)}` : "";
  return { action: reload, reload, reason: `${phrase}: last ${last.status}${when}${stale}`, skipReason: null };
}
