// The GC line of the terminal report, from figures of real captured runs (test/fixtures/gctrace, go1.26.8).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { gcFigures } from '../../src/model/gc-figures.js';
import { parseGcTraceText } from '../../src/parsers/gctrace.js';
import { renderGcLine } from '../../src/reporters/gc-text.js';
import { fixturesDir } from '../helpers/paths.js';

function figures(name: string, benchmark: string, ops: number, env = {}) {
  const text = readFileSync(join(fixturesDir, 'gctrace', 'go1.26.8', `${name}.txt`), 'utf8');
  return gcFigures({ trace: parseGcTraceText(text), ops, goVersion: 'go1.26.8', benchmark, env }).gc;
}

test('the GC line: cycles, per 1k ops, STW per op, goal and peak; none; GC off; unknown; no cost pass', () => {
  assert.equal(
    renderGcLine(figures('pointer', 'BenchmarkCreatePointer', 2_000_000)),
    'GC 39 cycles (0.02 per 1k ops), STW 4.01 ns/op, heap goal 14 MB, peak 14 MB',
  );
  assert.equal(
    renderGcLine(figures('liveheap', 'BenchmarkLiveHeap', 2_000_000)),
    'GC 7 cycles (0.0035 per 1k ops), STW 4.72 ns/op, heap goal 48 MB, peak 49 MB',
  );
  assert.equal(
    renderGcLine(figures('forced', 'BenchmarkForcesGC', 5000)),
    'GC 6 cycles (1.2 per 1k ops), STW 82 ns/op, heap goal 4 MB, peak <1 MB',
  );
  assert.equal(renderGcLine(figures('copy', 'BenchmarkCreateCopy', 2_000_000)), 'GC 0 cycles in 2000000 ops');
  assert.equal(renderGcLine(figures('gogc-off', 'BenchmarkCreatePointer', 2_000_000, { GOGC: 'off' })), 'GC 0 cycles in 2000000 ops');
  assert.equal(renderGcLine(null), 'GC unknown (see the notes)');
  assert.equal(renderGcLine(undefined), null);
});
