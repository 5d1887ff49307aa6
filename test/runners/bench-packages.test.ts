// Which packages bench builds: those whose test files declare a benchmark the pattern's first part selects, read
// from the fixtures' real test files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { benchPackages, declaredBenchmarks, splitBenchPattern } from '../../src/runners/bench-packages.js';
import type { GoListPackage } from '../../src/parsers/go-list-json.js';
import { fixturesDir } from '../helpers/paths.js';

const pkg = (name: string, tests: string[]): GoListPackage =>
  ({ ImportPath: `example.com/${name}`, Dir: join(fixturesDir, 'modules', name), TestGoFiles: tests }) as GoListPackage;
const focus = pkg('focus', ['focus_test.go']);
const signals = pkg('signals', ['signals_test.go']);

test('the pattern is cut at / outside brackets and parentheses, as testing.splitRegexp does', () => {
  assert.deepEqual(splitBenchPattern('A/b'), ['A', 'b']);
  assert.deepEqual(splitBenchPattern('BenchmarkMux/route:/sharing/z/aBc$'), ['BenchmarkMux', 'route:', 'sharing', 'z', 'aBc$']);
  assert.deepEqual(splitBenchPattern('(a/b)|[/]/c'), ['(a/b)|[/]', 'c']);
  assert.deepEqual(splitBenchPattern('a\\/b'), ['a\\/b']);
});

test('declared benchmarks come from the test files', () => {
  assert.deepEqual(declaredBenchmarks(focus), ['BenchmarkGrid']);
  assert.deepEqual(declaredBenchmarks(signals).sort(), ['BenchmarkOrphan', 'BenchmarkSleep']);
});

test('only packages with a matching benchmark are kept; a package go list could not load is kept', () => {
  const names = (ps: GoListPackage[]): string[] => ps.map((p) => p.ImportPath);
  assert.deepEqual(names(benchPackages([focus, signals], 'Grid')), ['example.com/focus']);
  assert.deepEqual(names(benchPackages([focus, signals], 'Sleep/sub')), ['example.com/signals']);
  assert.deepEqual(names(benchPackages([focus, signals], '.')), ['example.com/focus', 'example.com/signals']);
  assert.deepEqual(names(benchPackages([focus, signals], 'NoSuch')), []);
  // RE2 syntax JavaScript lacks: nothing is ruled out.
  assert.deepEqual(names(benchPackages([focus, signals], '(?i)grid')), ['example.com/focus', 'example.com/signals']);
  const broken = { ...pkg('nosuch', []), Error: { Err: 'cannot find package' } } as GoListPackage;
  assert.deepEqual(names(benchPackages([broken, focus], 'Grid')), ['example.com/nosuch', 'example.com/focus']);
});
