// Preloaded with --import into a measured process: at its exit, writes its peak resident set
// (VmHWM, and resourceUsage().maxRSS) to the file named by BENCH_PEAK_FILE.
import { readFileSync, writeFileSync } from "node:fs";

const out = process.env.BENCH_PEAK_FILE;
if (out) {
  process.on("exit", () => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    writeFileSync(out, JSON.stringify({ vmHwmKb: hwm ? Number(hwm[1]) : null, maxRssKb: process.resourceUsage().maxRSS }));
  });
}
