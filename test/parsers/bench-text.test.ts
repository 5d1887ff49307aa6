// The benchmark text parser against real captured `go test -bench` output (test/fixtures/bench/*/COMMANDS.txt names
// each command and Go release). Expectations are exact: iteration counts, B/op and allocs/op as printed, the -P
// suffix, and every failure, skip, log and panic with its messages and the benchmark it belongs to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, test } from 'node:test';

import { MESSAGES_KEPT, UNRECOGNISED_KEPT, type BenchPackage, type BenchParse, type BenchResult } from '../../src/model/alloc-types.js';
import { BenchTextParser, parseBenchText, parseMetrics, splitProcs } from '../../src/parsers/bench-text.js';
import { summarize, summarizeBenchmark, summarizeRuns } from '../../src/model/stats.js';
import { LineSplitter, splitLines } from '../../src/parsers/line-splitter.js';
import { fixturesDir } from '../helpers/paths.js';

const benchDir = join(fixturesDir, 'bench');

const CAPTURES = [
  'examples-go1.26/bench.txt',
  'failing/bench-count2.txt',
  'failing/bench-verbose.txt',
  'failing/bench-latepanic.txt',
  'failing/bench-latepanic-sameline.txt',
  '../go1.19-seed/bench.txt',
];

function raw(name: string): string {
  return readFileSync(join(benchDir, name), 'utf8');
}

function parse(name: string): BenchParse {
  return parseBenchText(splitLines(raw(name)));
}

function only(r: BenchParse): BenchPackage {
  assert.equal(r.packages.length, 1);
  return r.packages[0]!;
}

function bench(pkg: BenchPackage, name: string, procs: number): BenchResult {
  const b = pkg.benchmarks.find((x) => x.name === name && x.procs === procs);
  assert.ok(b, `${name} procs=${procs} not found`);
  return b;
}

/** [name, procs, B/op per run, allocs/op per run] for a compact exact comparison. */
function memTable(pkg: BenchPackage): [string, number, number[], number[]][] {
  return pkg.benchmarks.map((b) => [b.name, b.procs, b.runs.map((r) => r.metrics['B/op']!), b.runs.map((r) => r.metrics['allocs/op']!)]);
}

describe('bench-text: the examples module (go1.26.8)', () => {
  const r = parse('examples-go1.26/bench.txt');
  const pkg = only(r);

  it('reads the header and the go command summary', () => {
    assert.equal(pkg.pkg, 'example.com/heapscope/examples');
    assert.deepEqual(pkg.config, {
      goos: 'linux',
      goarch: 'amd64',
      pkg: 'example.com/heapscope/examples',
      cpu: 'AMD EPYC',
    });
    assert.equal(pkg.result, 'PASS');
    assert.equal(pkg.status, 'ok');
    assert.equal(pkg.elapsed, 0.286);
    assert.equal(pkg.statusNote, null);
    assert.equal(pkg.exitStatus, null);
    assert.equal(r.overall, null);
    assert.deepEqual(pkg.problems, []);
    assert.deepEqual(r.unrecognised, []);
  });

  it('reads every benchmark with its -count 2 runs, B/op and allocs/op as printed', () => {
    assert.deepEqual(memTable(pkg), [
      ['BenchmarkNewPoint', 2, [16, 18], [1, 1]],
      ['BenchmarkAddressOfParam', 2, [24, 24], [1, 1]],
      ['BenchmarkMemAlloc', 2, [0, 0], [0, 0]],
      ['BenchmarkDescribe', 2, [16, 16], [2, 2]],
      ['BenchmarkCounter', 2, [24, 24], [2, 2]],
      ['BenchmarkAsync', 2, [152, 152], [2, 2]],
      ['BenchmarkBuffer', 2, [112, 112], [1, 1]],
      ['BenchmarkLarge', 2, [81920, 81920], [1, 1]],
      ['BenchmarkRegister', 2, [22, 8], [1, 1]],
      ['BenchmarkJoin', 2, [8, 8], [1, 1]],
      ['BenchmarkBytes', 2, [16, 16], [1, 1]],
      ['BenchmarkCreateCopy', 2, [0, 0], [0, 0]],
      ['BenchmarkItoa', 2, [4, 4], [1, 1]],
    ]);
    for (const b of pkg.benchmarks)
      assert.deepEqual(
        b.runs.map((x) => x.iterations),
        [2000, 2000],
      );
  });

  it('keeps ns/op decimals and the line of each run', () => {
    const m = bench(pkg, 'BenchmarkMemAlloc', 2);
    assert.deepEqual(m.runs, [
      { iterations: 2000, metrics: { 'ns/op': 0.836, 'B/op': 0, 'allocs/op': 0 }, line: 9 },
      { iterations: 2000, metrics: { 'ns/op': 1.002, 'B/op': 0, 'allocs/op': 0 }, line: 10 },
    ]);
    assert.equal(bench(pkg, 'BenchmarkLarge', 2).runs[0]!.metrics['ns/op'], 20889);
  });

  it('summarises each metric over the runs: median, min, max, spread', () => {
    const s = summarizeBenchmark(bench(pkg, 'BenchmarkRegister', 2));
    assert.deepEqual(s['B/op'], { n: 2, median: 15, min: 8, max: 22, spread: 7 / 15 });
    assert.deepEqual(s['allocs/op'], { n: 2, median: 1, min: 1, max: 1, spread: 0 });
    assert.deepEqual(s['iterations'], { n: 2, median: 2000, min: 2000, max: 2000, spread: 0 });
    assert.equal(summarizeRuns(bench(pkg, 'BenchmarkMemAlloc', 2).runs)['B/op']!.spread, null);
  });
});

