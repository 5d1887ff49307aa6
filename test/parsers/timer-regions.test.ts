// untimedLines against the benchwindow fixture's benchmarks and the layouts it must not misread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { untimedLines } from '../../src/parsers/timer-regions.js';
import { fixturesDir } from '../helpers/paths.js';

const src = (s: string): Uint8Array => new TextEncoder().encode(s);

test('the fixture: setup before b.ResetTimer, and work under b.StopTimer', () => {
  const file = readFileSync(join(fixturesDir, 'modules', 'benchwindow', 'window_test.go'));
  // func BenchmarkSetup at 37, b.ResetTimer() at 42; b.StopTimer() at 51, b.StartTimer() at 53.
  assert.deepEqual(untimedLines(file, 'BenchmarkSetup'), [[37, 42]]);
  assert.deepEqual(untimedLines(file, 'BenchmarkStopTimer'), [[51, 53]]);
  assert.deepEqual(untimedLines(file, 'BenchmarkBuffer'), []);
  assert.deepEqual(untimedLines(file, 'BenchmarkMissing'), []);
});

test('a ResetTimer nested in the loop is not taken; a StopTimer never restarted runs to the end', () => {
  const go = [
    'package p', // 1
    '', // 2
    'func BenchmarkX(bb *testing.B) {', // 3
    '\tfor i := 0; i < bb.N; i++ {', // 4
    '\t\tbb.ResetTimer()', // 5
    '\t\tbb.StopTimer() // cleanup', // 6
    '\t}', // 7
    '\t// b.StartTimer() in a comment, with another receiver name', // 8
    '}', // 9
    '', // 10
    'func BenchmarkY(b *testing.B) { b.ResetTimer() }', // 11
  ].join('\n');
  assert.deepEqual(untimedLines(src(go), 'BenchmarkX'), [[6, 9]]);
  assert.deepEqual(untimedLines(src(go), 'BenchmarkY'), []);
});
