// watch's log: one JSON object per line (for a log collector), or a human line on a terminal.
// Every line passes through `redact` on its way out, so no key reaches the log.

export type Level = "info" | "warn" | "error";
export type LogFormat = "json" | "text";
export type Fields = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export interface Logger {
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

export interface LoggerOptions {
  format: LogFormat;
  write: (line: string) => void;
  now: () => number;
  redact?: (text: string) => string;
}

function textValue(v: string | number | boolean | null | readonly string[]): string {
  if (typeof v !== "string") return JSON.stringify(v);
  return /^[\w./:@+-]+$/.test(v) ? v : JSON.stringify(v);
}

export function createLogger(opts: LoggerOptions): Logger {
  const redact = opts.redact ?? ((t: string) => t);
  const line = (level: Level, msg: string, fields: Fields = {}) => {
    const time = new Date(opts.now()).toISOString();
    const defined = Object.entries(fields).filter((e): e is [string, string | number | boolean | null | readonly string[]] => e[1] !== undefined);
    let text: string;
    if (opts.format === "json") {
      text = JSON.stringify({ time, level, msg, ...Object.fromEntries(defined) });
    } else {
      // Problems (located manifest problems, errors) go under the line, one per line.
      const flat = defined.filter(([k]) => k !== "problems");
      const problems = (fields.problems ?? []) as readonly string[];
      const pairs = flat.map(([k, v]) => ` ${k}=${Array.isArray(v) ? v.join(",") : textValue(v as string | number | boolean | null)}`).join("");
      text = `${time.slice(0, 19).replace("T", " ")} ${level.toUpperCase().padEnd(5)} ${msg}${pairs}`;
      for (const item of problems) text += `\n    ${item}`;
    }
    opts.write(redact(text));
  };
  return {
    info: (msg, fields) => line("info", msg, fields),
    warn: (msg, fields) => line("warn", msg, fields),
    error: (msg, fields) => line("error", msg, fields),
  };
}
