// bench --trace --compare on the examples' copy-versus-pointer twin, on the installed Go and on go1.27.4: the
// pointer's timed run has GC cycles and pauses, the copy's none; both traced with the same b.N; the comparison's
// rows and ratios. With --bench given too, its benchmarks run beside the two (BenchmarkAsync: goroutines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';

interface Trace {
  gcCycles: number;
  stwEvents: number;
  stwTotalNs: number;
  assistNs: number;
  goroutinesCreated: number;
  heap: [number, number][];
  mmu: { '1ms': number | null; '10ms': number | null };
  ops: number;
}
interface Report {
  benchmarks: { name: string; nsPerOp: number; trace?: Trace | null; notes: string[] }[];
  compare: { a: string; b: string; rows: { id: string; a: number | null; b: number | null; ratio: number | null }[]; notes: string[] };
}

for (const tc of TOOLCHAINS) {
  test(`bench --trace --compare CreateCopy CreatePointer (${tc.name})`, () => {
    const r = runCli(
      ['bench', '-C', examplesDir, '--bench', 'Async', '--trace', '--compare', 'BenchmarkCreateCopy', 'CreatePointer', '--format', 'json'],
      { env: tc.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as Report;
    assert.deepEqual(rep.benchmarks.map((b) => b.name).sort(), ['BenchmarkAsync', 'BenchmarkCreateCopy', 'BenchmarkCreatePointer']);
    const by = (n: string): Trace => {
      const t = rep.benchmarks.find((b) => b.name === n)?.trace;
      assert.ok(t, `${n} has no trace: ${JSON.stringify(rep.benchmarks.find((b) => b.name === n)?.notes)}`);
      return t;
    };
    const copy = by('BenchmarkCreateCopy');
    const ptr = by('BenchmarkCreatePointer');
    assert.equal(copy.gcCycles, 0);
    assert.equal(copy.stwTotalNs, 0);
    assert.ok(ptr.gcCycles > 0, `pointer: ${ptr.gcCycles} GC cycles`);
    // Two pauses a cycle; a cycle across the loop's start or end brings one of its two.
    assert.ok(Math.abs(ptr.stwEvents - 2 * ptr.gcCycles) <= 1, `${ptr.stwEvents} pauses, ${ptr.gcCycles} cycles`);
    assert.ok(ptr.stwTotalNs > copy.stwTotalNs);
    assert.ok(ptr.heap.length > 2 && ptr.heap.length <= 200);
    assert.equal(copy.ops, ptr.ops, 'the compared pair is traced with the same b.N');
    // Async starts a goroutine per op.
    assert.ok(by('BenchmarkAsync').goroutinesCreated >= by('BenchmarkAsync').ops);

    assert.equal(rep.compare.a, 'BenchmarkCreateCopy');
    assert.equal(rep.compare.b, 'BenchmarkCreatePointer');
    assert.deepEqual(rep.compare.notes, []);
    const row = (id: string) => rep.compare.rows.find((x) => x.id === id)!;
    assert.deepEqual(
      rep.compare.rows.map((x) => x.id),
      [
        'nsPerOp',
        'bytesPerOp',
        'allocsPerOp',
        ...rep.compare.rows.map((x) => x.id).filter((id) => id.startsWith('gc.') || id.startsWith('cpu.')),
        'trace.ops',
        'trace.gcCycles',
        'trace.stwEvents',
        'trace.stwTotalNs',
        'trace.assistNs',
        'trace.goroutinesCreated',
        'trace.mmu.1ms',
        'trace.mmu.10ms',
      ],
    );
    const ns = row('nsPerOp');
    assert.ok(ns.a! > 0 && Math.abs(ns.ratio! - ns.b! / ns.a!) < 1e-9);
    assert.deepEqual(row('bytesPerOp'), { id: 'bytesPerOp', label: 'B/op', a: 0, b: 80, ratio: null });
    assert.deepEqual(row('trace.gcCycles'), { id: 'trace.gcCycles', label: 'trace: GC cycles', a: 0, b: ptr.gcCycles, ratio: null });
    assert.equal(row('trace.ops').ratio, 1);
    // No GC in the copy's loop: the mutator keeps (almost) every 10 ms window, a sweep of a few µs aside; the
    // pointer's cycles take a share of them.
    const mmu = row('trace.mmu.10ms');
    assert.ok(mmu.a! > 0.95 && mmu.b! < mmu.a!, JSON.stringify(mmu));
  });
}

test('bench --trace on a run too short for the MMU windows: null MMUs and a note saying so', () => {
  const r = runCli(['bench', '-C', examplesDir, '--trace', '--bench', 'CreateCopy$', '--benchtime', '1x', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const b = (JSON.parse(r.stdout) as Report).benchmarks[0]!;
  assert.equal(b.trace?.ops, 1);
  assert.deepEqual(b.trace?.mmu, { '1ms': null, '10ms': null });
  assert.ok(
    b.notes.some((n) => /^the traced run lasted \d+ µs: too short for the minimum mutator utilisation at 1 ms and 10 ms$/.test(n)),
    JSON.stringify(b.notes),
  );
});

test('bench --compare: names it cannot resolve are usage errors (exit 2)', () => {
  for (const [args, message] of [
    [['BenchmarkCreateCopy'], /--compare takes two benchmark names, A and B \(given 1\)/],
    [['CreateCopy', 'NoSuch'], /--compare NoSuch: no benchmark is named so or ends so/],
    [['CreateCopy', 'er'], /--compare er: 4 benchmarks end so \(/],
    [['CreateCopy', 'BenchmarkCreateCopy'], /--compare names BenchmarkCreateCopy twice/],
  ] as const) {
    const r = runCli(['bench', '-C', examplesDir, '--compare', ...args]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});
