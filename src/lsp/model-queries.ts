// What the editor asks of a module's model: the heap sites of a line, of a function, the function at a position.

import type { FunctionInfo, Site } from '../model/types.js';
import type { ModuleAnalysis } from './engine-adapter.js';
import { utf16Column } from './positions.js';

export const allocating = (s: Site): boolean => s.heap && s.allocates !== 'never';

export function sitesOnLine(a: ModuleAnalysis, file: string, line: number): Site[] {
  return a.model.sites.filter((s) => s.heap && s.file === file && s.line === line).sort((x, y) => x.column - y.column);
}

/** Heap sites elsewhere whose explanation passes through this line (`return &values` for the parameter `values`
 *  moved to the heap above it): the line a reader looks at is often the step, not the compiler's position. */
export function sitesThroughLine(a: ModuleAnalysis, file: string, line: number): Site[] {
  return a.model.sites.filter(
    (s) => s.heap && !(s.file === file && s.line === line) && s.flow.some((f) => f.file === file && f.line === line),
  );
}

/** The function's own name as written after `func` (a method's without its receiver). */
export const shortName = (f: FunctionInfo): string => f.name.replace(/\[.*\]$/, '').replace(/^.*\./, '');

export function functionsOf(a: ModuleAnalysis, file: string): FunctionInfo[] {
  // Func literals (F.func1) are reported inside their function; they get no lens of their own.
  return a.model.functions.filter((f) => f.file === file && !/\.func\d+$/.test(f.name));
}

export function sitesOfFunction(a: ModuleAnalysis, f: FunctionInfo): Site[] {
  return a.model.sites.filter((s) => {
    if (!s.heap || s.file !== f.file) return false;
    if (f.endLine !== undefined) return s.line >= f.line && s.line <= f.endLine;
    const fn = s.function?.replace(/\[.*?\]/g, '') ?? '';
    return fn === f.name || fn.startsWith(`${f.name}.func`);
  });
}

/** The function whose name is at (1-based line, UTF-16 character on that line). */
export function functionAt(a: ModuleAnalysis, file: string, line: number, lineText: string, character: number): FunctionInfo | undefined {
  return functionsOf(a, file).find((f) => {
    if (f.line !== line) return false;
    const name = shortName(f);
    const start = lineText.indexOf(name, Math.max(0, utf16Column(lineText, f.column) - 2));
    return start >= 0 && character >= start && character <= start + name.length;
  });
}
