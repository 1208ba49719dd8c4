// "My load" is one that is not the load seen before the trigger, and that started after it and no
// earlier than our first trigger (less the clock-skew allowance). Reading the previous load's
// SUCCESS as our own is the classic bug this guards against; an older load the service shows
// again (another id, an earlier start) is the other.
import type { LastLoad } from "../celonis/api.js";

export type LoadMark = Pick<LastLoad, "id" | "startDate"> | null;

/**
 * How far the service's clock may run behind ours: a load of ours may carry a start up to this
 * much before our first trigger. A start earlier than that cannot be our load.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

/** What a load read from last-load is to a model that triggered at `sentAt`. */
export type LoadVerdict =
  /** Nothing there (never loaded). */
  | { kind: "none" }
  /** The load seen before the trigger, still. */
  | { kind: "previous" }
  /** Another load than the previous one that started too early to be ours; `reason` says why. */
  | { kind: "not_ours"; reason: string }
  | { kind: "ours" };

export interface TriggerMark {
  /** The last load read before the trigger (null: never loaded). */
  before: LoadMark;
  /** When our first trigger was sent (epoch ms), or null while none was sent. */
  sentAt: number | null;
  /** Default CLOCK_SKEW_ALLOWANCE_MS. */
  skewMs?: number;
}

const startOf = (l: NonNullable<LoadMark>): number => (l.startDate === null ? Number.NaN : Date.parse(l.startDate));

export function judgeLoad(load: LoadMark, mark: TriggerMark): LoadVerdict {
  if (load === null) return { kind: "none" };
  const { before } = mark;
  const started = startOf(load);
  if (before !== null) {
    const startedBefore = startOf(before);
    const bothIds = load.id !== null && before.id !== null;
    // A start that is missing or unreadable is NaN, and every comparison with NaN is false: such a
    // load is never "later" nor "no later" than another.
    // The same id; or, with no ids to tell them apart, no later start: the previous load.
    if (bothIds ? load.id === before.id : !(started > startedBefore)) return { kind: "previous" };
    if (started <= startedBefore) {
      return { kind: "not_ours", reason: `it started (${load.startDate}) no later than the load seen before the trigger (${before.startDate})` };
    }
  }
  if (mark.sentAt !== null && Number.isFinite(started)) {
    const skewMs = mark.skewMs ?? CLOCK_SKEW_ALLOWANCE_MS;
    if (started < mark.sentAt - skewMs) {
      const trigger = new Date(mark.sentAt).toISOString();
      return { kind: "not_ours", reason: `it started (${load.startDate}) before the trigger (${trigger}), more than the ${skewMs / 1000} s clock-skew allowance` };
    }
  }
  return { kind: "ours" };
}

/** The load is ours (see judgeLoad). */
export function isNewLoad(load: LoadMark, before: LoadMark, sentAt: number | null = null, skewMs?: number): boolean {
  return judgeLoad(load, { before, sentAt, skewMs }).kind === "ours";
}
