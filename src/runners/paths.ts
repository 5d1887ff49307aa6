// Turns the file names the Go tools print into the model's: relative to the module root with / separators,
// absolute outside it.
//
// The compiler names every file by its absolute path; the go command then rewrites each package directory and
// its parents to a shorter path relative to the directory it runs in (cmd/go/internal/work/shell.go, reportCmd:
// "./x.go", "buffer/pool.go", "../other/y.go"), and stores that text in its build cache. A cache hit replays the
// text unchanged, so a relative name is relative to the directory of the command that FIRST compiled the
// package, which need not be this one. Each package block is resolved on its own: the package's own files
// (known from go list) show which directory its relative names start from; any other relative name (code of
// another package inlined or instantiated here) is resolved against that same directory, never by its base
// name. A name that names no existing file (a //line directive's name, a cgo file trimmed from $WORK) is kept as
// printed. The -S listing and memory profiles print absolute paths, which need only toModel.

import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { pathKind } from '../model/paths.js';
import { diskPath } from './disk-names.js';

export class ModulePaths {
  /**
   * @param root absolute path of the module root (positions are made relative to it)
   * @param cwd the directory heapscope runs the go command in
   */
  constructor(
    readonly root: string,
    readonly cwd: string,
  ) {}

  /** An absolute path in the model's form. */
  toModel(abs: string): string {
    const rel = relative(this.root, abs);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return sep === '/' ? rel : rel.split(sep).join('/');
    return abs;
  }

  /** A printed path that is absolute, or synthetic, in the model's form (relative paths are resolved as for this cwd). */
  printed(p: string): string {
    if (pathKind(p) === 'synthetic' || p === '') return p;
    return this.toModel(isAbsolute(p) ? p : resolve(this.cwd, p));
  }

  /** The file a model path names, or undefined for synthetic positions. */
  absolute(model: string): string | undefined {
    const k = pathKind(model);
    if (k === 'external') return model;
    if (k === 'module') return join(this.root, model);
    return undefined;
  }

  /**
   * Resolves the names printed in one package block of the go command's output.
   * @param ownFiles absolute paths of the package's own source files
   */
  resolveBlock(printed: readonly string[], ownFiles: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    const relNames: string[] = [];
    for (const p of printed) {
      const k = pathKind(p);
      if (k === 'none' || k === 'synthetic') out.set(p, p);
      else if (isAbsolute(p)) out.set(p, this.toModel(p));
      else relNames.push(p);
    }
    if (relNames.length === 0) return out;
    const anchor = findAnchor(relNames, ownFiles, this.cwd);
    for (const p of relNames) {
      const abs = anchor ? fromAnchor(anchor, p) : resolve(this.cwd, p);
      out.set(p, abs !== null && exists(abs) ? this.toModel(abs) : p);
    }
    return out;
  }
}

/** The directory relative names start from, as `ups` unknown levels below `base` (0 when known exactly). */
interface Anchor {
  base: string;
  ups: number;
}

function split(p: string): { ups: number; rest: string[] } {
  const segs = posix.normalize(p.split(sep).join('/')).split('/');
  let ups = 0;
  while (segs[ups] === '..') ups++;
  return { ups, rest: segs.slice(ups).filter((s) => s !== '.' && s !== '') };
}

/** What an own file's printed name says about the directory it was printed relative to. */
function anchorFrom(p: string, own: string): Anchor | null {
  const { ups, rest } = split(p);
  const ownSegs = own.split(sep);
  if (rest.length === 0 || rest.length >= ownSegs.length) return null;
  for (let i = 1; i <= rest.length; i++) if (ownSegs[ownSegs.length - i] !== rest[rest.length - i]) return null;
  return { base: ownSegs.slice(0, ownSegs.length - rest.length).join(sep) || sep, ups };
}

function parent(dir: string, levels: number): string {
  let d = dir;
  for (let i = 0; i < levels; i++) d = resolve(d, '..');
  return d;
}

/**
 * The directory a block's relative names were printed from: this command's directory when every own file
 * agrees with it (the common case), else the one most own files point to. Null when no own file is named
 * relatively (then this directory is the best guess).
 */
function findAnchor(names: readonly string[], ownFiles: readonly string[], cwd: string): Anchor | null {
  const byBase = new Map<string, string[]>();
  for (const f of ownFiles) {
    const b = f.slice(f.lastIndexOf(sep) + 1);
    const l = byBase.get(b);
    if (l) l.push(f);
    else byBase.set(b, [f]);
  }
  const votes = new Map<string, { anchor: Anchor; n: number }>();
  let agreesWithCwd = 0;
  for (const p of names) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    for (const own of byBase.get(base) ?? []) {
      const a = anchorFrom(p, own);
      if (!a) continue;
      if (parent(cwd, a.ups) === a.base) agreesWithCwd++;
      const k = `${a.ups}\0${a.base}`;
      const v = votes.get(k);
      if (v) v.n++;
      else votes.set(k, { anchor: a, n: 1 });
    }
  }
  if (votes.size === 0) return null;
  let best: { anchor: Anchor; n: number } | null = null;
  for (const v of votes.values()) if (!best || v.n > best.n) best = v;
  if (agreesWithCwd >= best!.n) return { base: cwd, ups: 0 };
  return best!.anchor;
}

function fromAnchor(a: Anchor, p: string): string | null {
  const { ups, rest } = split(p);
  if (ups < a.ups) return null; // it names something below the part of the directory the block does not reveal
  return join(parent(a.base, ups - a.ups), ...rest);
}

function exists(abs: string): boolean {
  // The name as printed first; only a name that lost bytes (U+FFFD) is looked for among its directory's entries.
  const p = abs.includes('\uFFFD') ? diskPath(abs) : abs;
  if (p === null) return false;
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * abs as a path under dir, when it names a file there by another path (through a symlink, or dir is reached
 * through one): the go command, run in dir, names the module's files by dir's path, and so does the model.
 */
export function underDir(dir: string, abs: string): string {
  const rel = relative(dir, abs);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return abs;
  try {
    const real = relative(realpathSync(dir), realpathSync(abs));
    if (!real.startsWith('..') && !isAbsolute(real)) return join(dir, real);
  } catch {
    // a file that does not exist is reported where it is checked
  }
  return abs;
}
