import { createInterface } from "node:readline/promises";
import type { Io } from "./io.js";

/** Asks on the terminal; true only for "yes", like Terraform. An interrupt answers no. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    const answer = await rl.question(question, { signal: io.interrupt });
    return answer.trim() === "yes";
  } catch {
    return false;
  } finally {
    rl.close();
  }
}
