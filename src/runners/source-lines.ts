// Reads the source the join asks about: single lines (the few that hold a func literal), the result names of
// a function's declaration, and what a named type is (a map or slice literal prints as `Labels{...}`, as a struct
// literal does). Files are read once, on first use; an unreadable file yields undefined, never an error.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lineStarts, resultNames } from '../parsers/go-source.js';
import { parseGoDecls, type GoDecls, type TypeKind } from '../parsers/go-decls.js';
import type { FunctionInfo } from '../model/types.js';
import type { SourceAccess } from './source-access.js';

export interface SourceReader {
  line(file: string, line: number): string | undefined;
  resultNames(fn: FunctionInfo): readonly string[] | undefined;
  /** What the type `name` (`Labels`, `pkg.Labels`) named in `file` of package `pkg` is; undefined when its
   *  declaration is not found. */
  typeKind(pkg: string, file: string, name: string): TypeKind | undefined;
}

/** The packages of the run, to find an imported type's declaration: directory by import path, and package names. */
export interface PackageIndex {
  dirOf(importPath: string): string | undefined;
  nameOf(importPath: string): string | undefined;
  /** The one package of the run with this name, if exactly one has it. */
  named(name: string): string | undefined;
}

export function sourceReader(sources: SourceAccess, packages?: PackageIndex): SourceReader {
  const files = new Map<string, { src: Buffer; starts: number[]; lines: string[] | null } | null>();
  const load = (file: string) => {
    let f = files.get(file);
    if (f === undefined) {
      const src = sources.read(file);
      f = src ? { src, starts: lineStarts(src), lines: null } : null;
      files.set(file, f);
    }
    return f;
  };
  const results = new Map<FunctionInfo, readonly string[] | undefined>();
  const decls = new Map<string, GoDecls | null>();
  const declsOf = (file: string): GoDecls | null => {
    let d = decls.get(file);
    if (d === undefined) {
      const src = sources.read(file);
      decls.set(file, (d = src ? parseGoDecls(src.toString('utf8')) : null));
    }
    return d;
  };
  // A directory's type declarations, merged over its Go files (only those the go command listed can be read); a
  // name declared twice with different kinds (files for other platforms) is left unknown.
  const dirTypes = new Map<string, Map<string, TypeKind | `=${string}` | null>>();
  const goFiles = (dir: string): string[] => {
    try {
      return readdirSync(dir).filter((n) => n.endsWith('.go'));
    } catch {
      return []; // An unreadable directory declares nothing heapscope can see.
    }
  };
  const typesIn = (dir: string) => {
    let t = dirTypes.get(dir);
    if (t) return t;
    dirTypes.set(dir, (t = new Map()));
    for (const n of goFiles(dir))
      for (const [name, kind] of declsOf(join(dir, n))?.types ?? []) t.set(name, t.has(name) && t.get(name) !== kind ? null : kind);
    return t;
  };
  // A name as the compiler prints it qualifies a type of another package with that package's name (not the
  // import's alias); a name in the source (`type L2 js.RawMessage`) with the import's name in that file.
  const resolve = (dir: string, file: string, name: string, depth: number, printed: boolean): TypeKind | undefined => {
    const dot = name.indexOf('.');
    if (dot < 0) return resolveIn(dir, name, depth);
    const q = name.slice(0, dot);
    const imports = declsOf(file)?.imports ?? [];
    const imp = imports.find((i) => (printed ? packages?.nameOf(i.path) : i.name || packages?.nameOf(i.path)) === q);
    // Code inlined from another package names its own types qualified, from a file that does not import them.
    const path = imp?.path ?? (printed ? packages?.named(q) : undefined);
    const to = path === undefined ? undefined : packages?.dirOf(path);
    return to === undefined ? undefined : resolveIn(to, name.slice(dot + 1), depth);
  };
  const resolveIn = (dir: string, name: string, depth: number): TypeKind | undefined => {
    const k = typesIn(dir).get(name);
    if (!k) return undefined;
    if (!k.startsWith('=')) return k as TypeKind;
    // `type L2 Labels`: what Labels is, read with the imports of the file that declares L2.
    if (depth > 4) return undefined;
    const declaring = goFiles(dir).find((n) => declsOf(join(dir, n))?.types.get(name) === k);
    return declaring ? resolve(dir, join(dir, declaring), k.slice(1), depth + 1, false) : undefined;
  };
  return {
    line(file, n) {
      const f = load(file);
      if (!f) return undefined;
      f.lines ??= f.src.toString('utf8').split('\n');
      return f.lines[n - 1];
    },
    resultNames(fn) {
      if (results.has(fn)) return results.get(fn);
      const f = load(fn.file);
      const r = f ? (resultNames(f.src, fn.line, fn.column, f.starts) ?? undefined) : undefined;
      results.set(fn, r);
      return r;
    },
    typeKind(pkg, file, name) {
      const dir = packages?.dirOf(pkg);
      return dir === undefined ? undefined : resolve(dir, file, name, 0, true);
    },
  };
}
