// `reloadctl init`: read the tenant the environment points at and write a manifest of it. This
// file only wires: the reading and the writing are in init/, the proof that it validates is manifest/.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "../args.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { DEFAULT_MANIFEST } from "../manifest-source.js";
import { createCelonisClient } from "../../celonis/client.js";
import { resolveConnection } from "../../celonis/connection.js";
import { readTenant, type ReadProgress } from "../../init/read-tenant.js";
import { progressLine } from "../progress-line.js";
import { writeManifest } from "../../init/write-manifest.js";
import { parseManifest } from "../../manifest/parse-manifest.js";
import { ManifestError, UserError } from "../../shared/errors.js";
import { writeFileForUser } from "../../shared/replace-file.js";
import { VERSION } from "../../version.js";

export const INIT_OPTIONS = {
  help: { type: "boolean", short: "h" },
  pool: { type: "string", multiple: true },
  by: { type: "string" },
  out: { type: "string", short: "o" },
  force: { type: "boolean" },
  target: { type: "string" },
} as const;

const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function readingText(url: string, p: ReadProgress): string {
  const pools = `${p.poolsRead} of ${p.pools} ${p.pools === 1 ? "pool" : "pools"}`;
  return `reading ${url}: ${pools}, ${p.modelsRead} of ${p.modelsFound} data models…`;
}

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("init", args, INIT_OPTIONS);
  if (values.help) return io.stdout.write(`${HELP.init}\n`), 0;
  const by = values.by ?? "name";
  if (by !== "name" && by !== "id") throw new UserError(`--by must be name or id; got "${by}"`, "name: pools and models by name, the id as a comment (the default); id: the other way round");
  const out = values.out ?? DEFAULT_MANIFEST;
  const target = values.target ?? (io.env.RELOADCTL_TARGET?.trim() || null);
  if (target !== null && !TARGET_NAME.test(target)) {
    throw new UserError(`--target ${JSON.stringify(target)} is not a valid target name`, "use letters, digits, `.`, `_` and `-`, starting with a letter or digit, like dev or prod");
  }
  // Refuse before any request: nothing read is wasted.
  if (out !== "-" && !values.force && existsSync(resolve(io.cwd, out))) {
    throw new UserError(`${out} already exists; init does not overwrite it`, "pass --force to replace it, --out FILE to write another file, or --out - for stdout");
  }
  if (!io.env.CELONIS_URL?.trim()) {
    throw new UserError("init reads the tenant at CELONIS_URL, which is not set", "export CELONIS_URL=https://TEAM.REALM.celonis.cloud and the key in CELONIS_API_TOKEN");
  }
  const tokenEnv = "CELONIS_API_TOKEN";
  io.hints.tokenEnv = tokenEnv;
  const conn = resolveConnection(io.env, { url: null, keyType: "USER_KEY", tokenEnv });
  const client = createCelonisClient({ baseUrl: conn.baseUrl, key: conn.key, keyType: conn.keyType, userAgent: `reloadctl/${VERSION}` });
  const progress = progressLine(io, null, true);
  let pools;
  try {
    pools = await readTenant(client, {
      pools: values.pool ?? [],
      signal: io.interrupt,
      ...(io.stderr.isTTY ? { onProgress: (p: ReadProgress) => progress.update(readingText(conn.baseUrl, p)) } : {}),
    });
  } finally {
    progress.done();
    await client.close();
  }
  const models = pools.reduce((n, p) => n + p.models.length, 0);
  if (models === 0) {
    const where = values.pool ? `in the pools asked for (${values.pool.join(", ")})` : `at ${conn.baseUrl}`;
    throw new UserError(`the key sees no data models ${where}: a manifest needs at least one`, "check the key's permissions (Edit on the data pools), or the --pool given");
  }
  const text = writeManifest(pools, {
    by,
    connection: { url: conn.baseUrl, keyType: conn.keyType, tokenEnv },
    target,
    origin: `from ${conn.baseUrl} on ${new Date().toISOString().slice(0, 10)}`,
  });
  try {
    parseManifest(text, out === "-" ? "-" : out);
  } catch (err) {
    // init writes only what validates: anything else is a bug in init, not the user's doing.
    if (err instanceof ManifestError) throw new Error(`init wrote a manifest that does not validate: ${err.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join("; ")}`);
    throw err;
  }
  if (out === "-") {
    io.stdout.write(text);
    return 0;
  }
  await writeFileForUser(resolve(io.cwd, out), text, { hint: "give --out a file path in a directory that exists, or --out - for stdout" });
  const poolCount = pools.filter((p) => p.models.length > 0).length;
  io.stderr.write(
    `Wrote ${out}: ${poolCount} ${poolCount === 1 ? "pool" : "pools"}, ${models} data ${models === 1 ? "model" : "models"}, each \`reload: full\`.\n` +
      `Next: edit what to reload, then \`reloadctl validate${out === DEFAULT_MANIFEST ? "" : ` -c ${out}`}\` and \`reloadctl plan${out === DEFAULT_MANIFEST ? "" : ` -c ${out}`}\`.\n`,
  );
  return 0;
}
