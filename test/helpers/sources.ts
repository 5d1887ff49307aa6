// A source access for tests that join captured output without a go list run: every .go file under the root, each
// listed with its own directory, as go list would list a module's packages.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sourceAccess, type SourceAccess } from '../../src/runners/source-access.js';

export function moduleSources(root: string): SourceAccess {
  const listed = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.go')) listed.set(join(dir, e.name), dir);
    }
  };
  walk(root);
  return sourceAccess(root, listed);
}
