import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLL_POLICY, JITTER_SHARE, nextPollDelay, ROUND_TRIP_SHARE, type PollPolicy } from "../../src/apply/poll-policy.js";

const boundOf = (elapsedMs: number, p: PollPolicy = DEFAULT_POLL_POLICY) =>
  Math.min(p.maxIntervalMs, Math.max(p.minIntervalMs, p.fraction * elapsedMs));

/** Polls made until a load of `durationMs` is seen ended, each answered `roundTripMs` after it is sent. */
function pollsFor(durationMs: number, roundTripMs: number, random: () => number): number {
  let t = roundTripMs;
  let polls = 1;
  while (t < durationMs) {
    t += nextPollDelay(t, DEFAULT_POLL_POLICY, random) + roundTripMs;
    polls++;
  }
  return polls;
}

describe("nextPollDelay", () => {
  it("never waits more than the bound less the share kept for the poll's round trip, nor less than that less the jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 3_600_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (elapsed, r) => {
        const wait = nextPollDelay(elapsed, DEFAULT_POLL_POLICY, () => r);
        const bound = boundOf(elapsed);
        expect(wait).toBeLessThanOrEqual(Math.round((1 - ROUND_TRIP_SHARE) * bound));
        expect(wait).toBeGreaterThanOrEqual(Math.floor((1 - ROUND_TRIP_SHARE - JITTER_SHARE) * bound));
      }),
    );
  });

  it("waits the floor early on, a fraction of the age later, and never past the cap", () => {
    const top = () => 0;
    expect(nextPollDelay(0, DEFAULT_POLL_POLICY, top)).toBe(800);
    expect(nextPollDelay(60_000, DEFAULT_POLL_POLICY, top)).toBe(4_800);
    expect(nextPollDelay(10 * 3_600_000, DEFAULT_POLL_POLICY, top)).toBe(240_000);
  });

  it("reports an end within max(1 s, 10 % of the run time) when a poll's round trip fits in the share kept for it", () => {
    // The worst case: the load ends just after a poll was answered at `t`, still running. The
    // next answer comes after the wait and one round trip, and must be within the bound of the
    // run time (which is longer than t).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 3_600_000 }), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (t, roundTrip, r) => {
        const lateMs = nextPollDelay(t, DEFAULT_POLL_POLICY, () => r) + roundTrip;
        expect(lateMs).toBeLessThanOrEqual(Math.max(1_000, 0.1 * t));
      }),
    );
  });

  it("adds about the same number of polls for each tenfold of the duration, below the cap", () => {
    const polls = [30_000, 300_000, 3_000_000].map((d) => pollsFor(d, 0, () => 0.5));
    const [first, second] = [polls[1]! - polls[0]!, polls[2]! - polls[1]!];
    expect(Math.abs(second - first)).toBeLessThanOrEqual(1);
    expect(first).toBeLessThan(40);
  });
});
