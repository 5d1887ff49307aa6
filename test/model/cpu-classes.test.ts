// The CPU classes on stacks of real CPU profiles of the examples and of the gccost fixture (go tool pprof -traces
// on a test binary run with -test.cpuprofile), written innermost first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkTop, classifyStack } from '../../src/model/cpu-classes.js';
import { benchmarkOwns } from '../../src/model/profile.js';

const stack = (...fns: string[]) => fns.map((f) => ({ function: f, file: '', line: 0 }));
const pkg = 'example.com/heapscope/examples';

test('allocation and GC work told apart on go1.26.8 and go1.27.4 stacks', () => {
  const cases: [string, string[], 'alloc' | 'gc' | null][] = [
    // go1.26.8: &BigStruct{...} through newobject and mallocgc; clearing a span is the allocator's work.
    [
      '1.26 newobject',
      ['runtime.nextFreeFast', 'runtime.mallocgcSmallScanNoHeader', 'runtime.mallocgc', 'runtime.newobject', `${pkg}.CreatePointer`],
      'alloc',
    ],
    [
      '1.26 span refill',
      [
        'runtime.memclrNoHeapPointers',
        'runtime.(*mheap).alloc',
        'runtime.(*mcentral).grow',
        'runtime.(*mcentral).cacheSpan',
        'runtime.(*mcache).refill',
        'runtime.mallocgc',
        'runtime.newobject',
        `${pkg}.CreatePointer`,
      ],
      'alloc',
    ],
    [
      '1.26 strconv',
      [
        'runtime.mallocgcTiny',
        'runtime.mallocgc',
        'runtime.rawstring',
        'runtime.rawstringtmp',
        'runtime.slicebytetostring',
        'internal/strconv.FormatInt',
        `${pkg}.Itoa`,
      ],
      'alloc',
    ],
    ['growslice copy', ['runtime.memmove', 'runtime.growslice', `${pkg}.Register`], 'alloc'],
    // go1.27.4: the compiler calls the size-specialised routine itself, with no runtime.mallocgc frame.
    [
      '1.27 SC routine',
      ['runtime.(*mspan).base', 'runtime.mallocgcSmallScanSlowPath', 'runtime.mallocgcSmallScanNoHeaderSC7', `${pkg}.CreatePointer`],
      'alloc',
    ],
    [
      '1.27 tiny',
      [
        'runtime.mallocgcTinySlowPath',
        'runtime.mallocgcTinySC2',
        'runtime.mallocgc',
        'runtime.slicebytetostring',
        'internal/strconv.FormatInt',
        `${pkg}.Itoa`,
      ],
      'alloc',
    ],
    // A mark assist inside the allocator is GC work (1.26 through deductAssistCredit, 1.27 from the slow path).
    [
      '1.26 assist',
      [
        'runtime.scanobject',
        'runtime.gcDrainN',
        'runtime.gcAssistAlloc1',
        'runtime.gcAssistAlloc.func2',
        'runtime.systemstack',
        'runtime.gcAssistAlloc',
        'runtime.deductAssistCredit',
        'runtime.mallocgc',
        'runtime.newobject',
        `${pkg}.CreatePointer`,
      ],
      'gc',
    ],
    [
      '1.27 assist',
      [
        'runtime.gcDrainN',
        'runtime.gcAssistAlloc1',
        'runtime.gcAssistAlloc.func2',
        'runtime.systemstack',
        'runtime.gcAssistAlloc',
        'runtime.mallocgcTinySlowPath',
        'runtime.mallocgcTinySC2',
        'runtime.mallocgc',
        `${pkg}.Itoa`,
      ],
      'gc',
    ],
    [
      'assist parked at a GC transition',
      [
        'runtime.gcMarkTermination',
        'runtime.gcMarkDone',
        'runtime.gcAssistAlloc',
        'runtime.deductAssistCredit',
        'runtime.mallocgc',
        'runtime.newobject',
        `${pkg}.CreatePointer`,
      ],
      'gc',
    ],
    [
      'sweeping before taking a span',
      [
        'runtime.(*sweepLocked).sweep',
        'runtime.(*mcentral).cacheSpan',
        'runtime.(*mcache).refill',
        'runtime.mallocgcSmallScanSlowPath',
        'runtime.mallocgcSmallScanNoHeaderSC7',
        `${pkg}.CreatePointer`,
      ],
      'gc',
    ],
    [
      'black allocation',
      ['runtime.gcmarknewobject', 'runtime.mallocgcSmallScanSlowPath', 'runtime.mallocgcSmallScanNoHeaderSC7', `${pkg}.CreatePointer`],
      'gc',
    ],
    // The background mark worker (green tea's span scanning on 1.26 and 1.27), the sweeper, the testing package's runtime.GC.
    [
      'mark worker',
      [
        'runtime.scanObjectSmall',
        'runtime.scanSpan',
        'runtime.gcDrain',
        'runtime.gcDrainMarkWorkerDedicated',
        'runtime.gcBgMarkWorker.func2',
        'runtime.systemstack',
        'runtime.gcBgMarkWorker',
        'runtime.goexit',
      ],
      'gc',
    ],
    ['truncated scan', ['runtime.tryDeferToSpanScan', 'runtime.scanobject'], 'gc'],
    ['sweeper', ['runtime.(*sweepLocked).sweep', 'runtime.sweepone', 'runtime.bgsweep', 'runtime.gcenable.gowrap1'], 'gc'],
    ['forced GC', ['runtime.stopTheWorldWithSema', 'runtime.gcStart', 'runtime.GC', 'testing.(*B).runN'], 'gc'],
    ['write barrier flush', ['runtime.wbBufFlush1', 'runtime.wbBufFlush', 'runtime.gcWriteBarrier2', `${pkg}.Register`], 'gc'],
    // Neither: the benchmark's own work, a map lookup, the scavenger, the scheduler.
    ['own work', [`${pkg}.CreateCopy`, `${pkg}.BenchmarkCreateCopy`], null],
    ['map read', ['runtime.mapaccess1_fast64', `${pkg}.Lookup`], null],
    ['scavenger', ['runtime.(*pageAlloc).scavenge', 'runtime.bgscavenge'], null],
    ['scheduler', ['runtime.findRunnable', 'runtime.schedule', 'runtime.park_m', 'runtime.mcall'], null],
  ];
  for (const [name, fns, want] of cases) assert.equal(classifyStack(stack(...fns)), want, name);
});

