// Whether the runtime allocates for a heap decision, checked against what the benchmarks measure: every value the
// compiler says "escapes to heap" in test/fixtures/modules/allocates, with heapscope's verdict, and the allocs/op
// of the benchmark that runs it (go test -benchmem, read with a regular expression of this test's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';

const dir = join(fixturesDir, 'modules', 'allocates');

/**
 * Function → heapscope's expected verdict, and the benchmarks that run it with the allocs/op each must measure:
 * none for never, at least one for always, and for sometimes each side where the fixture can show it.
 */
const EXPECTED: Record<string, [allocates: string, rule: string, bench: Record<string, number>]> = {
  ConstInt: ['never', 'static-data', { BenchmarkConstInt: 0 }],
  ConstString: ['never', 'static-data', { BenchmarkConstString: 0 }],
  ConstNamed: ['never', 'static-data', { BenchmarkConstNamed: 0 }],
  ConstTyped: ['never', 'single-byte', { BenchmarkConstTyped: 0 }],
  StaticLit: ['never', 'static-data', { BenchmarkStaticLit: 0 }],
  StaticArray: ['never', 'static-data', { BenchmarkStaticArray: 0 }],
  LocalConst: ['never', 'static-data', { BenchmarkLocalConst: 0 }],
  EmptyStruct: ['never', 'zero-size', { BenchmarkEmptyStruct: 0 }],
  EmptyNamed: ['never', 'zero-size', { BenchmarkEmptyNamed: 0 }],
  EmptyVar: ['never', 'zero-size', { BenchmarkEmptyVar: 0 }],
  ByteVar: ['never', 'single-byte', { BenchmarkByteVar: 0 }],
  BoolVar: ['never', 'single-byte', { BenchmarkBoolVar: 0 }],
  NoCapture: ['never', 'static-closure', { BenchmarkNoCapture: 0 }],
  ZeroValue: ['never', 'zero-value', { BenchmarkZeroValue: 0 }],
  EmptySlice: ['never', 'zero-length', { BenchmarkEmptySlice: 0 }],
  // The box (interface-stored) allocates its slice header; the empty backing store (stored-in-heap-object) is zerobase.
  'EmptySliceBoxed []byte{}': ['always', 'allocates', { BenchmarkEmptySliceBoxed: 1 }],
  'EmptySliceBoxed []byte{} (2)': ['never', 'zero-length', {}],
  MakeEmpty: ['never', 'zero-length', { BenchmarkMakeEmpty: 0 }],
  IntVar: ['sometimes', 'runtime-fast-path', { BenchmarkIntVarSmall: 0, BenchmarkIntVarLarge: 1 }],
  StringVar: ['sometimes', 'runtime-fast-path', { BenchmarkStringVarEmpty: 0, BenchmarkStringVarFull: 1 }],
  WrapVar: ['sometimes', 'runtime-fast-path', { BenchmarkWrapVarSmall: 0, BenchmarkWrapVarLarge: 1 }],
  AppendSum: ['sometimes', 'append-grows', { BenchmarkAppendSumRoom: 0, BenchmarkAppendSumGrow: 1 }],
  AppendOne: ['sometimes', 'append-grows', { BenchmarkAppendOneRoom: 0, BenchmarkAppendOneGrow: 1 }],
  // Two: growslice once the stack buffer is outgrown, moveSlice at the return (go1.26+).
  Collect: ['sometimes', 'append-grows', { BenchmarkCollectNone: 0, BenchmarkCollectThree: 2 }],
  Concat: ['sometimes', 'concat-reuse', { BenchmarkConcatOneEmpty: 0, BenchmarkConcatBoth: 1 }],
  BytesToString: ['sometimes', 'short-string', { BenchmarkBytesToStringOne: 0, BenchmarkBytesToStringLong: 1 }],
  StringToBytes: ['sometimes', 'empty-string', { BenchmarkStringToBytesEmpty: 0, BenchmarkStringToBytesLong: 1 }],
  MakeLen: ['sometimes', 'run-time-length', { BenchmarkMakeLenZero: 0, BenchmarkMakeLenSome: 1 }],
  // A named slice's and a named map's empty literals read alike: one of each.
  EmptyNamedSlice: ['sometimes', 'empty-literal', { BenchmarkEmptyNamedSlice: 0 }],
  MapLit: ['sometimes', 'empty-literal', { BenchmarkMapLit: 1 }],
  PairVar: ['always', 'composite-literal', { BenchmarkPairVar: 1 }],
  ArrayVar: ['always', 'composite-literal', { BenchmarkArrayVar: 1 }],
  // A named slice literal is a slice allocated, not a value boxed (the compiler's flows say so: join/classify.ts).
  NamesLit: ['always', 'allocates', { BenchmarkNamesLit: 1 }],
  MakeConst: ['always', 'allocates', { BenchmarkMakeConst: 1 }],
  PtrLit: ['always', 'allocates', { BenchmarkPtrLit: 1 }],
  Capture: ['always', 'allocates', { BenchmarkCapture: 1 }],
  // Functions with more than one heap decision: keyed by function and expression.
  'mkNamed "empty"': ['never', 'static-data', {}],
  'mkNamed &named{...}': ['always', 'allocates', {}],
  'InlinedMix "empty"': ['never', 'static-data', {}],
  'InlinedMix &named{...}': ['always', 'allocates', { BenchmarkInlinedMix: 1 }],
};

