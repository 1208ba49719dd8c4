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

export function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer | string) => chunks.push(typeof c === "string" ? Buffer.from(c) : c));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
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