describe('bench-text: go1.19 seed capture', () => {
  const pkg = only(parse('../go1.19-seed/bench.txt'));

  it('reads sub-nanosecond timings with their decimals', () => {
    assert.equal(pkg.pkg, 'example.com/seed');
    assert.deepEqual(
      bench(pkg, 'BenchmarkMemAlloc', 2).runs.map((r) => r.metrics['ns/op']),
      [0.2939, 0.2929],
    );
    assert.deepEqual(memTable(pkg), [
      ['BenchmarkMemAlloc', 2, [0, 0], [0, 0]],
      ['BenchmarkNoAlloc', 2, [0, 0], [0, 0]],
      ['BenchmarkPointer', 2, [80, 80], [1, 1]],
    ]);
    for (const b of pkg.benchmarks)
      assert.deepEqual(
        b.runs.map((x) => x.iterations),
        [20000, 20000],
      );
    const s = summarizeBenchmark(bench(pkg, 'BenchmarkPointer', 2))['ns/op']!;
    assert.equal(s.median, (76.44 + 45.07) / 2);
    assert.equal(s.min, 45.07);
    assert.equal(s.max, 76.44);
    assert.equal(pkg.elapsed, 0.024);
  });
});

describe('bench-text: failing module, -count 2 -cpu 1,2 ./... (non-verbose)', () => {
  const r = parse('failing/bench-count2.txt');

  it('splits the two packages and the go command verdict', () => {
    assert.deepEqual(
      r.packages.map((p) => [p.pkg, p.result, p.status, p.exitStatus]),
      [
        ['example.com/heapscope/failing', null, 'FAIL', 2],
        ['example.com/heapscope/failing/other', 'PASS', 'ok', null],
      ],
    );
    assert.equal(r.packages[0]!.elapsed, 0.13);
    assert.equal(r.overall, 'FAIL');
    assert.deepEqual(r.unrecognised, []);
  });

  it('tells GOMAXPROCS 1 (no suffix) from -2, and keeps sub-benchmark names', () => {
    const pkg = r.packages[0]!;
    assert.deepEqual(memTable(pkg), [
      ['BenchmarkFast', 1, [64, 64], [1, 1]],
      ['BenchmarkFast', 2, [64, 117], [1, 1]],
      ['BenchmarkLogs', 1, [11, 11], [0, 0]],
      ['BenchmarkLogs', 2, [15, 12], [0, 0]],
      ['BenchmarkMetrics', 1, [1024, 1024], [1, 1]],
      ['BenchmarkMetrics', 2, [1024, 1024], [1, 1]],
      ['BenchmarkSub/size=8', 1, [8, 8], [1, 1]],
      ['BenchmarkSub/size=8', 2, [8, 8], [1, 1]],
      ['BenchmarkSub/size=4096', 1, [4096, 4096], [1, 1]],
      ['BenchmarkSub/size=4096', 2, [4096, 4096], [1, 1]],
    ]);
    assert.deepEqual(memTable(r.packages[1]!), [
      ['BenchmarkBox', 1, [24, 24], [1, 1]],
      ['BenchmarkBox', 2, [24, 24], [1, 1]],
    ]);
  });

  it('reads MB/s (b.SetBytes) and b.ReportMetric units', () => {
    const m = bench(r.packages[0]!, 'BenchmarkMetrics', 2);
    assert.deepEqual(m.runs[0], {
      iterations: 100,
      metrics: { 'ns/op': 155.2, 'MB/s': 6596.24, 'hit-ratio': 0.25, 'items/op': 3.5, 'B/op': 1024, 'allocs/op': 1 },
      line: 29,
    });
  });

  it('attaches failures, logs and the panic to their benchmarks, with messages', () => {
    const problems = r.packages[0]!.problems.map((p) => [p.kind, p.benchmark, p.printedName, p.line, p.messages]);
    const log = ['failing_test.go:20: b.N = 1', 'failing_test.go:20: b.N = 100'];
    const late = ['failing_test.go:59: failed at b.N = 100'];
    assert.deepEqual(problems.slice(0, -1), [
      ['log', 'BenchmarkLogs', 'BenchmarkLogs', 10, log],
      ['log', 'BenchmarkLogs', 'BenchmarkLogs', 14, log],
      ['log', 'BenchmarkLogs', 'BenchmarkLogs-2', 18, log],
      ['log', 'BenchmarkLogs', 'BenchmarkLogs-2', 22, log],
      ['fail', 'BenchmarkFatal', 'BenchmarkFatal', 25, ['failing_test.go:27: cannot reach the server']],
      ['fail', 'BenchmarkSub/bad', 'BenchmarkSub/bad', 39, ['failing_test.go:52: size 3 is not supported']],
      ['fail', 'BenchmarkSub', 'BenchmarkSub', 41, []],
      // Failing in the timed run: the padded name and "--- FAIL:" share a line.
      ['fail', 'BenchmarkLateFatal', 'BenchmarkLateFatal', 42, late],
      ['fail', 'BenchmarkLateFatal', 'BenchmarkLateFatal', 44, late],
      ['fail', 'BenchmarkLateFatal', 'BenchmarkLateFatal-2', 46, late],
      ['fail', 'BenchmarkLateFatal', 'BenchmarkLateFatal-2', 48, late],
    ]);
    const panic = r.packages[0]!.problems.at(-1)!;
    assert.equal(panic.kind, 'panic');
    assert.equal(panic.benchmark, 'BenchmarkPanics'); // from the trace: nothing else names it
    assert.equal(panic.printedName, null);
    assert.equal(panic.value, 'assignment to entry in nil map');
    assert.equal(panic.line, 50);
    assert.equal(panic.messages.length, 9);
    assert.equal(panic.messages[0], 'goroutine 30 [running]:');
    assert.equal(panic.messages[1], 'example.com/heapscope/failing.BenchmarkPanics(0x14aadba42908)');
    assert.equal(panic.messages[2], '\t/REPO/test/fixtures/bench/failing/failing_test.go:66 +0x36');
  });

  it('a skip leaves no trace without -v', () => {
    assert.equal(r.packages[0]!.problems.filter((p) => p.kind === 'skip').length, 0);
    assert.equal(
      r.packages[0]!.benchmarks.some((b) => b.name === 'BenchmarkSkip'),
      false,
    );
  });
});

