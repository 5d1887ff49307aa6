// Reads the source files that declare closures and records where each function there ends, so that the join
// can tell a site inside a closure from one after it. Unreadable files (//line targets, generated $WORK files)
// are left as they are.

import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { functionEnd, lineStarts } from '../parsers/go-source.js';
import type { PackageFacts } from '../model/types.js';
import { groupBy } from '../model/group.js';

const CLOSURE = /\.func\d+/;

export function addFunctionEnds(facts: PackageFacts, root: string): void {
  for (const [file, fns] of groupBy(facts.functions, (f) => f.file)) {
    if (!fns.some((f) => CLOSURE.test(f.name)) || file === '' || file.startsWith('<') || file.startsWith('$')) continue;
    let src: Buffer;
    try {
      src = readFileSync(isAbsolute(file) ? file : join(root, file));
    } catch {
      continue;
    }
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
