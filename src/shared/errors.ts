// The typed error family. One handler at the edge (cli/render-error.ts) draws them:
// a UserError is a message and a hint, never a stack; anything untyped is a bug.

/** A problem the user can fix: bad flag, bad manifest, stale plan, missing key. */
export class UserError extends Error {
  override readonly name: string = "UserError";
  constructor(
    message: string,
    readonly hint?: string,
    /** Extra lines shown under the message (e.g. per-model reasons a plan is stale). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A located problem in a manifest file. */
export interface Problem {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  message: string;
  /** Dotted path of the offending node, e.g. `pools.finance.models.o2c.reload`; "" for the root. */
  path: string;
  /** Length of the offending span on its line, for a code frame caret; at least 1. */
  length?: number;
}

/** Every problem found in a manifest, in file order. */
export class ManifestError extends UserError {
  override readonly name = "ManifestError";
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
    /** The manifest text, for code frames (never contains a secret: key-like fields are refused). */
    readonly source?: string,
  ) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${file}.`);
  }
}

/** Ctrl-C / SIGTERM: maps to exit 130. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor() {
    super("interrupted");
  }
}

/** An error met while working on one model; the handler prints `address: …` before the cause. */
export class ModelError extends Error {
  override readonly name = "ModelError";
  constructor(
    readonly address: string,
    override readonly cause: unknown,
  ) {
    super(`${address}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
