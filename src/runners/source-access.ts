// Which files heapscope may open because a report names them. Positions come from the compiler, and a `//line`
// directive in analysed code can make it name any path: `//line /proc/self/environ:1` above a heap site, or a
// module's `.env` or `.git/config`. A report that embedded or served such a file would hand a CI runner's secrets
// to whoever can read the report (a pull request from a fork). So a file is read only when it is a Go source
// file that the go command listed for a package of this run (the analysed packages and their dependencies, which
// covers the standard library and the module cache), and only where its real path, after every symlink, is still
// in that package's directory. A position that fails stays in the report as the compiler gave it; only its text
// is not shown.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { isGoSourceFile, isRealFile } from '../model/paths.js';
import { diskPath, lossyKey } from './disk-names.js';

export interface SourceAccess {
  /** The real path of a file the report may show (a model path: relative to the root, or absolute), else null;
   *  bytes for a name that is not UTF-8 (runners/disk-names.ts). */
  path(file: string): string | Buffer | null;
  /** Its bytes, when it may be shown and is at most `max` bytes long. */
  read(file: string, max?: number): Buffer | null;
  /** For a name that lost bytes in the model (not UTF-8): the name's bytes on disk, in the model's form. */
  diskName(file: string): Buffer | null;
}

const SLASH = 0x2f;
const dirOf = (p: Buffer): Buffer => p.subarray(0, Math.max(p.lastIndexOf(SLASH), 1));
const realBytes = (p: string): Buffer | null => {
  const disk = diskPath(p);
  try {
    // The native realpath: the JavaScript one turns a Buffer into a string first and loses the bytes.
    return disk === null ? null : realpathSync.native(disk, { encoding: 'buffer' });
  } catch {
    return null;
  }
};

/**
 * @param root the module root model paths are relative to
 * @param listed the Go files the go command listed (absolute, as listedGoFiles keys them), each with its package's
 *   directory
 */
export function sourceAccess(root: string, listed: ReadonlyMap<string, string>): SourceAccess {
  const realDirs = new Map<string, Buffer | null>();
  const realDir = (dir: string): Buffer | null => {
    let r = realDirs.get(dir);
    if (r === undefined) realDirs.set(dir, (r = realBytes(dir)));
    return r;
  };
  const paths = new Map<string, string | Buffer | null>();
  const path = (file: string): string | Buffer | null => {
    let r = paths.get(file);
    if (r !== undefined) return r;
    r = null;
    if (isGoSourceFile(file)) {
      const abs = normalize(isAbsolute(file) ? file : join(root, file));
      const dir = listed.get(lossyKey(abs));
      const real = dir === undefined ? null : realBytes(abs);
      const inDir = dir === undefined ? null : realDir(dir);
      try {
        if (real && inDir && real.toString('latin1').endsWith('.go') && dirOf(real).equals(inDir) && statSync(real).isFile()) {
          const text = real.toString('utf8');
          r = Buffer.from(text).equals(real) ? text : real;
        }
      } catch {
        // gone since the listing: nothing to show
      }
    }
    paths.set(file, r);
    return r;
  };
  return {
    path,
    diskName(file) {
      if (!file.includes('\uFFFD') || !isRealFile(file)) return null;
      const d = diskPath(normalize(isAbsolute(file) ? file : join(root, file)));
      if (!(d instanceof Buffer)) return null;
      const prefix = Buffer.from(root.endsWith('/') ? root : `${root}/`);
      return isAbsolute(file) ? d : d.subarray(0, prefix.length).equals(prefix) ? d.subarray(prefix.length) : null;
    },
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
      out.set(lossyKey(normalize(join(p.Dir, f))), p.Dir);
  }
  return out;
}
