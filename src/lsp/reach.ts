// Which of a package's benchmarks reach a function, for the lens's "measure" (docs/editors.md):
// (a) those the stored `heapscope bench` figures name for the function's sites and lines;
// (b) those whose body names the function (calls it, or passes it as a value), directly or through other functions
//     of the package, read from the package's Go files (a static look at names: a call through an interface, or a
//     function of another package, is not seen);
// both kept only when the package's test files declare them (`heapscope bench PKG` runs that package's only);
// none found: all of the package's benchmarks.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionInfo } from '../model/types.js';
import type { ModuleAnalysis } from './engine-adapter.js';
import { readText } from './files.js';
import { codeOnly } from './fixes.js';
import { shortName, sitesOfFunction } from './model-queries.js';

export interface Reach {
  benchmarks: string[];
  how: 'measured' | 'static' | 'measured+static' | 'none';
}

/** Top-level functions of the package's Go files, by name (a method by its own name): their bodies as code. */
function bodies(dir: string): { funcs: Map<string, string[]>; benchmarks: Set<string> } {
  const funcs = new Map<string, string[]>();
  const benchmarks = new Set<string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.go'));
  } catch {
    return { funcs, benchmarks };
  }
  for (const n of names) {
    const code = codeOnly(readText(join(dir, n)) ?? '');
    // gofmt'd code: each top-level declaration starts at column 0; a func's text runs to the next one. Kept without
    // its own name, so that what remains names only what it calls.
    const starts = [...code.matchAll(/^(?:func|type|var|const|import)\b/gm)].map((m) => m.index);
    starts.forEach((at, i) => {
      const chunk = code.slice(at, starts[i + 1] ?? code.length);
      const head = /^func\s*(?:\([^)]*\)\s*)?([\p{L}_][\p{L}\p{N}_]*)/u.exec(chunk);
      if (!head) return;
      const name = head[1]!;
      funcs.set(name, [...(funcs.get(name) ?? []), chunk.slice(head[0].length)]);
      if (
        n.endsWith('_test.go') &&
        /^Benchmark(?!\p{Ll})/u.test(name) &&
        /^\s*\(\s*\w+\s+\*\s*testing\.B\s*\)/.test(chunk.slice(head[0].length))
      )
        benchmarks.add(name);
    });
  }
  return { funcs, benchmarks };
}

// Any mention of the name as an identifier: a call, or the function passed as a value (b.Run("x", F)).
const calls = (body: string, name: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, 'u').test(body);

export function benchmarksReaching(a: ModuleAnalysis, f: FunctionInfo, dir: string): Reach {
  const { funcs, benchmarks } = bodies(dir);
  const measured = new Set<string>();
  const costs = a.measured;
  if (costs) {
    for (const s of sitesOfFunction(a, f)) {
      const m = (s.id ? costs.sites.get(s.id) : undefined) ?? costs.lines.get(`${s.file}:${s.line}`);
      if (m) measured.add(m.benchmark.split('/')[0]!);
    }
    if (f.endLine !== undefined)
      for (const [k, m] of costs.lines) {
        const i = k.lastIndexOf(':');
        const l = Number(k.slice(i + 1));
        if (k.slice(0, i) === f.file && l >= f.line && l <= f.endLine) measured.add(m.benchmark.split('/')[0]!);
      }
  }
  // Names that reach the function: grown from it through the bodies that call a name already in the set.
  const target = shortName(f);
  const reaching = new Set([target]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [name, bs] of funcs)
      if (!reaching.has(name) && bs.some((b) => [...reaching].some((r) => calls(b, r)))) {
        reaching.add(name);
        grown = true;
      }
  }
  const byStatic = [...benchmarks].filter((b) => reaching.has(b));
  const byMeasure = [...measured].filter((b) => benchmarks.has(b));
  const all = [...new Set([...byMeasure, ...byStatic])].sort();
  const how = byMeasure.length && byStatic.length ? 'measured+static' : byMeasure.length ? 'measured' : byStatic.length ? 'static' : 'none';
  return { benchmarks: all, how };
}

/** The `--bench` value for `heapscope bench`: exactly these top-level benchmarks (their sub-benchmarks all run). */
export const benchPattern = (benchmarks: string[]): string => `^(${benchmarks.join('|')})$`;
