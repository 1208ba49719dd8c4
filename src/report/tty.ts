// The Ink views' one door. Importing this module is cheap: Ink and React are loaded only when
// one of these functions runs, so the plain-text paths never pay for them.
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

const columnsOf = (stdout: TtyStream): number => (stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : 100);

/** Draws the plan once. */
export async function renderPlanTty(doc: PlanDocument, opts: PlanTtyOptions, stdout: TtyStream): Promise<void> {
  const [{ renderToString }, { createElement }, { PlanView }] = await Promise.all([
    import("ink"),
    import("react"),
    import("./plan/PlanView.js"),
  ]);
  const width = columnsOf(stdout);
  stdout.write(`${renderToString(createElement(PlanView, { ...opts, doc, width }), { columns: width })}\n`);
}

/** Draws the status table once. */
export async function renderStatusTty(doc: StatusDocument, opts: StatusTtyOptions, stdout: TtyStream): Promise<void> {
  const [{ renderToString }, { createElement }, { StatusView }] = await Promise.all([
    import("ink"),
    import("react"),
    import("./status/StatusView.js"),
  ]);
  const width = columnsOf(stdout);
  stdout.write(`${renderToString(createElement(StatusView, { ...opts, doc, width }), { columns: width })}\n`);
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
    const [{ render }, { createElement }, { ApplyView }] = await Promise.all([
      import("ink"),
      import("react"),
      import("./apply/ApplyView.js"),
    ]);
    if (opts.signal?.aborted) return;
    const instance = render(
      createElement(ApplyView, { events: replay.source, now: opts.now, color: opts.color }),
      // The CLI owns Ctrl-C (the first one lets loads in flight finish), so Ink must not exit on it.
      { stdout: stdout as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false },
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
