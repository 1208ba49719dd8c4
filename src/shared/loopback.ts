// The only hosts plain http:// may go to: the key must never cross a network unencrypted.
// (A regular expression, not node:net: validate's start-up should not load the network stack.)

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * True for `localhost`, 127.0.0.0/8 and ::1: the only hosts plain http is allowed to. Exactly
 * those: `localhost.` (a fully qualified name) is left to a resolver, so it is not one of them;
 * `localhost` itself is connected to 127.0.0.1 without asking one (celonis/dispatcher.ts).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost") return true;
  if (host === "[::1]" || host === "::1") return true;
  const m = IPV4_LOOPBACK.exec(host);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255 && (octet === "0" || !octet.startsWith("0")));
}
