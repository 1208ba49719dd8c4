// examples/deploy stays true: the Kubernetes manifest runs one loop that is never doubled, takes the
// key from a Secret, probes the endpoints watch serves, passes flags watch accepts, and carries a
// manifest watch takes; the image runs as a non-root user with production dependencies only.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parse } from "../../src/cli/args.js";
import { WATCH_OPTIONS } from "../../src/cli/commands/watch.js";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { parseDuration } from "../../src/shared/duration.js";
import { checkForWatch } from "../../src/watch/watch-rules.js";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const read = (name: string) => readFileSync(join(ROOT, "examples", "deploy", name), "utf8");

describe("examples/deploy", () => {
  const docs = parseAllDocuments(read("kubernetes.yaml")).map((d) => d.toJS() as Record<string, any>);
  const byKind = (kind: string) => docs.find((d) => d.kind === kind)!;

  it("runs exactly one loop, replaced by Recreate, with the key from a Secret and probes on /healthz and /readyz", () => {
    const deployment = byKind("Deployment");
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: "Recreate" });
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.env.find((e: any) => e.name === "CELONIS_API_TOKEN").valueFrom.secretKeyRef).toBeDefined();
    expect(JSON.stringify(docs)).not.toMatch(/CELONIS_API_TOKEN[^}]*"value"/);
    expect(container.livenessProbe.httpGet.path).toBe("/healthz");
    expect(container.readinessProbe.httpGet.path).toBe("/readyz");
    expect(deployment.spec.template.metadata.annotations["prometheus.io/scrape"]).toBe("true");
    expect(pod.securityContext.runAsNonRoot).toBe(true);

    const [command, ...flags] = container.args as string[];
    expect(command).toBe("watch");
    const { values } = parse("watch", flags, WATCH_OPTIONS);
    expect(values.listen).toBe("0.0.0.0:9464");
    // The pod outlives watch's grace period, so loads in flight are verified before it is killed.
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(parseDuration(values.grace!)!);
  });

  it("ships a manifest that watch takes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "reloadctl-deploy-"));
    writeFileSync(join(dir, "reload.config.yaml"), byKind("ConfigMap").data["reload.config.yaml"]);
    const manifest = await loadManifest("reload.config.yaml", { cwd: dir });
    expect(checkForWatch(manifest, { select: [], exclude: [] }).length).toBeGreaterThan(0);
  });

  it("builds an image that runs as a non-root user with production dependencies only, and a systemd unit that waits out the grace", () => {
    const docker = read("Dockerfile");
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/npm ci --omit=dev/);
    const unit = read("reloadctl-watch.service");
    expect(unit).toMatch(/^ExecStart=.* watch .*--grace 10m/m);
    expect(unit).toMatch(/^TimeoutStopSec=11min$/m);
    expect(unit).toMatch(/^DynamicUser=yes$/m);
    expect(read("servicemonitor.yaml")).toContain("kind: ServiceMonitor");
  });
});
