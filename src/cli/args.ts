// argv parsing with node:util parseArgs, turned into clean user errors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../shared/errors.js";
import { closestName } from "../manifest/did-you-mean.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  config: { type: "string", short: "c" },
  format: { type: "string" },
  json: { type: "boolean" },
  "no-color": { type: "boolean" },
  select: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  target: { type: "string" },
} as const satisfies Options;

/** `--shard K/N` and `--state FILE` (for `result:STATE` selectors), on plan, apply and status. */
export const SELECTION_OPTIONS = {
  shard: { type: "string" },
  state: { type: "string" },
} as const satisfies Options;

/** Job summaries for CI, on plan, apply, status and validate. */
export const CI_OPTIONS = {
  "no-step-summary": { type: "boolean" },
  "summary-file": { type: "string" },
} as const satisfies Options;

export function parse<O extends Options>(command: string, args: string[], options: O, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    const m = /'(-{1,2}[^']+)'/.exec(e.message);
    const flag = m?.[1] ?? "";
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      // Only a near miss is worth suggesting: `--selct` → `--select`, but `--bogus` → nothing.
      const hit = closestName((flag.split("=")[0] ?? flag).replace(/^-+/, ""), Object.keys(options));
      const near = hit === null ? null : `--${hit}`;
      throw new UserError(`unknown flag ${flag} for \`reloadctl ${command}\``, `${near ? `did you mean ${near}? ` : ""}see: reloadctl ${command} --help`);
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      // The message names `-c, --config <value>`; say the long form.
      const byShort = Object.keys(options).find((name) => `-${(options[name] as { short?: string }).short}` === flag);
      const named = /--[\w-]+/.exec(flag)?.[0] ?? (byShort ? `--${byShort}` : flag || "a flag");
      if (/does not take an argument/.test(e.message)) throw new UserError(`${named} takes no value`, `see: reloadctl ${command} --help`);
      if (/argument is ambiguous/.test(e.message)) {
        // `--parallelism -3`: the value reads as a flag of its own.
        const next = args[args.indexOf(flag) + 1] ?? "";
        throw new UserError(`${named} needs a value; "${next}" reads as a flag`, `if it is the value, write ${named}=${next}`);
      }
      throw new UserError(`${named} needs a value`, `see: reloadctl ${command} --help`);
    }
    throw new UserError(e.message, `see: reloadctl ${command} --help`);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new UserError(`unexpected argument "${extra}" for \`reloadctl ${command}\``, `see: reloadctl ${command} --help`);
  }
  return parsed;
}

export function positiveInt(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag} must be a whole number of at least 1; got "${text}"`);
  return n;
}
