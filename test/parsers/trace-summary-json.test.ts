// go/tracesum's output against its reader: captured output (test/fixtures/trace/README.md says how), then what
// the reader must refuse.
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTraceSummary } from '../../src/parsers/trace-summary-json.js';
import { fixturesDir } from '../helpers/paths.js';

const captured = (name: string): string => readFileSync(join(fixturesDir, 'trace', name), 'utf8');

test('captured go/tracesum output of the copy and pointer benchmarks reads on go1.26.8 and go1.27.4', () => {
  for (const tc of ['go1.26.8', 'go1.27.4']) {
    const copy = parseTraceSummary(captured(`CreateCopy.${tc}.json`));
    const ptr = parseTraceSummary(captured(`CreatePointer.${tc}.json`));
    assert.ok(copy.ok && ptr.ok, tc);
    // The copy allocates nothing: no GC in its timed run, the mutator never stopped.
    assert.equal(copy.summary.gcCycles, 0, tc);
    assert.equal(copy.summary.stwTotalNs, 0, tc);
    assert.deepEqual(copy.summary.mmu, { '1ms': 1, '10ms': 1 }, tc);
    // 1,000,000 × 80 B through a 4 MB heap goal: a GC cycle every few hundred thousand ops, two pauses each.
    assert.ok(ptr.summary.gcCycles >= 5, `${tc}: ${ptr.summary.gcCycles} cycles`);
    assert.equal(ptr.summary.stwEvents, 2 * ptr.summary.gcCycles, tc);
    assert.ok(ptr.summary.stwTotalNs > 0 && ptr.summary.assistNs > 0, tc);
    assert.ok(ptr.summary.windowStartNs < ptr.summary.windowEndNs && ptr.summary.windowEndNs <= ptr.summary.durationNs, tc);
    assert.ok(ptr.summary.heap.length > 2 && ptr.summary.heap.length <= 200, tc);
    assert.equal(ptr.summary.heap[0]![0], 0, tc);
    const mmu = ptr.summary.mmu['10ms'];
    assert.ok(mmu !== null && mmu < 1, tc);
  }
});

test('go/tracesum output the reader refuses, each with its reason', () => {
  const good = JSON.parse(captured('CreatePointer.go1.26.8.json')) as Record<string, unknown>;
  const cases: [string, string][] = [
    ['not json', 'not JSON'],
    ['[1,2]', 'not a JSON object'],
    [JSON.stringify({ ...good, format: 2 }), 'format 2, not 1'],
    [JSON.stringify({ ...good, gcCycles: -1 }), 'gcCycles is not a count'],
    [JSON.stringify({ ...good, stwTotalNs: 1.5 }), 'stwTotalNs is not a count'],
    [JSON.stringify({ ...good, windowEndNs: (good.durationNs as number) + 1 }), 'the timed run window is not within the trace'],
    [
      JSON.stringify({
        ...good,
        heap: [
          [5, 1],
          [4, 1],
        ],
      }),
      'the heap series goes back in time',
    ],
    [JSON.stringify({ ...good, heap: [[5]] }), 'a heap point is not [ns, bytes]'],
    [JSON.stringify({ ...good, heap: Array.from({ length: 201 }, (_, i) => [i, 1]) }), 'heap is not a series of at most 200 points'],
    [JSON.stringify({ ...good, mmu: { '1ms': 1.5, '10ms': 1 } }), 'mmu is not {"1ms", "10ms"} of 0–1 or null'],
  ];
  for (const [text, error] of cases) assert.deepEqual(parseTraceSummary(text), { ok: false, error, fromTool: false }, text.slice(0, 40));
  // The helper's own error: the trace could not be decoded.
  assert.deepEqual(parseTraceSummary('{"error":"bad file format: not a Go execution trace?"}'), {
    ok: false,
    error: 'bad file format: not a Go execution trace?',
    fromTool: true,
  });
  // A run shorter than the windows: null MMUs read.
  const short = parseTraceSummary(JSON.stringify({ ...good, mmu: { '1ms': null, '10ms': null } }));
  assert.ok(short.ok && short.summary.mmu['1ms'] === null);
});

test('go/tracesum output cut, spliced or with a figure changed: read or refused with a reason, never thrown', () => {
  const texts = ['CreateCopy', 'CreatePointer'].flatMap((b) => ['go1.26.8', 'go1.27.4'].map((tc) => captured(`${b}.${tc}.json`)));
  fc.assert(
    fc.property(
      fc.constantFrom(...texts),
      fc.nat(),
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('-1', '1e400', 'null', '[]', '{}', '0.5', '"x"')),
      (text, i, j, insert) => {
        const a = i % text.length;
        const b = a + (j % (text.length - a + 1));
        const r = parseTraceSummary(text.slice(0, a) + insert + text.slice(b));
        if (r.ok) {
          assert.ok(r.summary.heap.length <= 200 && r.summary.windowEndNs <= r.summary.durationNs);
          for (const v of Object.values(r.summary.mmu)) assert.ok(v === null || (v >= 0 && v <= 1));
        } else assert.ok(r.error.length > 0);
      },
    ),
    { numRuns: 2000 },
  );
});
