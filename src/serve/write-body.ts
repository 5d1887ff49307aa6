// A response body written a slice at a time, each when the connection has taken the one before. The slices are
// views of the one Buffer every request shares (the data of a large module is megabytes): a reader that does not
// read holds one slice's worth of the server's memory, not a copy of the whole body. Made per request and written
// whole, each body waited in the server for as long as its reader did: 300 readers of 5 MB took it to 2.9 GB.

import type { ServerResponse } from 'node:http';

const SLICE = 64 * 1024;

/**
 * How long a connection may take nothing before it is cut. A page reads its data at once; a reader that stops for
 * this long holds the body (perhaps of an analysis since replaced) for nothing.
 */
const STALL_MS = 60_000;

/** Writes `body` and ends the response; the headers, Content-Length included, are written already. */
export function writeBody(res: ServerResponse, body: Buffer): void {
  let at = 0;
  let stall: NodeJS.Timeout | undefined;
  const more = (): void => {
    clearTimeout(stall);
    while (at < body.length && !res.destroyed) {
      const slice = body.subarray(at, at + SLICE);
      at += slice.length;
      if (!res.write(slice)) {
        // A reset, not a close: the kernel drops what the reader never took (up to 4 MB a socket) at once.
        stall = setTimeout(() => (res.socket ? res.socket.resetAndDestroy() : res.destroy()), STALL_MS);
        res.once('drain', more);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.once('close', () => clearTimeout(stall));
  more();
}
