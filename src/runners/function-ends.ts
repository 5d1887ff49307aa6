// Reads the source files that declare closures and records where each function there ends, so that the join
// can tell a site inside a closure from one after it. Files the reader refuses or cannot read (//line targets,
// generated $WORK files) are left as they are.

import { functionEnd, lineStarts } from '../parsers/go-source.js';
import type { PackageFacts } from '../model/types.js';
import { groupBy } from '../model/group.js';

const CLOSURE = /\.func\d+/;

export function addFunctionEnds(facts: PackageFacts, read: (file: string) => Buffer | null): void {
  for (const [file, fns] of groupBy(facts.functions, (f) => f.file)) {
    if (!fns.some((f) => CLOSURE.test(f.name))) continue;
    const src = read(file);
    if (!src) continue;
    const starts = lineStarts(src);
    for (const f of fns) {
      const end = functionEnd(src, f.line, f.column, starts);
      if (end) {
        f.endLine = end.line;
        f.endColumn = end.column;
      }
    }
  }
}
