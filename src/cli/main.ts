// The edge: argv to a command, every error to one renderer, results to exit codes.
import { setMaxListeners } from "node:events";
import { fileErrorReason } from "../shared/file-errors.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";
import { closestName } from "../manifest/did-you-mean.js";
import { VERSION } from "../version.js";

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  plan: async () => (await import("./commands/plan.js")).planCommand,
  apply: async () => (await import("./commands/apply.js")).applyCommand,
  status: async () => (await import("./commands/status.js")).statusCommand,
  init: async () => (await import("./commands/init.js")).initCommand,
  watch: async () => (await import("./commands/watch.js")).watchCommand,
  demo: async () => (await import("./commands/demo.js")).demoCommand,
  sim: async () => async (args, io) => (await import("../sim/cli.js")).simMain(args, io),
};

function wantsFormat(args: string[], format: string): boolean {
  const i = args.indexOf("--format");
  return args.includes(`--format=${format}`) || (i >= 0 && args[i + 1] === format);
}

function wantsJson(args: string[]): boolean {
  return args.includes("--json") || wantsFormat(args, "json");
}

function wantsColor(args: string[], io: Io): boolean {
  return !args.includes("--no-color") && !(io.env.NO_COLOR ?? "") && Boolean(io.stderr.isTTY);
}

/** `--version --json`: the tool and the Node.js it runs on, for a pipeline's log or a bug report. */
function versionDocument() {
  return { formatVersion: 1, tool: { name: "reloadctl", version: VERSION }, node: process.versions.node };
}

/** Runs one invocation against the given streams; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic !== undefined && !(topic in COMMANDS)) {
      io.stderr.write(`error: no command "${topic}"\n       see: reloadctl --help\n`);
      return 1;
    }
    if (topic !== undefined) return run([topic, "--help"], io);
    io.stdout.write(`${HELP.main}\n`);
    return 0;
  }
  if (name === "--version" || name === "-v" || rest.includes("--version")) {
    io.stdout.write(wantsJson(argv) ? `${JSON.stringify(versionDocument())}\n` : `${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    const near = closestName(name, Object.keys(COMMANDS));
    const what = name.startsWith("-") ? `unknown flag ${name}` : `unknown command "${name}"`;
    io.stderr.write(`error: ${what}\n       ${near && !name.startsWith("-") ? `did you mean \`reloadctl ${near}\`? ` : ""}see: reloadctl --help\n`);
    return 1;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (io.interrupt.aborted) {
      // Ctrl-C cut a read short: that is the user's doing, not an error to explain.
      if (wantsJson(rest)) io.stdout.write(`${JSON.stringify({ error: { kind: "interrupted", message: "interrupted" } })}\n`);
      else io.stderr.write("interrupted\n");
      return 130;
    }
    const { renderError } = await import("./render-error.js");
    const width = io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : undefined; // manifest problems wrap as validate's
    const r = renderError(err, { json: wantsJson(rest), color: wantsColor(rest, io), width, ...(wantsFormat(rest, "markdown") ? { markdownFor: name } : {}), ...io.hints });
    if (r.stdout) io.stdout.write(r.stdout);
    if (r.stderr) io.stderr.write(r.stderr);
    return r.exitCode;
  }
}

/** The process entry: real streams, and Ctrl-C handling (once: stop starting; twice: exit now). */
export async function main(argv: string[]): Promise<number> {
  const interrupt = new AbortController();
  setMaxListeners(0, interrupt.signal); // every queued request of a large plan listens on it
  const writes = argv[0] === "apply" || argv[0] === "demo" || argv[0] === "watch";
  // Reads stop on the signal too, so that what they drew (plan's progress line) is taken away
  // and the run ends with "interrupted", not mid-line.
  const reads = argv[0] === "plan";
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1 && (writes || reads)) {
      interrupt.abort(); // the apply views say what this means; reads stop at once
      return;
    }
    if (argv[0] === "sim") return; // the simulator closes itself on the signal
    if (writes && !process.stderr.destroyed) {
      process.stderr.write("\ninterrupted again: exiting now. Loads already triggered keep running on the service, unverified; see `reloadctl status`.\n");
    }
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // A reader that goes away (`| head`) must not stop an apply halfway: the loads in flight are
  // still verified, and the exit code still says how they ended. Any other output that cannot be
  // written (a full disk, /dev/full, a closed pipe for the other commands) is said once, and the
  // command exits 1: its result was lost.
  let writeFailed = false;
  const onWriteError = (err: NodeJS.ErrnoException) => {
    if ((err.code === "EPIPE" && writes) || writeFailed) return;
    writeFailed = true;
    if (!process.stderr.destroyed) process.stderr.write(`reloadctl: cannot write the output: ${fileErrorReason(err, "write")}\n`);
  };
  process.stdout.on("error", onWriteError);
  process.stderr.on("error", onWriteError);
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), interrupt: interrupt.signal, hints: {} };
  try {
    const code = await run(argv, io);
    // Write errors come after the writes: wait for stdout to take everything before the exit code.
    await new Promise<void>((resolve) => (process.stdout.destroyed ? resolve() : process.stdout.write("", () => resolve())));
    return writeFailed && code === 0 ? 1 : writeFailed && code === 2 ? 1 : code;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
