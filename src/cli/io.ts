// The process's streams and environment, passed in so commands run the same in tests.

export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream & NodeJS.WritableStream;
  stderr: OutStream & NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** First Ctrl-C / SIGTERM. Commands that write treat it as "stop starting"; readers as "stop". */
  interrupt: AbortSignal;
  /** What the error handler should know for its hints, filled in as a command learns it. */
  hints: { tokenEnv?: string };
}

/** All of the stream as text; past `maxBytes` it stops reading (and returns what it has, longer than the bound). */
export function readAll(stream: NodeJS.ReadableStream, maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    const onData = (c: Buffer | string) => {
      const b = typeof c === "string" ? Buffer.from(c) : c;
      chunks.push(b);
      size += b.length;
      if (size > maxBytes) {
        stream.off("data", onData);
        stream.pause();
        done();
      }
    };
    stream.on("data", onData);
    stream.on("end", done);
    stream.on("error", reject);
  });
}

/** An interactive terminal we may draw on and prompt in. `CI` set means never. */
export function isInteractive(io: Io): boolean {
  return Boolean(io.stdout.isTTY && io.stdin.isTTY) && !isCi(io.env);
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}
