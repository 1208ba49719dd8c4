// Starts the simulator in a worker thread and talks to it by messages.
import { Worker } from "node:worker_threads";

/** @returns {Promise<{ url: string, key: string, stats(): Promise<any>, resetStats(): Promise<void>, setGlobal(g: object): Promise<void>, close(): Promise<void> }>} */
export async function startSimWorker(options) {
  const worker = new Worker(new URL("./sim-worker.js", import.meta.url), { workerData: options });
  const pending = new Map();
  let next = 0;
  const ready = await new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m) => resolve(m.ready));
  });
  worker.on("message", ({ id, value, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (error) p?.reject(new Error(error));
    else p?.resolve(value);
  });
  const call = (op, arg) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, arg });
    });
  return {
    url: ready.url,
    key: ready.key,
    stats: () => call("stats"),
    resetStats: () => call("resetStats"),
    setGlobal: (g) => call("setGlobal", g),
    close: async () => {
      await call("close");
      await worker.terminate();
    },
  };
}
