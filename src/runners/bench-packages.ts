// Which packages `bench` needs: those whose test files declare a benchmark the --bench pattern selects. Building
// and profiling the others is work for nothing (zap ./... has 15 packages with tests; one holds the benchmark a
// user names). The testing package runs a benchmark when each `/`-separated part of the pattern matches the
// corresponding part of its name (testing/match.go); only top-level names are declared in the source, so the
// first part decides. Packages go list could not load are kept, so that their errors are reported.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoListPackage } from '../parsers/go-list-json.js';

/** A top-level benchmark as the testing package finds it: BenchmarkXxx, Xxx not starting with a lower-case letter. */
const BENCHMARK = /^func\s+(Benchmark(?![a-z])\w*)\s*\(\s*\w+\s+\*testing\.B\s*\)/gm;

/** The pattern's parts as testing.splitRegexp cuts them: at `/` outside brackets and parentheses. */
export function splitBenchPattern(pattern: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let cs = 0;
  let cp = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      cur += ch + pattern[++i];
      continue;
    }
    if (ch === '[') cs++;
    else if (ch === ']' && cs > 0) cs--;
    else if (ch === '(' && cs === 0) cp++;
    else if (ch === ')' && cs === 0) cp--;
    else if (ch === '/' && cs === 0 && cp === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

export function declaredBenchmarks(p: GoListPackage): string[] {
  const names: string[] = [];
  for (const f of [...(p.TestGoFiles ?? []), ...(p.XTestGoFiles ?? [])]) {
    let src: string;
    try {
      src = readFileSync(join(p.Dir ?? '', f), 'utf8');
    } catch {
      return ['?']; // unreadable: keep the package, the go command will say what is wrong
    }
    for (const m of src.matchAll(BENCHMARK)) names.push(m[1]!);
  }
  return names;
}

/**
 * The packages to build for `bench`: listing errors, and packages with a benchmark the pattern's first part
 * matches. A first part JavaScript cannot compile (RE2 syntax it lacks) keeps every package with benchmarks.
 */
export function benchPackages(pkgs: GoListPackage[], pattern: string): GoListPackage[] {
  let first: RegExp | null = null;
  try {
    first = new RegExp(splitBenchPattern(pattern)[0]!, 'u');
  } catch {
    first = null;
  }
  return pkgs.filter((p) => {
    if (p.Error) return true;
    const names = declaredBenchmarks(p);
    if (names.includes('?')) return true;
    return names.some((n) => !first || first.test(n));
  });
}
