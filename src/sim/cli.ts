// `reloadctl sim`: serves the simulator until SIGINT/SIGTERM, printing the URL and key to use.
import { UserError } from "../shared/errors.js";
import { parseSimFlags, SIM_HELP } from "./cli-flags.js";
import { startSimulator } from "./server.js";
import { resolveFaultAddresses } from "./fault-addresses.js";
import type { RequestLogEntry, Simulator } from "./types.js";

export interface SimIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Stops the simulator like a SIGTERM would (for tests and embedding). */
  signal?: AbortSignal;
  /** The CLI's own Ctrl-C/SIGTERM signal, when it handles them: stops the simulator too. */
  interrupt?: AbortSignal;
}

/** `argv` is what follows `reloadctl sim`. Resolves 0 after a clean stop, 1 on bad input. */
export async function simMain(argv: string[], io: SimIo): Promise<number> {
  const fail = (err: UserError): number => {
    // The CLI's own error style: `error:` and the message, the details, the hint indented under it.
    io.stderr.write(`error: ${err.message}\n`);
    for (const line of err.details) io.stderr.write(`  ${line}\n`);
    if (err.hint) io.stderr.write(`       ${err.hint}\n`);
    return 1;
  };

  let flags: ReturnType<typeof parseSimFlags>;
  try {
    flags = parseSimFlags(argv);
  } catch (err) {
    if (err instanceof UserError) return fail(err);
    throw err;
  }
  if (flags === "help") {
    io.stdout.write(SIM_HELP);
    return 0;
  }

  if (flags.options.faults) {
    try {
      flags.options.faults = resolveFaultAddresses(flags.options.faults, flags.manifestPath);
    } catch (err) {
      if (err instanceof UserError) return fail(err);
      throw err;
    }
  }

  let sim: Simulator;
  try {
    sim = await startSimulator({
      ...flags.options,
      ...(flags.verbose ? { onRequest: (entry: RequestLogEntry) => io.stderr.write(requestLine(entry)) } : {}),
    });
  } catch (err) {
    if (err instanceof UserError) return fail(err);
    const code = (err as NodeJS.ErrnoException).code;
    const where = `port ${flags.options.port} on ${flags.options.host}`;
    if (code === "EADDRINUSE") return fail(new UserError(`${where} is already in use`, "choose another with --port, or --port 0 for a free one"));
    if (code === "EACCES") return fail(new UserError(`not allowed to listen on ${where}`, "choose a port above 1023, or --port 0 for a free one"));
    if (code === "EADDRNOTAVAIL") return fail(new UserError(`cannot listen on ${flags.options.host}: no such local address`));
    throw err;
  }

  const models = sim.tenant.pools.reduce((n, p) => n + p.models.length, 0);
  io.stdout.write(
    [
      `reloadctl sim listening on ${sim.url}`,
      `  tenant: ${flags.fixtureLabel}: ${sim.tenant.pools.length} pools, ${models} data models`,
      `  ${flags.behaviorLabel}`,
      `export CELONIS_URL=${shellWord(sim.url)} CELONIS_API_TOKEN=${shellWord(sim.key)}`,
      "",
    ].join("\n"),
  );
  io.stderr.write("Press Ctrl-C to stop.\n");

  await untilStopped([io.signal, io.interrupt].filter((s): s is AbortSignal => s !== undefined));
  await sim.close();
  const stats = sim.stats();
  io.stderr.write(`reloadctl sim: stopped after ${plural(stats.requests.length, "request")} and ${plural(stats.loads.length, "load")}\n`);
  return 0;
}

function untilStopped(signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      for (const s of signals) s.removeEventListener("abort", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (signals.some((s) => s.aborted)) stop();
    else for (const s of signals) s.addEventListener("abort", stop, { once: true });
  });
}

function requestLine(e: RequestLogEntry): string {
  const time = new Date(e.at).toISOString().slice(11, 23);
  return `${time} ${e.method} ${e.path} ${e.status ?? "dropped"} ${Math.round(e.durationMs)}ms\n`;
}

function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
