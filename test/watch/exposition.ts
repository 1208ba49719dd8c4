// Reading watch's /metrics text in tests: through a Prometheus text-format parser (so the text
// must parse), and through `promtool check metrics` where Prometheus's own tool is installed.
import { spawnSync } from "node:child_process";
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";

export const HAS_PROMTOOL = spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;

/** promtool's complaints about the text ("" when it passes). */
export function promtoolProblems(text: string): string {
  const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  return r.status === 0 ? "" : `${r.stdout}${r.stderr}` || `promtool exited ${r.status}`;
}

export interface Sample {
  labels: Record<string, string>;
  value: number;
  count?: number;
  sum?: number;
}

export class Exposition {
  readonly families: Map<string, ParsedFamily>;
  constructor(readonly text: string) {
    this.families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
  }

  type(name: string): string | undefined {
    return this.families.get(name)?.type;
  }

  /** The sample of `name` whose labels include `labels`; undefined when there is none. */
  sample(name: string, labels: Record<string, string> = {}): Sample | undefined {
    const family = this.families.get(name);
    if (family?.type === "HISTOGRAM") return this.histogram(name, labels);
    const s = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    if (!s) return undefined;
    return {
      labels: s.labels ?? {},
      value: Number(s.value ?? NaN),
      ...(s.count !== undefined ? { count: Number(s.count) } : {}),
      ...(s.sum !== undefined ? { sum: Number(s.sum) } : {}),
    };
  }

  /**
   * The parser folds a histogram's series into one (it keeps labels only for unlabelled ones), so a
   * labelled histogram's count and sum are read from their own lines.
   */
  private histogram(name: string, labels: Record<string, string>): Sample | undefined {
    const read = (suffix: string) => {
      for (const line of this.text.split("\n")) {
        const m = new RegExp(`^${name}_${suffix}(?:\\{(.*)\\})? (\\S+)$`).exec(line);
        if (!m) continue;
        const got = Object.fromEntries([...(m[1] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
        if (Object.entries(labels).every(([k, v]) => got[k] === v)) return { got, value: Number(m[2]) };
      }
      return undefined;
    };
    const count = read("count");
    const sum = read("sum");
    if (!count || !sum) return undefined;
    return { labels: count.got, value: count.value, count: count.value, sum: sum.value };
  }

  value(name: string, labels: Record<string, string> = {}): number | undefined {
    return this.sample(name, labels)?.value;
  }
}