describe('bench-text: failing module, -v', () => {
  const r = parse('failing/bench-verbose.txt');

  it('attaches messages printed before their --- line, and log output to its benchmark', () => {
    const pkg = r.packages[0]!;
    assert.deepEqual(
      pkg.problems.map((p) => [p.kind, p.benchmark, p.printedName, p.line, p.messages]),
      [
        ['log', 'BenchmarkLogs', null, 8, ['failing_test.go:20: b.N = 1', 'failing_test.go:20: b.N = 100']],
        ['fail', 'BenchmarkFatal', 'BenchmarkFatal', 13, ['failing_test.go:27: cannot reach the server']],
        ['skip', 'BenchmarkSkip', 'BenchmarkSkip', 16, ['failing_test.go:31: needs a GPU']],
        ['fail', 'BenchmarkSub/bad', 'BenchmarkSub/bad', 26, ['failing_test.go:52: size 3 is not supported']],
        ['fail', 'BenchmarkSub', 'BenchmarkSub', 27, []],
        ['fail', 'BenchmarkLateFatal', 'BenchmarkLateFatal-2', 30, ['failing_test.go:59: failed at b.N = 100']],
        ['panic', 'BenchmarkPanics', null, 32, pkg.problems[6]!.messages],
      ],
    );
    assert.equal(pkg.problems[6]!.value, 'assignment to entry in nil map');
    assert.deepEqual(
      pkg.benchmarks.map((b) => [b.name, b.procs, b.runs.length]),
      [
        ['BenchmarkFast', 2, 1],
        ['BenchmarkLogs', 2, 1],
        ['BenchmarkMetrics', 2, 1],
        ['BenchmarkSub/size=8', 2, 1],
        ['BenchmarkSub/size=4096', 2, 1],
      ],
    );
    assert.deepEqual(
      r.packages.map((p) => [p.pkg, p.status]),
      [
        ['example.com/heapscope/failing', 'FAIL'],
        ['example.com/heapscope/failing/other', 'ok'],
      ],
    );
    assert.equal(r.overall, 'FAIL');
    assert.deepEqual(r.unrecognised, []);
  });
});

