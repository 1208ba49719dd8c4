import { Writable } from "node:stream";
import { afterEach, describe, expect, test, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { ApplyView } from "../../../src/report/apply/ApplyView.js";
import { runApplyTty } from "../../../src/report/tty.js";
import { stripAnsi } from "../../../src/report/style.js";
import { at, finishRun, runningEvents } from "../apply-events.js";
import { testSource } from "./event-bus.js";

afterEach(() => cleanup());

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

        · finance/ar           skip        skipped               fresh: last SUCCESS 42m ago, maxAge 6h
        ⚠ logistics/shipments  from cache  WARNING      41s      Some rows rejected (counted as success)
        ✔ finance/p2p          partial     SUCCESS      1m 12s
        ✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing
        ⠧ finance/o2c          complete    running      2m 02s   load 5b7c2e11…

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

        · finance/ar           skip        skipped               fresh: last SUCCESS 42m ago, maxAge 6h
        ⚠ logistics/shipments  from cache  WARNING      41s      Some rows rejected (counted as success)
        ✔ finance/p2p          partial     SUCCESS      1m 12s
        ✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing
        ✔ finance/o2c          complete    SUCCESS      2m 13s

      Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s"
    `);
  });

  test("on a narrow terminal a finished row's message wraps under itself, whole", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={frozenAt(134)} color={false} width={64} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    source.emit(...runningEvents, ...finishRun);
    await vi.waitFor(() => expect(source.listeners.size).toBe(0));
    const final = view.frames.map(stripAnsi).find((f) => f.includes("Apply: "))!;
    expect(final.split("\n").every((line) => line.length <= 64)).toBe(true);
    // Too little room beside the columns: the message goes on the lines below its row, under
    // the action column (never under the address).
    expect(final).toContain(["  ✖ logistics/returns    complete    ERROR        55s", "                         Table RET: column X missing"].join("\n"));
    expect(final).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s");
  });
});

function fakeTerminal() {
  let written = "";
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        written += chunk.toString();
        done();
      },
    }),
    { columns: 100, rows: 40, isTTY: true },
  );
  return { stream, text: () => stripAnsi(written) };
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
});