test('the expected verdicts agree with their own benchmarks: never 0, always at least 1, sometimes both where shown', () => {
  for (const [fn, [allocates, , bench]] of Object.entries(EXPECTED)) {
    const counts = Object.values(bench);
    if (allocates === 'never')
      assert.ok(
        counts.every((n) => n === 0),
        fn,
      );
    if (allocates === 'always')
      assert.ok(
        counts.every((n) => n >= 1),
        fn,
      );
    if (allocates === 'sometimes' && counts.length > 1) assert.ok(counts.includes(0) && counts.some((n) => n >= 1), fn);
  }
});

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: allocates: never, sometimes and always, each as the benchmark that runs it measures`, () => {
    const r = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir], { env: tc.env });
    assert.equal(r.code, 0, r.stderr);
    const m = JSON.parse(r.stdout) as AnalysisModel & { allocationRules: Record<string, string> };
    const heap = m.sites.filter((s) => s.heap);
    const perFunction = (fn: string | null): number => heap.filter((s) => s.function === fn).length;
    // Two decisions of one expression (a box and the backing store it holds): the second is keyed ` (2)`, by cause.
    const verdicts: Record<string, [string | undefined, string | undefined]> = {};
    for (const s of [...heap].sort((x, y) => (x.cause?.id ?? '').localeCompare(y.cause?.id ?? ''))) {
      const base = perFunction(s.function) > 1 ? `${s.function} ${s.expr}` : String(s.function);
      let k = base;
      for (let n = 2; k in verdicts; n++) k = `${base} (${n})`;
      verdicts[k] = [s.allocates, s.allocatesRule];
    }
    for (const [fn, [allocates, rule]] of Object.entries(EXPECTED)) {
      assert.deepEqual(verdicts[fn], [allocates, rule], `${fn}: ${JSON.stringify(heap.filter((s) => s.function === fn))}`);
    }
    assert.equal(heap.length, Object.keys(EXPECTED).length, 'each heap decision expected');
    for (const s of heap) assert.ok((m.allocationRules[s.allocatesRule ?? ''] ?? '').length > 10, `${s.function}: a reason`);

    const bench = spawnSync('go', ['test', '-run', '^$', '-bench', '.', '-benchmem', '-benchtime', '2000x', '.'], {
      cwd: dir,
      env: { ...process.env, ...tc.env },
      encoding: 'utf8',
    });
    assert.equal(bench.status, 0, bench.stderr + bench.stdout);
    const measured = new Map<string, number>();
    for (const line of bench.stdout.split('\n')) {
      const b = /^(Benchmark\w+?)(?:-\d+)?\s+\d+\s.*\s(\d+) allocs\/op$/.exec(line);
      if (b) measured.set(b[1]!, Number(b[2]));
    }
    for (const [fn, [, , benchmarks]] of Object.entries(EXPECTED)) {
      for (const [name, allocs] of Object.entries(benchmarks)) assert.equal(measured.get(name), allocs, `${name} (${fn})`);
    }
  });
}
