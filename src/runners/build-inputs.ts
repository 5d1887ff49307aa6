// What changes the compiler's decisions besides the packages' own files, the toolchain and the flags heapscope
// passes: a PGO profile (inlining follows it), an overlay (it replaces files the go command reads), and the
// environment of the cgo tool. Their contents go into every cache key, so editing one is never a stale replay.
// See `go help build` (-pgo, -overlay) and `go help environment`.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GoListPackage } from '../parsers/go-list-json.js';

/** Variables that change what cgo generates, or how the go command builds, beyond what `go env` reports. */
const ENV = ['CC', 'CXX', 'CGO_CFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS', 'CGO_FFLAGS', 'CGO_LDFLAGS', 'GOFIPS140', 'PKG_CONFIG'];

/** The value of a go command flag in GOFLAGS (`-pgo=x`, `--pgo=x`); the last one wins, as in the go command. */
export function goflag(goflags: string, name: string): string | null {
  let value: string | null = null;
  for (const f of goflags.split(/\s+/)) {
    const m = /^--?([\w.]+)=(.*)$/.exec(f);
    if (m && m[1] === name) value = m[2]!;
  }
  return value;
}

async function contents(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    return Buffer.from('\0missing');
  }
}

/**
 * A hash of the build's other inputs. `targets` are the packages named on the command line: under -pgo=auto (the
 * default) each main package among them applies its directory's default.pgo to everything it imports.
 */
export async function buildInputsKey(goflags: string, targets: GoListPackage[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const h = createHash('sha256');
  const file = async (label: string, p: string): Promise<void> => {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    h.update(`${label}\0${abs}\0`);
    h.update(
      createHash('sha256')
        .update(await contents(abs))
        .digest(),
    );
  };
  for (const k of ENV) h.update(`${k}=${env[k] ?? ''}\0`);
  const pgo = goflag(goflags, 'pgo') ?? 'auto';
  if (pgo === 'auto') {
    const mains = targets.filter((p) => p.Name === 'main' && p.Dir).map((p) => join(p.Dir!, 'default.pgo'));
    for (const p of [...new Set(mains)].sort()) await file('pgo', p);
  } else if (pgo !== 'off' && pgo !== '') await file('pgo', pgo);
  const overlay = goflag(goflags, 'overlay');
  if (overlay) {
    await file('overlay', overlay);
    // The overlay names the files that replace the module's; their contents count, not only its own.
    let replace: unknown = null;
    try {
      replace = (JSON.parse((await contents(isAbsolute(overlay) ? overlay : join(cwd, overlay))).toString('utf8')) as { Replace?: unknown })
        .Replace;
    } catch {
      // the go command will say what is wrong with it
    }
    if (replace && typeof replace === 'object') {
      for (const [from, to] of Object.entries(replace as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (typeof to === 'string' && to !== '') await file(`replace ${from}`, to);
        else h.update(`delete ${from}\0`);
      }
    }
  }
  return h.digest('hex');
}
