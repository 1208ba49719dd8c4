import { describe, expect, it } from "vitest";
import { approx, planEtaText } from "../../../src/report/plan/plan-eta.js";
import { model, planDoc } from "../fixtures.js";

const M = 60_000;

describe("planEtaText", () => {
  it("states the expected wall time at the plan's parallelism and the first loads to start", () => {
    const doc = planDoc(["a", "b", "c", "d", "e"].map((n, i) => model({ address: `finance/${n}`, expectedDurationMs: (i + 1) * 10 * M })));
    // finance runs 2 at once: e 0–50, d 0–40, c 40–70, b 50–70, a 70–80.
    expect(planEtaText(doc)).toBe("Expected ≈ 1h 20m at parallelism 4; starts first: finance/e, finance/d, finance/c, then 2 more.");
  });

  it("says how many durations were guessed, and when none is known that the time is unknown", () => {
    const some = planDoc([model({ address: "finance/a", expectedDurationMs: 30 * M }), model({ address: "finance/b", expectedDurationMs: null })]);
    expect(planEtaText(some)).toBe("Expected ≈ 30m 00s at parallelism 4, 1 load of unknown duration counted as the median; starts first: finance/b, finance/a.");
    const none = planDoc([model({ address: "finance/a" })]);
    expect(planEtaText(none)).toBe("Expected time unknown: no model's last load ran to its end as a load of the same kind.");
  });

  it("says nothing when nothing is to reload", () => {
    expect(planEtaText(planDoc([model({ address: "finance/a", action: "skip" })]))).toBeNull();
  });

  it("rounds an estimate past an hour to the minute", () => {
    expect(approx(3_600_000 + 12 * M + 40_000)).toBe("≈ 1h 13m");
    expect(approx(90_000)).toBe("≈ 1m 30s");
  });

  it("says under a second for loads that take a moment, not ≈ 0s", () => {
    expect(approx(400)).toBe("< 1s");
    expect(approx(999)).toBe("< 1s");
    expect(approx(1000)).toBe("≈ 1s");
    expect(approx(0)).toBe("≈ 0s");
  });
});