test('benchmarkTop: the benchmark function or its closure, else what testing.(*B).runN called (a sub-benchmark body of another name)', () => {
  const named = benchmarkOwns('BenchmarkParse');
  const owns = (f: { function: string }) => named(f.function);
  const st = (...fns: string[]) => fns.map((f) => ({ function: f }));
  // fastjson's BenchmarkParse/small/stdjson-map: b.Run("small", func(b) { benchmarkParse(b, s) }) nests b.Run again.
  const sub = st(
    'runtime.mallocgc',
    'encoding/json.Unmarshal',
    'github.com/valyala/fastjson.benchmarkStdJSONParseMap',
    'github.com/valyala/fastjson.benchmarkParse.func1',
    'testing.(*B).runN',
    'testing.(*B).launch',
    'runtime.goexit',
  );
  assert.equal(benchmarkTop(sub, owns), 3);
  // A b.RunParallel worker of it: its goroutine starts at the testing package's worker function.
  const worker = st(
    'encoding/json.Unmarshal',
    'github.com/valyala/fastjson.benchmarkStdJSONParseMap.func1',
    'testing.(*B).RunParallel.func1',
    'runtime.goexit',
  );
  assert.equal(benchmarkTop(worker, owns), 1);
  // The testing package's own work under the runner is not the benchmark's.
  assert.equal(benchmarkTop(st('runtime.mallocgc', 'testing.(*B).ResetTimer', 'testing.(*B).runN', 'testing.(*B).run1.func1'), owns), -1);
  // The benchmark's own closure wins over the runner's frame.
  assert.equal(benchmarkTop(st('runtime.newobject', 'example.com/m.BenchmarkParse.func1', 'testing.(*B).runN'), owns), 1);
  // A GC worker or another goroutine: not the benchmark's.
  assert.equal(benchmarkTop(st('runtime.scanobject', 'runtime.gcDrain', 'runtime.gcBgMarkWorker', 'runtime.goexit'), owns), -1);
});
