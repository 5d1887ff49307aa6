// Reads the source the join asks about: single lines (the few that hold a func literal) and the result names of
// a function's declaration. Files are read once, on first use; an unreadable file yields undefined, never an error.

import { lineStarts, resultNames } from '../parsers/go-source.js';
import type { FunctionInfo } from '../model/types.js';
import type { SourceAccess } from './source-access.js';

export interface SourceReader {
  line(file: string, line: number): string | undefined;
  resultNames(fn: FunctionInfo): readonly string[] | undefined;
}

export function sourceReader(sources: SourceAccess): SourceReader {
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
