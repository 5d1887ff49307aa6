// Reads the source the join asks about: single lines (the few that hold a func literal) and the result names of
// a function's declaration. Files are read once, on first use; an unreadable file yields undefined, never an error.

import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { lineStarts, resultNames } from '../parsers/go-source.js';
import { isRealFile } from '../model/paths.js';
import type { FunctionInfo } from '../model/types.js';

export interface SourceReader {
  line(file: string, line: number): string | undefined;
  resultNames(fn: FunctionInfo): readonly string[] | undefined;
}

export function sourceReader(root: string): SourceReader {
  const files = new Map<string, { src: Buffer; starts: number[]; lines: string[] | null } | null>();
  const load = (file: string) => {
    if (!isRealFile(file)) return null;
    let f = files.get(file);
    if (f === undefined) {
      try {
        const src = readFileSync(isAbsolute(file) ? file : join(root, file));
        f = { src, starts: lineStarts(src), lines: null };
      } catch {
        f = null;
      }
      files.set(file, f);
    }
    return f;
  };
  const results = new Map<FunctionInfo, readonly string[] | undefined>();
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
  };
}
