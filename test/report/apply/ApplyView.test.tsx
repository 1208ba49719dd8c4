import { afterEach, describe, expect, test, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { ApplyView, CLEAR_SCREEN } from "../../../src/report/apply/ApplyView.js";
import { runApplyTty } from "../../../src/report/tty.js";
import { stripAnsi, textWidth } from "../../../src/report/style.js";
import { at, finishRun, outcomes, runningEvents } from "../apply-events.js";
import { testSource } from "./event-bus.js";
import { captured } from "../../helpers/streams.js";

// Ink draws a live frame only outside CI (is-in-ci, read when Ink is loaded): these tests draw
// on a fake terminal as a user's terminal is drawn on, also when the suite runs in CI.
vi.hoisted(() => {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
});

afterEach(() => cleanup());

/** The addresses of a frame's model rows, top to bottom. */
const rowAddresses = (frame: string) => [...frame.matchAll(/^ {2}[✔⚠✖·⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] (\S+)/gmu)].map((m) => m[1]);

const frozenAt = (seconds: number) => () => Date.parse(at(seconds));

describe("ApplyView", () => {
  test("finished rows above, loads in flight with a spinner and elapsed time, a running total", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(123)} color={false} tickMs={0} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents);
    await vi.waitFor(() => expect(view.lastFrame()).toContain("1 running"));
    expect(view.lastFrame()).not.toContain("\x1b");
    expect(view.lastFrame()).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 5 models · parallelism 4, 2 per pool · ≈ 2m 00s expected

        ✔ finance/p2p          partial     SUCCESS      1m 12s
        ⚠ logistics/shipments  from cache  WARNING      41s      Some rows rejected (counted as success)
        ✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing
        ⠧ finance/o2c          complete    running      2m 02s   load 5b7c2e11…
        · finance/ar           skip        skipped               fresh: last SUCCESS 42m ago, maxAge 6h

      Apply: 1 succeeded, 1 warning, 1 failed, 1 skipped, 1 running · 2m 03s · ≈ 5s left"
    `);
  });

  test("queued models are counted, not listed", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(0)} color={false} tickMs={0} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(runningEvents[0]!, { type: "triggered", at: at(0), address: "finance/o2c", action: "full", adopted: false });
    await vi.waitFor(() => expect(view.lastFrame()).toContain("queued"));
    expect(view.lastFrame()).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 5 models · parallelism 4, 2 per pool · ≈ 2m 00s expected

        ⠋ finance/o2c          complete    triggered    0s
        4 queued

      Apply: 0 succeeded, 1 running, 4 queued · 0s · ≈ 2m 00s left"
    `);
  });

  test("after a first Ctrl-C, says that loads in flight are still verified", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(5)} color={false} tickMs={0} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(runningEvents[0]!, { type: "triggered", at: at(1), address: "finance/o2c", action: "full", adopted: false }, { type: "interrupted", at: at(4) });
    await vi.waitFor(() => expect(view.lastFrame()).toContain("interrupted"));
    expect(view.lastFrame()!.split("\n").slice(-4)).toEqual([
      "  4 queued",
      "  interrupted: no new loads start; loads in flight are still verified (Ctrl-C again stops now)",
      "",
      "Apply: 0 succeeded, 1 running, 4 queued · 5s · interrupted · ≈ 1m 56s left", // o2c: 2m expected, begun at 1s; nothing queued starts now
    ]);
  });

  test("draws the summary, then unmounts by itself", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents, ...finishRun);
    // Unmounting unsubscribes: the view has exited.
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    // ink-testing-library renders in debug mode, which repeats <Static> output once more on unmount;
    // the frame the user sees last before that is the one that first shows the summary.
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: "))!;
    expect(final).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 5 models · parallelism 4, 2 per pool · ≈ 2m 00s expected

        ✔ finance/p2p          partial     SUCCESS      1m 12s
        ⚠ logistics/shipments  from cache  WARNING      41s      Some rows rejected (counted as success)
        ✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing
        ✔ finance/o2c          complete    SUCCESS      2m 13s
        · finance/ar           skip        skipped               fresh: last SUCCESS 42m ago, maxAge 6h

      Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s"
    `);
  });

  test("at the end of a run its rows stand in manifest order, not in the order they finished", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} tickMs={0} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    // Finished: ar (skipped at the start), shipments, p2p, returns, then o2c.
    source.emit(...runningEvents);
    await vi.waitFor(() => expect(view.lastFrame()).toContain("1 running"));
    // A finished row settles once the rows before it in the manifest have: ar waits for o2c.
    expect(rowAddresses(view.lastFrame()!)).toEqual(["finance/p2p", "logistics/shipments", "logistics/returns", "finance/o2c", "finance/ar"]);
    source.emit(...finishRun);
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: 2 succeeded"))!;
    expect(rowAddresses(final)).toEqual(outcomes.map((o) => o.address));
  });

  test("finished rows waiting for their turn never make the live frame taller than the terminal: they are counted", async () => {
    const source = testSource();
    // 60 columns: ar's row takes 3 lines (its message wraps), the total 2; 6 rows leave it no room.
    const terminal = fakeTerminal({ columns: 60, rows: 6 });
    const done = runApplyTty(source, { color: false, now: frozenAt(123) }, terminal.stream);
    // o2c (the manifest's 4th) runs; ar, the 5th, finished: it waits, with o2c, in the live frame.
    source.emit(...runningEvents);
    await vi.waitFor(() => expect(terminal.text()).toContain("running · 2m 03s"));
    const frame = terminal.text().slice(terminal.text().lastIndexOf("⠧ finance/o2c"));
    expect(frame).toContain("1 more finished, settling in manifest order");
    expect(frame).not.toContain("finance/ar");
    source.emit(...finishRun);
    await done;
    expect(terminal.text()).toContain("· finance/ar");
  });

  test.each([60, 80, 120])("at %i columns every settled row keeps its duration and its whole message, and the total is whole", async (width) => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} width={width} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents, ...finishRun);
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: "))!;
    expect(final.split("\n").filter((line) => textWidth(line) > width)).toEqual([]);
    expect(final).not.toContain("…");
    const flat = final.replace(/\n +/gu, " "); // wrapped lines joined again
    for (const [address, took] of [["finance/p2p", "1m 12s"], ["logistics/shipments", "41s"], ["logistics/returns", "55s"], ["finance/o2c", "2m 13s"]]) {
      expect(final).toMatch(new RegExp(`${address} .* ${took}`, "u"));
    }
    expect(flat).toContain("Some rows rejected (counted as success)");
    expect(flat).toContain("Table RET: column X missing");
    expect(flat).toContain("fresh: last SUCCESS 42m ago, maxAge 6h");
    expect(flat).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s");
  });

  test("on a narrow terminal a finished row's message wraps under itself, whole", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} width={64} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents, ...finishRun);
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: "))!;
    expect(final.split("\n").every((line) => line.length <= 64)).toBe(true);
    // Too little room beside the columns: the message goes on its own line below its row, under
    // the address column.
    expect(final).toContain(["  ✖ logistics/returns    complete    ERROR        55s", "    Table RET: column X missing"].join("\n"));
    expect(final).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s");
  });

  test("at 50 columns a load in flight keeps its load id whole, on its own line", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(123)} color={false} tickMs={0} width={50} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents);
    await vi.waitFor(() => expect(view.lastFrame()).toContain("1 running"));
    const lines = stripAnsi(view.lastFrame()!).split("\n");
    const at = lines.findIndex((l) => l.includes("finance/o2c"));
    expect(lines.slice(at, at + 2)).toEqual(["  ⠧ finance/o2c   complete    running      2m 02s", "    load 5b7c2e11…"]);
  });

  test("at 50 columns every finished row keeps its duration, and its message or skip reason on its own line", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} width={50} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents, ...finishRun);
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: "))!;
    const lines = final.split("\n");
    expect(lines.every((line) => textWidth(line) <= 50)).toBe(true);
    // The address column narrows so that the cells fit; the messages are whole, under the address.
    const at = lines.findIndex((l) => l.includes("⚠"));
    expect(lines.slice(at, at + 4)).toEqual([
      "  ⚠ logistics/s…  from cache  WARNING      41s",
      "    Some rows rejected (counted as success)",
      "  ✖ logistics/r…  complete    ERROR        55s",
      "    Table RET: column X missing",
    ]);
    expect(final).toContain("    fresh: last SUCCESS 42m ago, maxAge 6h");
    expect(final).toMatch(/finance\/o2c +complete +SUCCESS +2m 13s/u);
  });
});

function fakeTerminal(size: { columns?: number; rows?: number } = {}) {
  const t = captured({ columns: size.columns ?? 100, rows: size.rows ?? 40, isTTY: true });
  return { stream: t.stream, raw: t.text, text: () => stripAnsi(t.text()) };
}

describe("runApplyTty", () => {
  test("keeps events sent before Ink has loaded, and resolves once the summary is drawn", async () => {
    const source = testSource();
    const terminal = fakeTerminal();
    const done = runApplyTty(source, { color: false, now: frozenAt(134) }, terminal.stream);
    source.emit(...runningEvents, ...finishRun);
    await done;
    expect(source.listeners.size).toBe(0);
    const text = terminal.text();
    expect(text).toContain("reloadctl apply · plan 3f9a0c1b2d4e · 5 models · parallelism 4, 2 per pool");
    expect(text).toContain("✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing");
    expect(text).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s");
  });

  test("an abort ends the view when no summary will come", async () => {
    const source = testSource();
    const terminal = fakeTerminal();
    const stop = new AbortController();
    const done = runApplyTty(source, { color: false, now: frozenAt(10), signal: stop.signal }, terminal.stream);
    source.emit(runningEvents[0]!);
    await vi.waitFor(() => expect(terminal.text()).toContain("reloadctl apply"));
    stop.abort();
    await done;
    expect(source.listeners.size).toBe(0);
  });

  describe("on a resize", () => {
    test.each([120, 80])("a terminal narrowed from %i to 60 columns: the screen is cleared and the view drawn again, no line wider than 60", async (from) => {
      const source = testSource();
      const terminal = fakeTerminal({ columns: from });
      const done = runApplyTty(source, { color: false, now: frozenAt(123) }, terminal.stream);
      source.emit(...runningEvents);
      await vi.waitFor(() => expect(terminal.text()).toContain("1 running"));
      const mark = terminal.raw().length;
      terminal.stream.columns = 60;
      terminal.stream.emit("resize");
      // The old frame's lines, re-wrapped by the terminal into more rows than Ink erases, go with
      // the screen; then the whole view again, laid out for 60 columns.
      const redrawnPart = () => terminal.raw().slice(mark).split(CLEAR_SCREEN).slice(1).pop() ?? "";
      await vi.waitFor(() => expect(stripAnsi(redrawnPart())).toContain("running · 2m 03s"), { timeout: 20_000 });
      const after = terminal.raw().slice(mark);
      const redrawn = stripAnsi(after.slice(after.lastIndexOf(CLEAR_SCREEN)));
      const lines = redrawn.split("\n");
      expect(lines.filter((l) => textWidth(l) > 60)).toEqual([]);
      expect(redrawn).toContain("reloadctl apply · plan 3f9a0c1b2d4e");
      expect(redrawn).toContain("✖ logistics/returns    complete    ERROR        55s");
      expect(redrawn).toContain("Table RET: column X missing");
      expect(redrawn).toContain("⠧ finance/o2c");
      expect(redrawn).toContain("Apply: 1 succeeded, 1 warning, 1 failed, 1 skipped, 1\n  running · 2m 03s");
      source.emit(...finishRun);
      await done;
      const end = stripAnsi(terminal.raw().slice(mark));
      expect(end.split("\n").filter((l) => textWidth(l) > 60)).toEqual([]);
      expect(end).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s");
    });

    test("a wider terminal is not cleared: the live rows are laid out again at the new width", async () => {
      const source = testSource();
      const terminal = fakeTerminal({ columns: 60 });
      const done = runApplyTty(source, { color: false, now: frozenAt(123) }, terminal.stream);
      source.emit(...runningEvents);
      await vi.waitFor(() => expect(terminal.text()).toContain("running · 2m 03s"));
      const mark = terminal.raw().length;
      terminal.stream.columns = 120;
      terminal.stream.emit("resize");
      // At 60 columns the total wraps after "1 skipped,"; at 120 it is one line again.
      await vi.waitFor(() => expect(stripAnsi(terminal.raw().slice(mark))).toContain("1 skipped, 1 running · 2m 03s"), { timeout: 20_000 });
      expect(terminal.raw().slice(mark)).not.toContain(CLEAR_SCREEN);
      source.emit(...finishRun);
      await done;
    });
  });
});
