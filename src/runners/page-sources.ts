// The bytes of a source file the report names, for the HTML report's source view: only what the run's source
// access allows (runners/source-access.ts), and not too large to be worth showing. Anything else gives null.

import type { SourceAccess } from './source-access.js';

/** Larger files are generated tables nobody reads in a browser; the page says the source is not included. */
const MAX_SOURCE = 4 << 20;

/** What the html reporter's `source` option takes (reporters/registry.ts PageSource). */
export function pageSourceReader(sources: SourceAccess): { has(file: string): boolean; read(file: string): Buffer | null } {
  return { has: (file) => sources.path(file) !== null, read: (file) => sources.read(file, MAX_SOURCE) };
}
