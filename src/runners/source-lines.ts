// Reads single source lines for the join (it needs only the few lines that hold a func literal).
// Files are read once, on first use; an unreadable file yields undefined, never an error.

import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export function sourceLineReader(root: string): (file: string, line: number) => string | undefined {
  const files = new Map<string, string[] | null>();
  return (file, line) => {
    if (!file || file.startsWith('<') || file.startsWith('$')) return undefined;
    let lines = files.get(file);
    if (lines === undefined) {
      try {
        lines = readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8').split('\n');
      } catch {
        lines = null;
      }
      files.set(file, lines);
    }
    return lines?.[line - 1];
  };
}