describe('bench-text: a panic in the timed run', () => {
  it('keeps the bogus 0-iteration result the dying process printed, and leaves it out of summaries', () => {
    const pkg = only(parse('failing/bench-latepanic.txt'));
    const b = bench(pkg, 'BenchmarkLatePanic', 2);
    assert.equal(b.runs.length, 1);
    assert.equal(b.runs[0]!.iterations, 0);
    assert.ok(Number.isNaN(b.runs[0]!.metrics['ns/op']));
    assert.deepEqual(summarizeRuns(b.runs), {});
    assert.deepEqual(
      pkg.problems.map((p) => [p.kind, p.benchmark, p.printedName, p.value, p.line]),
      [['panic', 'BenchmarkLatePanic', null, 'late panic', 6]],
    );
    assert.equal(pkg.exitStatus, 2);
    assert.equal(pkg.status, 'FAIL');
  });

  it('reads "NAME<TAB>panic: ..." on one line', () => {
    const r = parse('failing/bench-latepanic-sameline.txt');
    const pkg = only(r);
    assert.deepEqual(pkg.benchmarks, []);
    assert.deepEqual(
      pkg.problems.map((p) => [p.kind, p.benchmark, p.printedName, p.value, p.line, p.messages.length]),
      [['panic', 'BenchmarkLatePanic', 'BenchmarkLatePanic-2', 'late panic', 5, 9]],
    );
    assert.equal(r.overall, 'FAIL');
    assert.deepEqual(r.unrecognised, []);
  });
});

