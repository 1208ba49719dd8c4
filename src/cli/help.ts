// --help texts. They must stay true: test/cli checks every flag listed here is accepted.

const COMMON = `  -c, --config FILE     the manifest (default ./reload.config.yaml; - reads stdin)
      --format FORMAT   auto (default: the terminal UI on a terminal, plain text otherwise), text, json, markdown
      --json            short for --format json
      --no-color        no colour (NO_COLOR is honoured too)
  -h, --help            this help`;

const TARGET = `      --target NAME     the manifest's target (tenant) to use; also RELOADCTL_TARGET;
                        default: the target marked default: true`;

const SELECT = `      --select S        only these models: POOL, POOL/MODEL (globs: finance/*), tag:NAME or
                        result:STATE (with --state); repeatable
      --exclude S       not these models (same forms); repeatable
      --state FILE      the results record of an earlier apply (apply --results FILE), read by
                        result:STATE selectors: failed, timed_out, not_started, succeeded, skipped
      --shard K/N       only part K of N of the selection (one job of a CI matrix per K); the
                        same K/N always takes the same models, and the N parts are the selection`;

// watch keeps models fresh: no results record (--state) or CI matrix (--shard) to select by.
const WATCH_SELECT = `      --select S        only these models: POOL, POOL/MODEL (globs: finance/*) or tag:NAME; repeatable
      --exclude S       not these models (same forms); repeatable`;

const CI = `      --summary-file FILE
                        also append the Markdown report to FILE (any CI; also when the command fails)
      --no-step-summary under GitHub Actions, do not append it to $GITHUB_STEP_SUMMARY
Under GitHub Actions (GITHUB_ACTIONS=true) problems and failed models are also annotations.`;

