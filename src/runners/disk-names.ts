// File names that are not UTF-8. A local module may hold one (`caf\xe9.go`; module zips forbid them, the go
// command compiles them); go list's JSON and the compiler's text reach heapscope with each bad byte replaced by
// U+FFFD (Go's encoding/json per byte, Node's decoder per maximal bad sequence), so the name in the model cannot
// be opened as it is. The file on disk is found by decoding the directory's own names the same way.

import { readdirSync, statSync } from 'node:fs';

const REPLACEMENT = /\uFFFD+/g;

/** A decoded name with each run of replacement characters as one, so Go's and Node's decodings compare equal. */
export function lossyKey(name: string): string {
  return name.replace(REPLACEMENT, '\uFFFD');
}

/**
 * The path on disk that an absolute path names: the path itself when it exists, else (when it holds U+FFFD)
 * the one entry per such segment whose name decodes to it, as bytes. Null when none or more than one matches.
 */
export function diskPath(abs: string): string | Buffer | null {
  if (existing(abs)) return abs;
  if (!abs.includes('\uFFFD') || !abs.startsWith('/')) return null;
  let at = Buffer.from('/');
  for (const seg of abs.split('/').filter((s) => s !== '')) {
    const dir = at;
    let name: Buffer;
    if (!seg.includes('\uFFFD')) name = Buffer.from(seg);
    else {
      let entries: Buffer[];
      try {
        entries = readdirSync(dir, { encoding: 'buffer' });
      } catch {
        return null;
      }
      const want = lossyKey(seg);
      const found = entries.filter((e) => lossyKey(e.toString('utf8')) === want);
      if (found.length !== 1) return null;
      name = found[0]!;
    }
    at = Buffer.concat([dir, dir.length > 1 ? Buffer.from('/') : Buffer.alloc(0), name]);
  }
  return existing(at) ? at : null;
}

function existing(p: string | Buffer): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
