// The only hosts plain http:// may go to: the key must never cross a network unencrypted.
import { isIPv4 } from "node:net";

/** True for `localhost`, 127.0.0.0/8 and ::1: the only hosts plain http is allowed to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost") return true;
  if (host === "[::1]" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}
