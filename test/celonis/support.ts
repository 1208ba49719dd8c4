// Shared set-up for the msw tests: one server for the file, a client wired to msw's fetch and a
// fake clock, and the documented paths.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCelonisClient, type CelonisClient, type ClientOptions, type RetryInfo } from "../../src/celonis/client.js";
import { FakeClock } from "./fake-clock.js";

export const BASE = "https://acme.eu-1.celonis.cloud";
export const KEY = "sk-TOP-SECRET-0123456789";
export const REF = { poolId: "pool-1", modelId: "model-1" };
export const MODEL_PATH = `${BASE}/integration/api/v1/data-pools/pool-1/data-models/model-1`;

export function useMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export interface TestClient {
  client: CelonisClient;
  clock: FakeClock;
  retries: RetryInfo[];
}

export function makeClient(overrides: Partial<ClientOptions> & { clock?: FakeClock } = {}): TestClient {
  const { clock = new FakeClock(), ...rest } = overrides;
  const retries: RetryInfo[] = [];
  const client = createCelonisClient({
    baseUrl: BASE,
    key: KEY,
    keyType: "USER_KEY",
    fetch: globalThis.fetch,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    onRetry: (info) => retries.push(info),
    ...rest,
  });
  return { client, clock, retries };
}

/** Resolves once the condition holds, checking after each turn of the event loop (no timers). */
export async function until(condition: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (condition()) return;
    await new Promise<void>((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

/** The rejection of a promise that must reject. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection, got a value");
}
