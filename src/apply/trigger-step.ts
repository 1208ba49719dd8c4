// Triggering one model: read its last load, deal with a running one (onRunning), send the trigger,
// and settle an answer that does not say whether a load started. Any 5xx and a lost answer are
// unsure: last-load decides (never a blind re-send), and a 409 after an unsure trigger is our own
// load. Exactly one load of ours, whatever the service answered.
import type { LastLoad } from "../celonis/api.js";
import { ApiError, isAlreadyRunning } from "../celonis/errors.js";
import { formatDurationSpec } from "../shared/duration.js";
import { isInProgress } from "../shared/types.js";
import { DeadlinePassed } from "./deadline.js";
import type { TriggerMark } from "./is-new-load.js";
import { LoadJudge } from "./load-watch.js";
import { errorText, Outcome, readLastLoadSurely, refOf, waitedFor, watchLastLoad, type ModelRun } from "./model-run.js";
import { nextPollDelay } from "./poll-policy.js";

/** A trigger's failure that does not prove the service refused it before acting: a 5xx, or no answer. */
export function mayHaveStartedLoad(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return err.mayHaveReachedServer || (err.kind === "http" && err.status !== null && err.status >= 500 && err.status <= 599);
}

function sendTrigger(run: ModelRun, signal: AbortSignal): Promise<void> {
  const { m, api, deadline } = run;
  const o = { signal, onWait: (what: string) => (deadline.waitingFor = what) };
  switch (m.action) {
    case "full":
    case "cache":
      return api.triggerLoad(refOf(m), m.action, o);
    case "partial":
      return api.partialSync(refOf(m), m.tables.map((t) => t.id), o);
    case "skip":
      throw new Error("a skipped model is never triggered");
  }
}

/** Waits for a load already running before ours to end (onRunning: wait); returns the last load then. */
async function waitForRunning(run: ModelRun, running: LastLoad): Promise<LastLoad | null> {
  const { m, emit } = run;
  emit({ type: "waiting", at: run.at(), address: m.address, loadId: running.id, status: running.status });
  try {
    const r = await watchLastLoad(run, {
      since: run.clock.now(),
      accept: (l) => run.noMoreStarts.aborted || l === null || !isInProgress(l.status),
    });
    if (run.noMoreStarts.aborted) throw new Outcome("not_started", `${run.whyNoMoreStarts()} while waiting for a running load`);
    return r!.load;
  } catch (err) {
    if (!(err instanceof DeadlinePassed)) throw err;
    throw new Outcome("timed_out", `a load already running (${running.id ?? "no id"}) did not end within ${formatDurationSpec(m.timeoutMs)}; ours was not started${waitedFor(err)}`, running);
  }
}

/**
 * Returns the mark our load is told by: the load seen before the trigger, and when the first
 * trigger that may have started a load was sent. The model's deadline starts again there.
 */