export const HELP: Record<string, string> = {
  main: `reloadctl: declarative reloads of Celonis Data Models, planned and applied from git and CI.

Usage: reloadctl <command> [flags]

Commands:
  validate   parse and check the manifest (no network)
  plan       resolve names and tables, compare with each model's last load, show what apply would do (reads only)
  apply      run a plan: reload concurrently and verify each model's new load (writes)
  status     each declared model's last load (reads only)
  init       write a manifest of the tenant at CELONIS_URL: its pools and models (reads only)
  watch      keep every model within its maxAge: plan and apply what is due at each tick, with metrics
  sim        the embedded Celonis simulator, on loopback
  demo       start the simulator and run plan then apply of the bundled reload.config.yaml

Flags:
  -h, --help      help (also: reloadctl <command> --help)
      --version   the version (with --json: {"formatVersion", "tool", "node"})

Connection: CELONIS_URL (else the target's url, else connection.url in the manifest), the key in
CELONIS_API_TOKEN (or the variable named by tokenEnv), CELONIS_KEY_TYPE USER_KEY (Bearer) or
APP_KEY (AppKey). With \`targets:\` in the manifest, --target NAME (or RELOADCTL_TARGET) picks one.
Exit codes: 0 success, 1 error or a failed model, 2 plan --detailed-exitcode with changes, 130 interrupted.`,

  validate: `Usage: reloadctl validate [-c FILE] [--json | --format FORMAT] [--no-color]
                         [--summary-file FILE] [--no-step-summary]

Parse the manifest and check it against schemas/reload.config.schema.json and the rules a schema
cannot express. Every problem is reported as FILE:LINE:COL: message. No network.
Exit 0 when valid, 1 otherwise.

Flags:
${COMMON}
${CI}`,

  plan: `Usage: reloadctl plan [-c FILE] [--target NAME] [--out PLAN] [--json | --format FORMAT] [--no-color]
                     [--detailed-exitcode] [--select S]… [--exclude S]… [--state FILE] [--shard K/N]
                     [--summary-file FILE] [--no-step-summary]

Resolve pool and model names and table aliases to ids against the live API, compare each model
with its last load, and show what apply would do: ~ reload (complete, from cache, partial),
= skip. Reads only.

Flags:
${COMMON}
${TARGET}
${SELECT}
  -o, --out PLAN        also save the plan to this file, for: reloadctl apply PLAN
      --detailed-exitcode
                        exit 0 when nothing would be reloaded, 2 when something would, 1 on error
${CI}`,

  apply: `Usage: reloadctl apply [PLAN] [-c FILE] [--target NAME] [--auto-approve] [--json | --format FORMAT] [--no-color]
                      [--parallelism N] [--order ORDER] [--fail-fast] [--select S]… [--exclude S]… [--state FILE]
                      [--shard K/N] [--junit FILE] [--results FILE] [--summary-file FILE] [--no-step-summary]

Without PLAN: plan, show it, ask for confirmation (on a terminal), then run it. Outside a terminal
(or with CI set) it needs --auto-approve. With PLAN: run exactly that saved plan, after checking
that it is not stale (refused as a whole, before any write, if it is). Loads run concurrently
within the bounds; each model's new load is verified. JSON output is NDJSON events. A saved plan
runs against the target it was made for; --target (or RELOADCTL_TARGET) naming another is refused.

Flags:
${COMMON}
${TARGET}
${SELECT}
      --auto-approve    do not ask for confirmation
      --parallelism N   loads in flight at once, all pools together (default: the manifest's)
      --fail-fast       after the first failure start no further loads
      --order ORDER     longest-first (default: the longest expected load first, those of
                        unknown duration before them) or manifest (the manifest's order)
      --junit FILE      write a JUnit XML report (one testsuite per pool), also on failure and Ctrl-C
      --results FILE    write the run's results record, for --select result:failed --state FILE
${CI}
Ctrl-C once: start no new loads, verify those in flight, exit 130. Twice: exit at once.`,

  status: `Usage: reloadctl status [-c FILE] [--target NAME] [--json | --format FORMAT] [--no-color]
                       [--select S]… [--exclude S]… [--state FILE] [--shard K/N] [--summary-file FILE] [--no-step-summary]

Each declared model's last load: status, type, start, end, duration and the service's message.
Reads only. Exit 1 if any model could not be read.

Flags:
${COMMON}
${TARGET}
${SELECT}
${CI}`,

  watch: `Usage: reloadctl watch [-c FILE] [--target NAME] [--interval 5m] [--listen HOST:PORT] [--select S]… [--exclude S]…

The reconciler as a long-running loop. At every tick it reads the manifest again, plans, and
applies what is due (a model is due when plan would reload it: never loaded, last load failed,
or older than its maxAge), within parallelism and poolParallelism across ticks, never two loads
of one model. Every selected model needs a maxAge (else it would be reloaded at every tick).
A model whose load failed waits 1, 2, 4 … intervals (at most --max-backoff) before its next try;
a success resets that. A changed manifest takes effect at the next tick if it is valid; an
invalid one is logged with its problems, and the last good one keeps running.
Serves Prometheus metrics on /metrics, /healthz (the loop is alive) and /readyz (the last tick
reached the API). Logs go to stderr.

Flags:
  -c, --config FILE     the manifest (default ./reload.config.yaml); a file, read again at every tick
${TARGET}
${WATCH_SELECT}
      --interval D      time between ticks (default 5m; at least 1s)
      --max-backoff D   the longest wait before retrying a failing model (default 1h)
      --grace D         after SIGTERM/SIGINT, how long loads in flight are still verified (default 10m)
      --listen H:P      where to serve /metrics, /healthz, /readyz (default 127.0.0.1:9464;
                        0.0.0.0:9464 in a container)
      --log-format F    json (one object per line; the default outside a terminal) or text
  -h, --help            this help
SIGTERM or Ctrl-C once: start no new loads, verify those in flight (up to --grace), exit 0.
Twice: exit 130 at once.`,

  init: `Usage: reloadctl init [--pool NAME|ID]… [--by name|id] [--out FILE|-] [--force] [--target NAME]

Read the tenant at CELONIS_URL (the key in CELONIS_API_TOKEN, CELONIS_KEY_TYPE as everywhere) and
write a manifest of it that validates as written: every pool the key can see (or those given with
--pool), every data model in them with \`reload: full\` and its table count as a comment, the
connection from the environment (never the key), and the modeline for editors. Pools and models
go by name with the id as a comment (--by id: the other way round); one whose name is not unique
goes by id, with a comment saying why. Reads only; on a terminal a line shows its progress.

Flags:
      --pool NAME|ID    only this pool (by id, or by name as plan resolves names); repeatable
      --by name|id      how pools and models are written (default name)
  -o, --out FILE        where to write (default ./reload.config.yaml); - writes to stdout
      --force           replace the file if it exists (without it, init refuses before any request)
      --target NAME     write the connection as target NAME (default: true) under \`targets:\`;
                        also RELOADCTL_TARGET
  -h, --help            this help`,

  demo: `Usage: reloadctl demo [--format FORMAT] [--no-color]

Start the embedded Celonis simulator on a free loopback port and run plan, then apply
--auto-approve, of the bundled reload.config.yaml against it. What \`npm start\` runs.

Flags:
      --format FORMAT   auto (default), text, json, markdown
      --no-color        no colour
  -h, --help            this help`,
};
