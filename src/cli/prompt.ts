import { createInterface } from "node:readline/promises";
import type { Io } from "./io.js";

export type Answer = "yes" | "no" | "interrupted";

/** Asks on the terminal; "yes" only for exactly yes, like Terraform. Ctrl-C answers "interrupted". */
export async function confirm(io: Io, question: string): Promise<Answer> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const asking = new AbortController();
  let interrupted = io.interrupt.aborted;
  const stop = () => {
    interrupted = true;
    asking.abort();
  };
  // In raw mode Ctrl-C reaches readline, not the process: treat it as the process would.
  rl.on("SIGINT", stop);
  io.interrupt.addEventListener("abort", stop, { once: true });
  try {
    const answer = await rl.question(question, { signal: asking.signal });
    return answer.trim() === "yes" ? "yes" : "no";
  } catch {
    return interrupted ? "interrupted" : "no";
  } finally {
    io.interrupt.removeEventListener("abort", stop);
    rl.close();
  }
}
