// A stream that keeps what is written to it, dressed as a terminal or a pipe, and an Io made of such
// streams: what the CLI's views and progress lines are tested against.
import { PassThrough, Writable } from "node:stream";
import type { Io } from "../../src/cli/io.js";

export interface Captured<T> {
  stream: Writable & T;
  /** Everything written so far, escapes included. */
  text(): string;
}

/** A writable that records its chunks; `props` are what a terminal says of itself (isTTY, columns, rows). */
export function captured<T extends object>(props: T): Captured<T> {
  let written = "";
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        written += chunk.toString();
        done();
      },
    }),
    props,
  );
  return { stream, text: () => written };
}

/** An Io on captured streams, with this environment and working directory. */
export function capturedIo(env: NodeJS.ProcessEnv, streams: { stdout?: Captured<object>; stderr?: Captured<object> }, cwd = process.cwd()): Io {
  return {
    stdout: (streams.stdout ?? captured({ isTTY: false })).stream,
    stderr: (streams.stderr ?? captured({ isTTY: false })).stream,
    stdin: new PassThrough(),
    env,
    cwd,
    interrupt: new AbortController().signal,
    hints: {},
  };
}