export async function triggerStep(run: ModelRun): Promise<TriggerMark> {
  const { m, clock, policy, deadline, emit } = run;
  const timeout = formatDurationSpec(m.timeoutMs);
  let before: LastLoad | null = null;
  let sent = 0;
  let firstSentAt: number | null = null;
  // A trigger of ours may have started a load that last-load does not show yet.
  let unsure = false;
  let busySince: number | null = null;
  const judge = new LoadJudge(run, { before, sentAt: null });
  const mark = (): TriggerMark => (judge.mark = { before, sentAt: firstSentAt });
  const adopt = (): TriggerMark => {
    emit({ type: "triggered", at: run.at(), address: m.address, action: m.action, adopted: true });
    return mark();
  };
  try {
    for (;;) {
      let current = await readLastLoadSurely(run);
      if (unsure && judge.isOurs(current)) return adopt(); // a trigger we were told failed did start it
      if (current !== null && isInProgress(current.status)) {
        if (m.onRunning === "skip") throw new Outcome("skipped", `a load is already running (${current.status}); skipped (onRunning: skip)`, current);
        if (m.onRunning === "fail") throw new Outcome("failed", `a load is already running (${current.status}); not started (onRunning: fail)`, current);
        current = await waitForRunning(run, current);
      }
      if (!unsure) before = current;
      mark();
      if (run.noMoreStarts.aborted) throw new Outcome("not_started", `${run.whyNoMoreStarts()} before its load started`);
      const sendingAt = clock.now();
      const deadlineBefore = deadline.at;
      // The timeout runs from the first trigger the service may act on, through any re-send.
      if (firstSentAt === null) deadline.moveTo(sendingAt + m.timeoutMs);
      try {
        await deadline.cut("the trigger's answer", (signal) => sendTrigger(run, signal));
        firstSentAt ??= sendingAt;
        emit({ type: "triggered", at: run.at(), address: m.address, action: m.action, adopted: false });
        return mark();
      } catch (err) {
        if (err instanceof DeadlinePassed) {
          throw new Outcome("timed_out", `no answer to the trigger within ${timeout}: a load it may have started is not verified${waitedFor(err)}`);
        }
        if (isAlreadyRunning(err)) {
          if (unsure) return adopt(); // the running load is most likely the one our unsure trigger started
          // Refused: it started nothing. Someone else's load runs, though last-load may not show it yet.
          if (firstSentAt === null) deadline.moveTo(deadlineBefore);
          if (m.onRunning === "skip") throw new Outcome("skipped", "a load is already running (the service refused the trigger); skipped (onRunning: skip)");
          if (m.onRunning === "fail") throw new Outcome("failed", "a load is already running (the service refused the trigger); not started (onRunning: fail)");
          busySince ??= clock.now();
          const delayMs = nextPollDelay(clock.now() - busySince, policy, run.random);
          emit({ type: "retry", at: run.at(), address: m.address, attempt: 1, delayMs, reason: "a load is already running: waiting for it to end" });
          try {
            await deadline.sleep(delayMs, null);
          } catch (e) {
            if (!(e instanceof DeadlinePassed)) throw e;
            throw new Outcome("timed_out", `a load already running did not end within ${timeout}; ours was not started`);
          }
          continue;
        }
        const maybeStarted = mayHaveStartedLoad(err);
        const transient = err instanceof ApiError && (err.retryable || err.kind !== "http");
        if (!transient && !maybeStarted) throw err;
        sent++;
        firstSentAt ??= sendingAt;
        unsure ||= maybeStarted;
        mark();
        if (await settleFailedTrigger(run, judge, err, maybeStarted, sent)) return adopt();
      }
    }
  } catch (err) {
    if (!(err instanceof DeadlinePassed)) throw err;
    const what =
      firstSentAt === null
        ? `not triggered within ${timeout}`
        : `no load of the trigger seen within ${timeout} of the first trigger, and it was not sent again`;
    throw new Outcome("timed_out", `${what}${waitedFor(err)}`);
  }
}

/**
 * After a trigger failed: watch last-load for the load it may have started (for a while when it
 * may have reached the service), then wait before it is sent again. True when a load of ours
 * showed up; an Outcome when the trigger must not be sent again.
 */
async function settleFailedTrigger(run: ModelRun, judge: LoadJudge, err: unknown, maybeStarted: boolean, sent: number): Promise<boolean> {
  const { m, clock, policy, deadline, emit } = run;
  let windowMs = 0;
  if (maybeStarted) {
    const watchMs = err instanceof ApiError && err.kind === "http" ? policy.failedAnswerWatchMs : policy.lostAnswerWatchMs;
    windowMs = Math.max(0, Math.min(watchMs, deadline.remainingMs()));
    emit({ type: "checking", at: run.at(), address: m.address, windowMs, reason: `the trigger may have reached the service: ${errorText(err)}` });
  }
  const notAgain = (e: DeadlinePassed) =>
    new Outcome("timed_out", `no load appeared within ${formatDurationSpec(m.timeoutMs)} of the first trigger, and it was not sent again: ${errorText(err)}${waitedFor(e)}`);
  try {
    const since = clock.now();
    const found = await watchLastLoad(run, { since, until: since + windowMs, accept: (l) => judge.isOurs(l) });
    if (found) return true;
    if (deadline.passed()) throw new DeadlinePassed(null);
    if (sent >= policy.maxTriggerAttempts) throw new Outcome("failed", `the trigger failed ${sent} times and last-load showed no load of it: ${errorText(err)}`);
    const delayMs = policy.retryDelayMs * 2 ** (sent - 1);
    const why = maybeStarted ? `no load appeared in last-load within ${formatDurationSpec(windowMs)}, so the trigger is sent again` : "it started nothing";
    emit({ type: "retry", at: run.at(), address: m.address, attempt: sent, delayMs, reason: `trigger failed (${errorText(err)}); ${why}` });
    await deadline.sleep(delayMs, null);
    return false;
  } catch (e) {
    if (e instanceof DeadlinePassed) throw notAgain(e);
    throw e;
  }
}
