// Which files heapscope may open because a report names them. Positions come from the compiler, and a `//line`
// directive in analysed code can make it name any path: `//line /proc/self/environ:1` above a heap site, or a
// module's `.env` or `.git/config`. A report that embedded or served such a file would hand a CI runner's secrets
// to whoever can read the report (a pull request from a fork). So a file is read only when it is a Go source
// file that the go command listed for a package of this run (the analysed packages and their dependencies, which
// covers the standard library and the module cache), and only where its real path, after every symlink, is still
// in that package's directory. A position that fails stays in the report as the compiler gave it; only its text
// is not shown.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { isGoSourceFile } from '../model/paths.js';

export interface SourceAccess {
  /** The real path of a file the report may show (a model path: relative to the root, or absolute), else null. */
  path(file: string): string | null;
  /** Its bytes, when it may be shown and is at most `max` bytes long. */
  read(file: string, max?: number): Buffer | null;
}

/**
 * @param root the module root model paths are relative to
 * @param listed the Go files the go command listed (absolute), each with its package's directory
 */
export function sourceAccess(root: string, listed: ReadonlyMap<string, string>): SourceAccess {
  const realDirs = new Map<string, string | null>();
  const realDir = (dir: string): string | null => {
    let r = realDirs.get(dir);
    if (r === undefined) {
      try {
        r = realpathSync(dir);
      } catch {
        r = null;
      }
      realDirs.set(dir, r);
    }
    return r;
  };
  const paths = new Map<string, string | null>();
  const path = (file: string): string | null => {
    let r = paths.get(file);
    if (r !== undefined) return r;
    r = null;
    if (isGoSourceFile(file)) {
      const abs = normalize(isAbsolute(file) ? file : join(root, file));
      const dir = listed.get(abs);
      if (dir !== undefined) {
        try {
          const real = realpathSync(abs);
          if (real.endsWith('.go') && dirname(real) === realDir(dir) && statSync(real).isFile()) r = real;
        } catch {
          // gone since the listing: nothing to show
        }
      }
    }
    paths.set(file, r);
    return r;
  };
  return {
    path,
    read(file, max = Infinity) {
      const p = path(file);
      if (!p) return null;
      try {
        const b = readFileSync(p);
        return b.length <= max ? b : null;
      } catch {
        return null;
      }
    },
  };
}

/** The compiled Go files of go list's packages, by absolute path, with their package's directory. */
export function listedGoFiles(
  packages: Iterable<{ Dir?: string; GoFiles?: string[]; CgoFiles?: string[]; TestGoFiles?: string[]; XTestGoFiles?: string[] }>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of packages) {
    if (!p.Dir) continue;
    for (const f of [...(p.GoFiles ?? []), ...(p.CgoFiles ?? []), ...(p.TestGoFiles ?? []), ...(p.XTestGoFiles ?? [])])
      out.set(normalize(join(p.Dir, f)), p.Dir);
  }
  return out;
}
