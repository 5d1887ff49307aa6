// The bytes of a source file the report names, for the HTML report's source view: relative paths under the
// module root, absolute ones as they are (a standard-library callee inlined here). Unreadable files give null.

import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isRealFile } from '../model/paths.js';

/** Larger files are generated tables nobody reads in a browser; the page says the source is not included. */
const MAX_SOURCE = 4 << 20;

export function pageSourceReader(root: string): (file: string) => Buffer | null {
  return (file) => {
    if (!isRealFile(file)) return null;
    try {
      const b = readFileSync(isAbsolute(file) ? file : join(root, file));
      return b.length <= MAX_SOURCE ? b : null;
    } catch {
      return null;
    }
  };
}
