import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/apply/clock.js";
import { Deadline, DeadlinePassed } from "../../src/apply/deadline.js";

const clock = { now: () => Date.now(), sleep: systemClock.sleep };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function settled<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const out: { value?: T; error?: unknown } = {};
  p.then((v) => (out.value = v), (e: unknown) => (out.error = e));
  await vi.runAllTimersAsync();
  return out;
}

describe("Deadline", () => {
  it("a sleep shorter than what is left just sleeps; a longer one ends at the deadline with DeadlinePassed", async () => {
    const d = new Deadline(clock, 10_000);
    let slept = false;
    void d.sleep(4_000, "a poll").then(() => (slept = true));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(slept).toBe(true);
    expect(d.passed()).toBe(false);
    const r = await settled(d.sleep(50_000, "a retry"));
    expect(r.error).toBeInstanceOf(DeadlinePassed);
    expect((r.error as DeadlinePassed).waitingFor).toBe("a retry");
    expect(Date.now()).toBe(10_000);
    d.dispose();
  });

  it("cuts a call at the deadline through its signal, saying what the call said it waited for", async () => {
    const d = new Deadline(clock, 10_000);
    let aborted = false;
    const call = d.cut("an answer", (signal) => {
      d.waitingFor = "the rate limit to reopen";
      return new Promise<never>((_, reject) => signal.addEventListener("abort", () => ((aborted = true), reject(signal.reason))));
    });
    const r = await settled(call);
    expect(aborted).toBe(true);
    expect(r.error).toMatchObject({ name: "DeadlinePassed", waitingFor: "the rate limit to reopen" });
    expect(Date.now()).toBe(10_000);
  });

  it("cuts a call that ignores its signal too", async () => {
    const d = new Deadline(clock, 1_000);
    const r = await settled(d.cut("an answer", () => new Promise<never>(() => {})));
    expect(r.error).toMatchObject({ name: "DeadlinePassed", waitingFor: "an answer" });
  });

  it("moved before it passes, it passes at its new time; once passed, it stays passed", async () => {
    const d = new Deadline(clock, 1_000);
    d.moveTo(5_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(d.passed()).toBe(false);
    expect(d.remainingMs()).toBe(3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(d.passed()).toBe(true);
    expect(d.signal.aborted).toBe(true);
    d.moveTo(60_000);
    expect(d.passed()).toBe(true);
  });
});
