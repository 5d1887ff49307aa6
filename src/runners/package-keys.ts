// Content keys for packages, in the spirit of the go command's action IDs: a package's key hashes its own
// files' bytes, its build settings and the keys of the packages it imports, so a change anywhere below a
// package changes its key. Standard-library packages are keyed by the toolchain (version and GOROOT, in the
// common part) alone: a Go release's sources do not change, and hashing thousands of files would cost more
// than the replay heapscope saves.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GoListPackage } from '../parsers/go-list-json.js';

export interface KeyContext {
  /** Toolchain, environment and heapscope settings that change what the compiler prints. */
  common: string;
}

async function hashFiles(dir: string, files: string[]): Promise<string> {
  const h = createHash('sha256');
  const contents = await Promise.all(
    files.map(async (f) => {
      try {
        return await readFile(isAbsolute(f) ? f : join(dir, f));
      } catch {
        return Buffer.from('\0missing');
      }
    }),
  );
  files.forEach((f, i) => {
    h.update(f + '\0');
    h.update(createHash('sha256').update(contents[i]!).digest());
  });
  return h.digest('hex');
}

export async function computeKeys(pkgs: GoListPackage[], ctx: KeyContext): Promise<Map<string, string>> {
  // Hash every file first (in parallel), then chain the keys in dependency order (go list -deps prints
  // dependencies before their importers).
  const fileHashes = new Map<string, Promise<string>>();
  for (const p of pkgs) {
    if (p.Standard) continue;
    const files = [...(p.GoFiles ?? []), ...(p.CgoFiles ?? []), ...(p.CFiles ?? []), ...(p.HFiles ?? []), ...(p.SFiles ?? [])]
      .filter((f) => !f.includes('go-build')) // generated testmain lives in the go build cache
      .sort();
    fileHashes.set(p.ImportPath, hashFiles(p.Dir ?? '', files));
  }
  // Dependencies first, whatever order go list printed them in (test variants can come after their importers).
  const byPath = new Map(pkgs.map((p) => [p.ImportPath, p]));
  const keys = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const [k, v] of fileHashes) hashes.set(k, await v);
  const visiting = new Set<string>();
  const keyOf = (path: string): string => {
    const done = keys.get(path);
    if (done) return done;
    const p = byPath.get(path);
    if (!p || visiting.has(path)) return '?';
    visiting.add(path);
    const h = createHash('sha256');
    h.update(ctx.common + '\0' + p.ImportPath + '\0' + (p.Dir ?? '') + '\0' + (p.Module?.GoVersion ?? '') + '\0');
    h.update((p.CgoCFLAGS ?? []).join(' ') + '\0' + (p.CgoLDFLAGS ?? []).join(' ') + '\0');
    h.update(hashes.get(p.ImportPath) ?? 'std');
    for (const imp of [...(p.Imports ?? [])].sort()) h.update('\0' + imp + '=' + keyOf(imp));
    visiting.delete(path);
    const key = h.digest('hex');
    keys.set(path, key);
    return key;
  };
  for (const p of pkgs) keyOf(p.ImportPath);
  return keys;
}
