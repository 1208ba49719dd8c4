// The terminal views' one door. Importing this module is cheap: each view loads when it draws, and Ink and React only for
// the live apply view (runApplyTty, or preloadInkUi ahead of it), so other paths never pay for them.
import type { PlanDocument } from "../plan/types.js";
import type { StatusDocument } from "../status/types.js";
import type { ApplyEventSource } from "./apply/event-source.js";
import { replayingSource } from "./apply/replay-events.js";

export type { ApplyEventSource } from "./apply/event-source.js";

export interface PlanTtyOptions {
  now: number;
  savedTo?: string | null;
  planSha256?: string | null;
  color?: boolean;
  foldSkipsOver?: number;
}

export interface StatusTtyOptions {
  now: number;
  color?: boolean;
}

export interface ApplyTtyOptions {
  color?: boolean;
  now?: () => number;
  /** Ends the view early (the run failed before its summary); the promise then resolves. */
  signal?: AbortSignal;
}

/** What the views draw on: a terminal stream (process.stdout / process.stderr in production). */
export type TtyStream = NodeJS.WritableStream & { columns?: number; rows?: number; isTTY?: boolean };

let inkUi: Promise<typeof import("./ink-ui.js")> | null = null;

/**
 * Loads Ink, React and the views, once. A command calls it as soon as it knows it will draw on a
 * terminal, so the loading runs while it reads the network instead of after.
 */
export function loadInkUi(): Promise<typeof import("./ink-ui.js")> {
  return (inkUi ??= import("./ink-ui.js"));
}

/** Starts loading the views without waiting; a failure surfaces where they are used. */
export function preloadInkUi(): void {
  loadInkUi().catch(() => {});
}

/**
 * The stream as Ink should see it. A terminal whose size is not known says 0 rows (`script`, a
 * container's pty before its first resize): Ink then takes every frame for a full screen and
 * clears the terminal, scrollback and all, on each one. Unknown rows are read as unbounded.
 */
export function withKnownRows<T extends TtyStream>(stdout: T): T {
  if (stdout.rows === undefined || stdout.rows > 0) return stdout;
  return new Proxy(stdout, {
    get(target, key) {
      if (key === "rows") return target.rows !== undefined && target.rows > 0 ? target.rows : Number.MAX_SAFE_INTEGER;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const columnsOf = (stdout: TtyStream): number => (stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : 100);

/**
 * Draws the plan once: the plain-text view's lines, in colour. A view drawn once needs no Ink: Ink
 * takes 0.5–0.8 s to lay out a 40-model plan on a cold process, painting the same lines a few ms.
 */
export async function renderPlanTty(doc: PlanDocument, opts: PlanTtyOptions, stdout: TtyStream): Promise<void> {
  const width = columnsOf(stdout);
  const { renderPlanText } = await import("./plan/plan-text.js");
  stdout.write(`${renderPlanText(doc, { ...opts, color: opts.color ?? true, width })}\n`);
}

/** Draws the status table once, as the plan. */
export async function renderStatusTty(doc: StatusDocument, opts: StatusTtyOptions, stdout: TtyStream): Promise<void> {
  const width = columnsOf(stdout);
  const { renderStatusText } = await import("./status/status-text.js");
  stdout.write(`${renderStatusText(doc, { ...opts, color: opts.color ?? true, width })}\n`);
}

/**
 * Draws apply live until its summary event, then unmounts; resolves once the summary is drawn.
 * Events are buffered from the moment this is called, so it may be called just before the run starts.
 */
export async function runApplyTty(
  events: ApplyEventSource,
  opts: ApplyTtyOptions,
  stdout: TtyStream,
): Promise<void> {
  const replay = replayingSource(events);
  try {
    const { render, createElement, ApplyView } = await loadInkUi();
    if (opts.signal?.aborted) return;
    const instance = render(
      createElement(ApplyView, { events: replay.source, now: opts.now, color: opts.color }),
      // The CLI owns Ctrl-C (the first one lets loads in flight finish), so Ink must not exit on it.
      { stdout: withKnownRows(stdout) as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false },
    );
    const stop = () => instance.unmount();
    opts.signal?.addEventListener("abort", stop, { once: true });
    try {
      await instance.waitUntilExit();
    } finally {
      opts.signal?.removeEventListener("abort", stop);
    }
  } finally {
    replay.close();
  }
}
