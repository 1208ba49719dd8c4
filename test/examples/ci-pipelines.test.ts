// The example pipelines in examples/ci/ are what users copy: each must be a valid GitHub workflow
// or GitLab CI file (against the vendored JSON Schemas), and each reloadctl command in them must
// be accepted by the CLI's own argument parser, with values its flags accept.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/cli/args.js";
import { PLAN_OPTIONS } from "../../src/cli/commands/plan.js";
import { APPLY_OPTIONS } from "../../src/cli/commands/apply.js";
import { STATUS_OPTIONS } from "../../src/cli/commands/status.js";
import { VALIDATE_OPTIONS } from "../../src/cli/commands/validate.js";
import { resolveFormat } from "../../src/cli/output.js";
import { parseShard } from "../../src/plan/shard.js";
import { compileSelector } from "../../src/plan/select.js";
import type { Io } from "../../src/cli/io.js";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples", "ci");
const SCHEMAS = join(ROOT, "test", "fixtures", "ci-schemas");

const github = readdirSync(join(EXAMPLES, "github")).filter((f) => f.endsWith(".yml")).map((f) => join(EXAMPLES, "github", f));
const gitlab = [join(EXAMPLES, "gitlab", ".gitlab-ci.yml")];
const load = (path: string) => parseYaml(readFileSync(path, "utf8")) as Record<string, unknown>;

function validator(schemaFile: string) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, schemaFile), "utf8")));
}

/** Every shell line of the pipeline: GitHub steps' `run`, GitLab jobs' script and before_script. */
function shellLines(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null) => {
    if (typeof v === "string" && (key === "run" || key === "script" || key === "before_script")) out.push(...v.split(/\n(?<!\\\n)/));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key === "script" || key === "before_script" ? key : null));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(doc, null);
  return out.map((l) => l.replace(/\\\n/g, " "));
}

/** The words after `reloadctl` up to a shell operator; CI expressions and variables get a sample value. */
function reloadctlCommands(lines: string[]): string[][] {
  const commands: string[][] = [];
  for (const line of lines) {
    // Invocations only (npx reloadctl …, or reloadctl first on the line), not the words in a message.
    const m = /(?:\bnpx\s+(?:--no-install\s+)?|^\s*)reloadctl\s/.exec(line);
    if (!m) continue;
    const text = line.slice(m.index + m[0].length).replace(/\$\{\{[^}]*\}\}/g, "1").replace(/\$\{?\w+\}?/g, "x");
    const words: string[] = [];
    for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
      const word = m[1] ?? m[2] ?? m[3]!;
      if (m[3] !== undefined && /^(>|>>|\||\|\||&&|;|2>.*|<)$/.test(word)) break;
      words.push(word);
    }
    commands.push(words);
  }
  return commands;
}

const OPTIONS = { plan: PLAN_OPTIONS, apply: APPLY_OPTIONS, status: STATUS_OPTIONS, validate: VALIDATE_OPTIONS } as const;
const noTerminal = { stdout: { isTTY: false }, stdin: { isTTY: false }, env: { CI: "true" } } as unknown as Io;

function checkCommand(words: string[]): void {
  const [command, ...args] = words;
  expect(Object.keys(OPTIONS), `reloadctl ${words.join(" ")}`).toContain(command);
  const { values } = parse(command!, args, OPTIONS[command as keyof typeof OPTIONS], command === "apply" ? 1 : 0) as { values: Record<string, unknown> };
  resolveFormat(values as { format?: string; json?: boolean }, noTerminal);
  if (typeof values.shard === "string") parseShard(values.shard);
  const results = { file: "r.json", byAddress: new Map() };
  for (const s of [...((values.select as string[] | undefined) ?? []), ...((values.exclude as string[] | undefined) ?? [])]) compileSelector(s, results);
  if (command === "apply" && values["auto-approve"] === undefined) expect(args[0], "apply without --auto-approve applies a saved plan").toMatch(/\.json$/);
}

describe("example pipelines", () => {
  it.each(github.map((f) => [f.slice(ROOT.length + 1), f]))("%s is a valid GitHub workflow", (_, file) => {
    const validate = validator("github-workflow.json");
    expect(validate(load(file)), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
  });

  it("examples/ci/gitlab/.gitlab-ci.yml is valid GitLab CI", () => {
    const validate = validator("gitlab-ci.json");
    expect(validate(load(gitlab[0]!)), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
  });

  it("the schemas catch a broken pipeline (the checks are not vacuous)", () => {
    expect(validator("github-workflow.json")({ on: "push", jobs: { a: { "runs-on": "ubuntu-latest", stepz: [] } } })).toBe(false);
    expect(validator("gitlab-ci.json")({ job: { script: "x", artifacts: { reports: { junitt: "j.xml" } } } })).toBe(false);
  });

  it.each([...github, ...gitlab].map((f) => [f.slice(ROOT.length + 1), f]))("every reloadctl command in %s is accepted by the CLI's parser", (_, file) => {
    const commands = reloadctlCommands(shellLines(load(file)));
    expect(commands.length).toBeGreaterThan(0);
    for (const words of commands) checkCommand(words);
  });

  it("the command check refuses what the CLI refuses", () => {
    expect(() => checkCommand(["apply", "--auto-approve", "--shard", "4/3"])).toThrow("--shard must be K/N");
    expect(() => checkCommand(["plan", "--junit", "j.xml"])).toThrow("unknown flag --junit");
    expect(() => checkCommand(["apply", "--auto-approve", "--select", "result:broken"])).toThrow('names no result');
    expect(reloadctlCommands(["npx reloadctl plan --out plan.json --format markdown > plan.md"])).toEqual([["plan", "--out", "plan.json", "--format", "markdown"]]);
  });

  it("keeps the write key off pull requests: only the plan step of the PR workflow has a key, and a read-only one", () => {
    const pr = load(join(EXAMPLES, "github", "reload-plan.yml")) as { jobs: Record<string, { steps: { env?: Record<string, string>; run?: string }[] }>; permissions: unknown };
    expect(pr.permissions).toEqual({ contents: "read" });
    const withKey = Object.values(pr.jobs).flatMap((j) => j.steps).filter((s) => JSON.stringify(s).includes("secrets."));
    expect(withKey).toHaveLength(1);
    expect(withKey[0]!.env).toMatchObject({ CELONIS_API_TOKEN: "${{ secrets.CELONIS_READ_TOKEN }}" });
    expect(withKey[0]!.run).toContain("reloadctl plan");
  });

  it("applies on merge only the plan this run made, behind an environment, one run at a time", () => {
    const wf = load(join(EXAMPLES, "github", "reload-apply.yml")) as { concurrency: unknown; jobs: { apply: { needs: string; environment: string; steps: { uses?: string; run?: string }[] } } };
    expect(wf.concurrency).toEqual({ group: "reloadctl-tenant", "cancel-in-progress": false });
    expect(wf.jobs.apply.needs).toBe("plan");
    expect(wf.jobs.apply.environment).toBe("celonis-production");
    expect(wf.jobs.apply.steps.some((s) => s.uses?.startsWith("actions/download-artifact@"))).toBe(true);
    expect(wf.jobs.apply.steps.find((s) => s.run?.includes("reloadctl apply"))!.run).toMatch(/reloadctl apply plan\.json /);
  });
});
