// Where to connect and with which key, from the environment and the manifest (spec: Connection).
// Messages name variables, never their values.
import { UserError } from "../shared/errors.js";
import { isLoopbackHost } from "../shared/loopback.js";
import { isPlausibleEnvName } from "../shared/env-name.js";

export type KeyType = "USER_KEY" | "APP_KEY";

export interface ConnectionSettings {
  url: string | null;
  keyType: KeyType;
  tokenEnv: string;
}

export interface Connection {
  /** Normalised: scheme, host, optional path, no trailing slash. */
  baseUrl: string;
  key: string;
  keyType: KeyType;
  tokenEnv: string;
}

const KEY_TYPES: readonly KeyType[] = ["USER_KEY", "APP_KEY"];

export function resolveConnection(env: NodeJS.ProcessEnv, manifest: ConnectionSettings): Connection {
  const fromEnv = nonEmpty(env.CELONIS_URL);
  const rawUrl = fromEnv ?? nonEmpty(manifest.url ?? undefined);
  if (rawUrl === null) {
    throw new UserError(
      "No Celonis URL: CELONIS_URL is not set and the manifest has no connection.url.",
      "Set CELONIS_URL=https://TEAM.REALM.celonis.cloud, or connection.url in the manifest.",
    );
  }
  const baseUrl = normaliseBaseUrl(rawUrl, fromEnv !== null ? "CELONIS_URL" : "connection.url");
  return { baseUrl, key: resolveKey(env, manifest.tokenEnv), keyType: resolveKeyType(env, manifest.keyType), tokenEnv: manifest.tokenEnv };
}

export function authorizationHeader(keyType: KeyType, key: string): string {
  return keyType === "APP_KEY" ? `AppKey ${key}` : `Bearer ${key}`;
}

export { isLoopbackHost };

function normaliseBaseUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${source} is not a valid URL.`, "Expected something like https://acme.eu-1.celonis.cloud");
  }
  if (url.username !== "" || url.password !== "") {
    throw new UserError(`${source} must not contain credentials.`, "The key goes in the environment variable named by connection.tokenEnv.");
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UserError(`${source} must be an https:// URL, not ${url.protocol}//.`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new UserError(
      `${source} uses plain http:// to ${shown}: refused, the key would cross the network unencrypted.`,
      "Use https://. Plain http:// is allowed only to localhost, 127.0.0.0/8 and [::1].",
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new UserError(`${source} must not have a query or fragment (${shown}…).`);
  }
  // A page of the web app (…/integration/ui/pools) pasted from the browser: the client adds
  // /integration/api/… itself, so every request would miss. A plain prefix (a proxy) is kept.
  if (/^\/integration(\/|$)/i.test(url.pathname)) {
    throw new UserError(
      `${source} has the path of a page or API route (${url.pathname}): set it to the team's address only, ${url.origin}.`,
      `reloadctl adds /integration/api/… itself. Use ${source === "CELONIS_URL" ? `CELONIS_URL=${url.origin}` : `url: ${url.origin}`}`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

// Anything outside visible ASCII cannot go in a header, and fetch would quote it in its error.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function resolveKey(env: NodeJS.ProcessEnv, tokenEnv: string): string {
  if (!isPlausibleEnvName(tokenEnv)) {
    // It may be the key itself, pasted in the wrong place: never repeat it.
    throw new UserError("connection.tokenEnv does not look like the name of an environment variable (it may be a key).", "Put the variable's name there, like CELONIS_API_TOKEN, and the key in that variable.");
  }
  const key = nonEmpty(env[tokenEnv]);
  if (key === null) {
    throw new UserError(
      `No API key: the environment variable ${tokenEnv} is not set.`,
      `Export your Celonis API key as ${tokenEnv} (an application key also needs CELONIS_KEY_TYPE=APP_KEY).`,
    );
  }
  if (!HEADER_SAFE.test(key)) {
    throw new UserError(`The API key in ${tokenEnv} contains spaces or characters not allowed in an HTTP header.`);
  }
  return key;
}

function resolveKeyType(env: NodeJS.ProcessEnv, fallback: KeyType): KeyType {
  const raw = nonEmpty(env.CELONIS_KEY_TYPE);
  if (raw === null) return fallback;
  const upper = raw.toUpperCase();
  if ((KEY_TYPES as readonly string[]).includes(upper)) return upper as KeyType;
  const shown = raw.length <= 32 ? ` ${JSON.stringify(raw)}` : "";
  throw new UserError(`CELONIS_KEY_TYPE${shown} is not a key type.`, "Use USER_KEY (Authorization: Bearer) or APP_KEY (Authorization: AppKey).");
}

function nonEmpty(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}
