// What heapscope serve accepts. It listens on loopback, but a page of any web site the user has open can still
// send requests to it: by DNS rebinding (a name of the attacker's that resolves to 127.0.0.1, so the Host header
// is that name) or by a cross-origin request (the Origin header is the other site). Both are refused. Which files it
// serves is runners/source-access.ts's decision.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host header of a request meant for this server: a loopback name with this server's port. */
export function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_NAMES.some((n) => host.toLowerCase() === `${n}:${port}`);
}

/** No Origin (a same-origin GET, curl) or this server's own origin. */
export function allowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((n) => origin.toLowerCase() === `http://${n}:${port}`);
}
