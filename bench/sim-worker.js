// The simulator in a worker thread, so it does not share the event loop (or the core) with the
// client being measured: the real service is on another machine.
import { parentPort, workerData } from "node:worker_threads";
import { setMaxListeners } from "node:events";
import { startSimulator } from "../dist/sim/server.js";

// Each delayed request listens on the simulator's one closing signal; hundreds may wait at once.
setMaxListeners(0);

const sim = await startSimulator(workerData);
parentPort.postMessage({ ready: { url: sim.url, key: sim.key } });
parentPort.on("message", async ({ id, op, arg }) => {
  try {
    let value;
    if (op === "stats") value = sim.stats();
    else if (op === "resetStats") value = sim.resetStats();
    else if (op === "setGlobal") value = sim.setGlobal(arg);
    else if (op === "close") value = await sim.close();
    else throw new Error(`unknown op ${op}`);
    parentPort.postMessage({ id, value });
    if (op === "close") parentPort.close();
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.stack ?? err) });
  }
});