describe('bench-text: lines and helpers', () => {
  it('splits the -P suffix', () => {
    assert.deepEqual(splitProcs('BenchmarkA/sub=1-2'), { name: 'BenchmarkA/sub=1', procs: 2 });
    assert.deepEqual(splitProcs('BenchmarkA/sub=1'), { name: 'BenchmarkA/sub=1', procs: 1 });
    assert.deepEqual(splitProcs('BenchmarkX-16'), { name: 'BenchmarkX', procs: 16 });
  });

  it('parses value/unit pairs and refuses odd or non-numeric ones', () => {
    assert.deepEqual(parseMetrics('\t 47.04 ns/op\t 16 B/op\t 1 allocs/op'), {
      'ns/op': 47.04,
      'B/op': 16,
      'allocs/op': 1,
    });
    assert.deepEqual(parseMetrics(' 1.5e+06 ns/op'), { 'ns/op': 1500000 });
    assert.equal(parseMetrics(' 12 ns/op extra'), null);
    assert.equal(parseMetrics(' fast ns/op'), null);
  });

  it('keeps lines it does not know, with their line numbers, and never throws', () => {
    const r = parseBenchText([
      'goos: linux',
      'pkg: example.com/m',
      'BenchmarkA-4   \t 10\t 5.0 ns/op',
      'something unexpected',
      '    an indented line nobody claims',
      'testing: warning: no tests to run',
      'PASS',
      'ok  \texample.com/m\t(cached)',
    ]);
    const pkg = only(r);
    assert.deepEqual(pkg.benchmarks, [{ name: 'BenchmarkA', procs: 4, runs: [{ iterations: 10, metrics: { 'ns/op': 5 }, line: 3 }] }]);
    assert.equal(pkg.status, 'ok');
    assert.equal(pkg.elapsed, null);
    assert.equal(pkg.statusNote, '(cached)');
    assert.deepEqual(r.unrecognised, [
      { line: 4, text: 'something unexpected', pkg: 'example.com/m' },
      { line: 5, text: '    an indented line nobody claims', pkg: 'example.com/m' },
      { line: 6, text: 'testing: warning: no tests to run', pkg: 'example.com/m' },
    ]);
  });

  it('reads summary lines for packages that printed no header', () => {
    const r = parseBenchText([
      '?   \texample.com/m/tools\t[no test files]',
      'PASS',
      'ok  \texample.com/m/a\t0.010s [no tests to run]',
      'FAIL\texample.com/m/b [build failed]',
      'FAIL',
    ]);
    assert.deepEqual(
      r.packages.map((p) => [p.pkg, p.result, p.status, p.elapsed, p.statusNote]),
      [
        ['example.com/m/tools', null, 'no-test-files', null, '[no test files]'],
        ['example.com/m/a', 'PASS', 'ok', 0.01, '[no tests to run]'],
        ['example.com/m/b', null, 'FAIL', null, '[build failed]'],
      ],
    );
    assert.equal(r.overall, 'FAIL');
  });

  it('summarize: median of odd and even counts, spread as the larger distance over the median', () => {
    assert.deepEqual(summarize([3, 1, 2]), { n: 3, median: 2, min: 1, max: 3, spread: 0.5 });
    assert.deepEqual(summarize([10, 12, 11, 30]), { n: 4, median: 11.5, min: 10, max: 30, spread: 18.5 / 11.5 });
    assert.equal(summarize([]).n, 0);
  });

  it('gives the same result when the text arrives in tiny chunks', () => {
    for (const name of CAPTURES) {
      const bytes = Buffer.from(raw(name), 'utf8');
      for (const size of [1, 7, 64]) {
        const p = new BenchTextParser();
        const s = new LineSplitter((l) => p.push(l));
        for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
        s.end();
        assert.deepEqual(p.end(), parse(name), `${name} in ${size}-byte chunks`);
      }
    }
  });

  it('leaves no line of any capture unrecognised', () => {
    for (const name of CAPTURES) assert.deepEqual(parse(name).unrecognised, [], name);
  });
});

test('output without end is kept bounded: the first lines of a log or a trace, the rest counted', () => {
  const lines = ['goos: linux', 'goarch: amd64', 'pkg: example.com/m', 'BenchmarkLogs', '--- BENCH: BenchmarkLogs-2'];
  for (let i = 0; i < 100000; i++) lines.push(`    x_test.go:10: line ${i} ${'y'.repeat(100)}`);
  lines.push('BenchmarkLogs-2   \t 1000\t 100 ns/op');
  for (let i = 0; i < 1000; i++) lines.push(`noise ${i}`);
  lines.push('PASS', 'ok  \texample.com/m\t0.1s');
  const r = parseBenchText(lines);
  const log = r.packages[0]!.problems.find((p) => p.benchmark === 'BenchmarkLogs')!;
  assert.equal(log.messages.length, MESSAGES_KEPT);
  assert.equal(log.messages.length + (log.omitted ?? 0), 100000);
  assert.match(log.messages[0]!, /line 0 /);
  assert.equal(r.unrecognised.length, UNRECOGNISED_KEPT);
  assert.equal(r.unrecognisedCount, 1000);
  assert.equal(r.packages[0]!.benchmarks[0]!.runs[0]!.iterations, 1000);
});
