// Running the built CLI as a user would: a child process with a clean environment.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI = fileURLToPath(new URL("../bin/reloadctl.js", import.meta.url));

export function cleanEnv(extra = {}) {
  return { PATH: process.env.PATH, HOME: process.env.HOME, CI: "true", NO_COLOR: "1", ...extra };
}

/** Runs `node ...args` to its end, synchronously; stdout is discarded. */
export function runNode(args, env = cleanEnv()) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  return { code: r.status, stderr: r.stderr ?? "" };
}

/** The same, without blocking the event loop (when the simulator runs in this process). */
export function runNodeAsync(args, env = cleanEnv()) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
