// heapscope bench and explain end to end on real benchmarks: the bundled examples (known allocation
// behaviour, one assertion per case) and a module whose benchmarks fail, panic, skip and time out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import type { BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';
import type { Explanation } from '../../src/model/explain-report.js';
import type { FlameNode } from '../../src/model/flame.js';

const near = (actual: number, expected: number, tol = 0.05): boolean => Math.abs(actual - expected) <= tol;
// go test's own B/op counts every allocation during the timed loop, the runtime's too: on a loaded machine a
// few hundred background bytes over 2000 iterations add a byte or two per op, never take any away.
/** The benchmark of that name in a report, asserted to be there. */
function benchmarkNamed(rep: BenchReport, name: string): BenchmarkReport {
  const b = rep.benchmarks.find((x) => x.name === name);
  assert.ok(b, `${name} reported`);
  return b!;
}

const measuredBytes = (actual: number | null, expected: number): void =>
  assert.ok(actual !== null && actual >= expected && actual <= expected + 8, `measured ${actual} B/op, expected ${expected}`);

test('bench on the examples: each allocation on its line, with type, per-op figures, cause and notes', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '2000x', '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const bench = (name: string): BenchmarkReport => benchmarkNamed(rep, name);
  const line = (b: BenchmarkReport, file: string, n: number) => {
    const l = b.lines.find((x) => x.file === file && x.line === n);
    assert.ok(l, `${b.name}: line ${file}:${n} in ${JSON.stringify(b.lines.map((x) => `${x.file}:${x.line}`))}`);
    return l!;
  };

  // A returned pointer: one 16-byte Point per op, on the line of the moved variable.
  const np = bench('BenchmarkNewPoint');
  assert.ok(np.procs >= 1 && !/-\d+$/.test(np.name));
  assert.equal(np.allocsPerOp, 1);
  measuredBytes(np.bytesPerOp, 16);
  const npl = line(np, 'alloc.go', 17);
  assert.ok(near(npl.allocsPerOp, 1) && near(npl.bytesPerOp, 16, 0.5));
  assert.deepEqual(npl.types, ['example.com/heapscope/examples.Point']);
  assert.equal(npl.sites[0]?.expr, 'p');
  assert.equal(npl.cause?.id, 'returned-address');
  // Nothing else allocates once per op (GC or pool refills under load can add lines far below that).
  assert.equal(np.lines.filter((l) => l.allocsPerOp >= 0.5).length, 1);

  // A boxed integer through fmt: the interface conversion. Its 8-byte box and fmt.Sprint's 6-byte string share a
  // 16-byte tiny block, of which the profile records only the allocation that opened it: either both calls show
  // (each opening some blocks) and the line is estimated at one object per op from each, or only the box does and
  // the benchmark's note names it as the opener whose block holds the object no line shows.
  const d = bench('BenchmarkDescribe');
  const dl = line(d, 'alloc.go', 43);
  assert.equal(dl.cause?.id, 'interface-conversion');
  assert.ok(dl.notes.some((n) => /Describe is inlined into BenchmarkDescribe at alloc_test\.go:39:24/.test(n)));
  assert.equal(d.allocsPerOp, 2);
  if (dl.profiledAllocsPerOp !== undefined) {
    assert.ok(near(dl.profiledAllocsPerOp, 1, 0.1) && near(dl.allocsPerOp, 2, 0.1), JSON.stringify(dl));
    // Which call opened the run's blocks is chance (either or both): the estimate rests on the ones that showed.
    const estimated = dl.allocations.filter((a) => a.tinyEstimate).map((a) => a.runtime);
    assert.ok(estimated.length > 0 && estimated.every((r) => r === 'convT64' || r === 'slicebytetostring'), JSON.stringify(dl));
  } else {
    assert.ok(
      // The block's opener is whichever of the two the profile saw first in each block: the box or the string. When
      // the split leaves no call to name (seen when all benchmarks are profiled together, about one run in ten), the
      // note still says the gap is tiny objects, with the bytes that agree.
      d.notes.some(
        (n) =>
          /1 allocs\/op are tiny objects no line shows.*alloc\.go:43's (runtime\.convT64 \(int, 8 B\) leaves 8 B|\S+ \([^)]*size unknown\) leaves room)/.test(
            n,
          ) || /the lines add up to 1 allocs\/op but the benchmark measured 2: the difference is tiny allocations.*bytes agree/.test(n),
      ),
      JSON.stringify(d.notes),
    );
  }
  // Tiny objects alone on their line: the profile's fraction of a block per op times the objects one block holds,
  // from the type's size (an 8-byte int, an 8-byte struct) or, for a string, from the count (a 4-digit Itoa: 4 per
  // block; "dir/name": 2). The lines then add up to go test's allocs/op.
  for (const [name, at, blocks, perBlock, basis] of [
    ['BenchmarkCounter', 48, 0.5, 2, 'size'],
    ['BenchmarkRegister', 84, 0.5, 2, 'size'],
    ['BenchmarkJoin', 90, 0.5, 2, 'count'],
    ['BenchmarkItoa', 111, 0.25, 4, 'count'],
  ] as const) {
    const b = bench(name);
    const l = line(b, 'alloc.go', at);
    const est = l.allocations[0]?.tinyEstimate;
    assert.ok(est && near(est.profiledAllocsPerOp, blocks, 0.03), `${name}: ${JSON.stringify(l.allocations)}`);
    assert.deepEqual([est.perBlock, est.basis], [perBlock, basis], name);
    assert.ok(near(l.allocsPerOp, 1, 0.05) && near(l.profiledAllocsPerOp ?? 0, blocks, 0.03), `${name}: ${JSON.stringify(l)}`);
    assert.ok(
      near(
        b.lines.reduce((t, x) => t + x.allocsPerOp, 0),
        b.allocsPerOp!,
        0.1,
      ),
      `${name}: ${JSON.stringify(b.lines)}`,
    );
  }

  // A closure with a captured variable: the closure context and the captured int.
  const c = bench('BenchmarkCounter');
  const closure = line(c, 'alloc.go', 49);
  assert.ok(near(closure.allocsPerOp, 1));
  assert.ok(closure.typeDetails.some((t) => t.type === 'closure capturing *int' && t.size === 16));
  assert.equal(line(c, 'alloc.go', 48).cause?.id, 'closure-capture');

  // A run-time sized make that "does not escape" yet allocates: 101 bytes rounded to the 112-byte class.
  const buf = bench('BenchmarkBuffer');
  const bl = line(buf, 'alloc.go', 66);
  assert.equal(bl.cause?.id, 'heap-backed-stack-make');
  assert.ok(near(bl.bytesPerOp, 112, 0.5));
  measuredBytes(buf.bytesPerOp, 112);

  // A large buffer.
  const lg = line(bench('BenchmarkLarge'), 'alloc.go', 73);
  assert.equal(lg.cause?.id, 'too-large');
  assert.ok(near(lg.bytesPerOp, 81920, 1));

  // Zero-allocation cases, including the classic inlined repro.
  for (const name of ['BenchmarkCreateCopy', 'BenchmarkMemAlloc']) {
    const z = bench(name);
    assert.equal(z.allocsPerOp, 0);
    assert.deepEqual(z.lines, []);
  }

  // An allocation inside a library call is charged to the calling line, with the innermost frame.
  const it = line(bench('BenchmarkItoa'), 'alloc.go', 111);
  assert.equal(it.innermost, 'strconv.FormatInt');
  assert.equal(it.cause?.id, 'library-allocation');

  // A goroutine: the channel (runtime) and the closure (goroutine), each once per op.
  const a = bench('BenchmarkAsync');
  assert.equal(line(a, 'alloc.go', 57).cause?.id, 'runtime-internal');
  assert.equal(line(a, 'alloc.go', 58).cause?.id, 'goroutine');

  // Every benchmark's lines add up to its measured allocs/op, or a note says why not.
  for (const b of rep.benchmarks) {
    const sum = b.lines.reduce((s, l) => s + l.allocsPerOp, 0);
    const agrees = Math.abs(sum - (b.allocsPerOp ?? 0)) < 0.5 || Math.floor(sum + 1e-9) === b.allocsPerOp;
    assert.ok(agrees || b.notes.some((n) => /add up to/.test(n)), `${b.name}: ${sum} vs ${b.allocsPerOp}`);
  }

  // Every flame node is at least as wide as its children, in both measures, and none is negative.
  let flames = 0;
  for (const b of rep.benchmarks) {
    if (!b.flame) continue;
    flames++;
    const walk = (n: FlameNode, path: string): void => {
      const where = `${b.name}: ${path}`;
      assert.ok(n.allocs >= 0 && n.bytes >= 0, where);
      const allocs = n.children.reduce((t, c) => t + c.allocs, 0);
      const bytes = n.children.reduce((t, c) => t + c.bytes, 0);
      assert.ok(n.allocs - allocs >= -1e-6, `${where}: ${n.allocs} allocs/op < children's ${allocs}`);
      assert.ok(n.bytes - bytes >= -1e-6, `${where}: ${n.bytes} B/op < children's ${bytes}`);
      for (const c of n.children) walk(c, `${path} > ${c.name}:${c.line}`);
    };
    walk(b.flame, b.name);
  }
  assert.ok(flames >= 8, `${flames} flame graphs`);
});

test('bench with failing, panicking, skipped and slow benchmarks: clear messages, the rest reported, exit 1', () => {
  const dir = join(fixturesDir, 'bench', 'failing');
  const r = runCli(['bench', '--format', 'json', '--benchtime', '200x', '-C', dir, '.']);
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const errors = rep.packages.flatMap((p) => p.errors);
  assert.ok(
    errors.some((e) => /^BenchmarkPanics panicked: assignment to entry in nil map/.test(e)),
    JSON.stringify(errors),
  );
  assert.ok(
    // The testing package can print a 0-iteration result and PASS before the runtime prints the panic, and exit 0.
    errors.some((e) => /^BenchmarkLatePanic (panicked: late panic|ended the test binary: exit status|measured nothing)/.test(e)),
    JSON.stringify(errors),
  );
  assert.ok(errors.some((e) => /^BenchmarkFatal failed: .*cannot reach the server/.test(e)));
  assert.ok(rep.packages.flatMap((p) => p.notes).some((n) => /^BenchmarkSkip was skipped: .*needs a GPU/.test(n)));
  // Benchmarks before and after the panics still ran.
  const names = rep.benchmarks.map((b) => b.name);
  for (const n of ['BenchmarkFast', 'BenchmarkMetrics', 'BenchmarkSub/size=8']) assert.ok(names.includes(n), n);
  assert.ok(rep.benchmarks.find((b) => b.name === 'BenchmarkMetrics')!.metrics['MB/s']);
});

test('a benchmark whose goroutine ends without failing reports 0 iterations: named as measuring nothing, exit 1', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '100x', '--no-cost', '-C', join(fixturesDir, 'modules', 'goexit'), '.']);
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const errors = rep.packages.flatMap((p) => p.errors);
  assert.ok(
    errors.some((e) => /^BenchmarkGoexit measured nothing: it reported 0 iterations/.test(e)),
    JSON.stringify(errors),
  );
  assert.deepEqual(
    rep.benchmarks.map((b) => b.name),
    ['BenchmarkAlloc'],
  );
  // --no-cost: no cost pass, no CPU figures.
  assert.ok(rep.benchmarks.every((b) => !('cpu' in b)));
});

test('bench: a test binary that does not compile, nothing matching, and a timeout', () => {
  const broken = runCli(['bench', '-C', join(fixturesDir, 'modules', 'broken'), './bad']);
  assert.notEqual(broken.code, 0);
  assert.match(broken.stdout + broken.stderr, /undefined: undefinedThing/);

  const none = runCli(['bench', '--bench', 'NoSuchBenchmark', '-C', examplesDir]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no benchmark matches --bench NoSuchBenchmark/);

  const t0 = Date.now();
  const slow = runCli(['bench', '--format', 'json', '--timeout', '2s', '-C', join(fixturesDir, 'modules', 'slow')]);
  assert.ok(Date.now() - t0 < 60000, 'the sleeping benchmark was stopped');
  assert.equal(slow.code, 1, slow.stderr);
  const rep = JSON.parse(slow.stdout) as BenchReport;
  const errs = rep.packages[0]!.errors;
  assert.ok(
    errs.some((e) => /^BenchmarkSleep timed out after 2s/.test(e)),
    JSON.stringify(errs),
  );
  // The benchmark after the one that timed out still runs.
  assert.ok(rep.benchmarks.some((b) => b.name === 'BenchmarkQuick'));
});

test('explain on the classic repro: moved to heap on its own, inlined into the benchmark, no allocation there', () => {
  const r = runCli(['explain', 'alloc.go:30', '--format', 'json'], { cwd: examplesDir });
  assert.equal(r.code, 0, r.stderr);
  const ex = JSON.parse(r.stdout) as {
    function: { name: string; inlinable: boolean; cost: number };
    inlinedInto: { caller: string; file: string; line: number }[];
    sites: { kind: string; expr: string; notes?: string[] }[];
    allocations: { type: string; runtime: string; function: string }[];
  };
  assert.equal(ex.function.name, 'memAllocRepro');
  assert.equal(ex.function.inlinable, true);
  assert.deepEqual(
    ex.inlinedInto.map((c) => `${c.caller} ${c.file}:${c.line}`),
    ['BenchmarkMemAlloc alloc_test.go:32'],
  );
  const moved = ex.sites.find((s) => s.kind === 'moved-to-heap')!;
  assert.equal(moved.expr, 'values');
  assert.ok(moved.notes?.some((n) => /stays on the stack where memAllocRepro is inlined into BenchmarkMemAlloc/.test(n)));
  // Compiled on its own, the function allocates the []int header with newobject.
  assert.ok(ex.allocations.some((a) => a.type === '[]int' && a.runtime === 'newobject' && /memAllocRepro$/.test(a.function)));

  const text = runCli(['explain', 'alloc.go:30', '--bench', 'MemAlloc'], { cwd: examplesDir });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /values moved to heap/);
  assert.match(text.stdout, /inlined into BenchmarkMemAlloc at alloc_test\.go:32:16/);
  assert.match(text.stdout, /BenchmarkMemAlloc: no allocation on this line/);
});

test('b.Loop and b.N loops: per-op figures exclude setup, which is reported apart', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '500x', '-C', join(fixturesDir, 'modules', 'bloop')]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  for (const name of ['BenchmarkLoop', 'BenchmarkClassic']) {
    const b = rep.benchmarks.find((x) => x.name === name)!;
    assert.ok(b, name);
    assert.equal(b.allocsPerOp, 1, `${name} measured`);
    const perLine = b.lines.filter((l) => l.file === 'bloop_test.go');
    assert.equal(perLine.length, 1, JSON.stringify(b.lines.map((l) => [l.line, l.allocsPerOp])));
    assert.ok(near(perLine[0]!.allocsPerOp, 1), `${name}: ${perLine[0]!.allocsPerOp}`);
    assert.ok(perLine[0]!.types.includes('example.com/bloop.node'), JSON.stringify(perLine[0]!.types));
    // Outside the per-op slope (the setup slice does not escape: it is on the stack): a b.N loop runs its body
    // once more in the b.N = 1 probe, b.Loop does not.
    assert.deepEqual(b.setup, name === 'BenchmarkClassic' ? { allocs: 1, bytes: 8 } : { allocs: 0, bytes: 0 }, name);
  }
});

test('sub-benchmarks whose names hold "/": each is run and profiled alone, and its lines add up to what it measured', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '1000x', '-C', join(fixturesDir, 'modules', 'subbench')]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const want: Record<string, number> = {
    'BenchmarkMux/route:/a/b': 32,
    'BenchmarkMux/route:/a/b/c': 48,
    'BenchmarkMux/route:/a/b/c/d': 64,
  };
  assert.deepEqual(rep.benchmarks.map((b) => b.name).sort(), Object.keys(want).sort());
  for (const b of rep.benchmarks) {
    assert.equal(b.allocsPerOp, 1, b.name);
    measuredBytes(b.bytesPerOp, want[b.name]!);
    // The sub-benchmark's own line; a sibling's setup (line 13) runs once per profiled run and cancels out of
    // the slope, so at most a trace of it is left under load, never a share of an allocation per op.
    const lines = b.lines.filter((l) => l.file === 'sub_test.go' && l.allocsPerOp >= 0.05);
    assert.deepEqual(
      lines.map((l) => l.line),
      [15],
      `${b.name}: ${JSON.stringify(b.lines.map((l) => [l.line, l.allocsPerOp, l.bytesPerOp]))}`,
    );
    const total = b.lines.reduce((t, l) => t + l.allocsPerOp, 0);
    assert.ok(near(total, 1, 0.1), `${b.name}: the lines add up to ${total}`);
    assert.ok(near(lines[0]!.allocsPerOp, 1) && near(lines[0]!.bytesPerOp, want[b.name]!, 0.5), `${b.name}: ${JSON.stringify(lines[0])}`);
    assert.deepEqual(
      lines[0]!.allocations.map((a) => [a.runtime, a.type]),
      [['makeslice', '[]uint8 backing array']],
    );
  }
});

test('a generic function instantiated for several shapes: the line shows the instance that ran, decided where it was inlined', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '1000x', '-C', join(fixturesDir, 'modules', 'generics')]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const b = rep.benchmarks.find((x) => x.name === 'BenchmarkMapInt')!;
  assert.equal(b.allocsPerOp, 1);
  const l = b.lines.find((x) => x.file === 'gen.go' && x.line === 7)!;
  assert.ok(l, JSON.stringify(b.lines.map((x) => `${x.file}:${x.line}`)));
  // The []int of this benchmark only: not the []string, []func() or other []int instances of the package.
  assert.deepEqual(
    l.allocations.map((a) => [a.runtime, a.type, a.size]),
    [['makeslice', '[]int backing array, cap 8', 64]],
  );
  assert.deepEqual(
    l.sites.map((s) => [`${s.file}:${s.line}:${s.column}`, s.function, s.expr]),
    [['gen_test.go:11:17', 'BenchmarkMapInt', 'make([]go.shape.int, 0, 8)']],
  );
  assert.equal(l.cause?.id, 'stored-in-heap');
});

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: every allocating line of the examples names what it allocates, and amortised bytes are kept`, () => {
    const r = runCli(['bench', '--format', 'json', '--benchtime', '2000x', '-C', examplesDir], { env: tc.env });
    assert.equal(r.code, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as BenchReport;
    if (tc.env['GOTOOLCHAIN']) assert.equal(rep.go.version, tc.env['GOTOOLCHAIN']);
    const lines = rep.benchmarks.flatMap((b) =>
      b.lines.filter((l) => l.file === 'alloc.go' && l.allocsPerOp >= 0.2).map((l) => ({ b: b.name, l })),
    );
    assert.ok(lines.length >= 12, `${lines.length} allocating lines`);
    for (const { b, l } of lines) {
      assert.ok(l.allocations.length > 0, `${b} alloc.go:${l.line}: ${JSON.stringify(l)}`);
      for (const a of l.allocations) assert.ok(a.type, `${b} alloc.go:${l.line}: ${JSON.stringify(a)}`);
    }
    // A slice kept across iterations (Register appends to a package-level slice): its growth is a fraction of an
    // allocation per op, and its bytes are kept and marked amortised.
    const reg = rep.benchmarks.find((b) => b.name === 'BenchmarkRegister')!;
    const grow = reg.lines.find((l) => l.file === 'alloc.go' && l.line === 85);
    assert.ok(grow && grow.amortised && grow.allocsPerOp < 0.5 && grow.bytesPerOp >= 8, JSON.stringify(reg.lines));
    assert.deepEqual(
      grow.allocations.map((a) => a.runtime),
      ['growslice'],
    );
    // The cost pass ran 2000 iterations of each: a few milliseconds, too few CPU samples for a share, and the note
    // says how many (a GC-only run: 0). A benchmark that allocated nothing has no cost run, and its figures are 0.
    const ptr = rep.benchmarks.find((b) => b.name === 'BenchmarkCreatePointer')!;
    assert.ok(ptr.cpu && ptr.cpu.samples < 20 && ptr.cpu.allocShare === null && ptr.cpu.gcShare === null, JSON.stringify(ptr.cpu));
    assert.ok(
      ptr.notes.some((n) => n.startsWith(`only ${ptr.cpu!.samples} CPU sample`)),
      JSON.stringify(ptr.notes),
    );
    assert.ok(ptr.gc && ptr.gc.source === 'gctrace' && ptr.gc.ops > 0, JSON.stringify(ptr.gc));
    const copy = rep.benchmarks.find((b) => b.name === 'BenchmarkCreateCopy')!;
    assert.deepEqual(
      [copy.cpu, copy.gc?.cycles, copy.gc?.source],
      [{ allocShare: 0, gcShare: 0, samples: 0, seconds: 0 }, 0, 'no-allocation'],
    );
  });
}

test('explain --bench finds the benchmarks of another package that reach the line', () => {
  const dir = join(fixturesDir, 'modules', 'crosspkg');
  const r = runCli(['explain', 'lib/lib.go:6', '--bench', 'Use', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const ex = JSON.parse(r.stdout) as Explanation;
  assert.equal(ex.package, 'example.com/crosspkg/lib');
  const use = ex.benchmarks.find((b) => b.name === 'BenchmarkUse');
  assert.equal(use?.package, 'example.com/crosspkg');
  assert.equal(use?.line?.allocsPerOp, 1);
  assert.equal(use?.line?.bytesPerOp, 112); // make([]byte, 100): the 112-byte size class
});

// Each line's cause and types from the allocations that ran there, never from another decision on the line or
// another path's allocation call (test/fixtures/modules/benchlines, one benchmark per case).
for (const tc of TOOLCHAINS) {
  test(`${tc.name}: bench lines take cause and types from what allocated; analyze ranks only the sites that did`, () => {
    const dir = join(fixturesDir, 'modules', 'benchlines');
    const r = runCli(['bench', '--format', 'json', '--benchtime', '2000x', '-C', dir], { env: tc.env });
    assert.equal(r.code, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as BenchReport;
    const bench = (name: string): BenchmarkReport => benchmarkNamed(rep, name);
    const line = (b: BenchmarkReport, n: number) => {
      const l = b.lines.find((x) => x.file === 'lines.go' && x.line === n);
      assert.ok(l, `${b.name}: lines.go:${n} in ${JSON.stringify(b.lines.map((x) => `${x.file}:${x.line}`))}`);
      return l!;
    };
    // The lines add up to what go test -benchmem measured (allocs/op is printed truncated; tiny objects could
    // share a block, but none of these is under 16 bytes).
    const addsUp = (b: BenchmarkReport, allocs: number, bytes: number): void => {
      assert.equal(b.allocsPerOp, allocs, b.name);
      measuredBytes(b.bytesPerOp, bytes);
      const own = b.lines.filter((l) => l.file !== '');
      assert.ok(
        near(
          own.reduce((t, l) => t + l.allocsPerOp, 0),
          allocs,
          0.1,
        ),
        `${b.name}: ${JSON.stringify(own)}`,
      );
      assert.ok(
        near(
          own.reduce((t, l) => t + l.bytesPerOp, 0),
          bytes,
          8,
        ),
        `${b.name}: ${JSON.stringify(own)}`,
      );
    };

    // 1. Every allocation is the string made inside net.IP.String: the appends on the line (room in the slice,
    // which escapes) are context, not the cause, and lend the line none of their types.
    const ip = bench('BenchmarkAppendIP');
    addsUp(ip, 1, 16);
    const ipl = line(ip, 15);
    assert.equal(ipl.cause?.id, 'library-allocation');
    assert.deepEqual(
      ipl.allocations.map((a) => [a.callee, a.type]),
      [['net.IP.String', 'string bytes']],
    );
    assert.deepEqual(ipl.sites, []);
    assert.deepEqual(ipl.context?.map((s) => s.expr).sort(), ['append(dst, byte(44))', 'append(dst, s...)']);
    assert.deepEqual(ipl.types, []);

    // 2. The map grows inside mapassign: map-growth, its own call and type, never the errors.New after the loop.
    const fill = bench('BenchmarkFill');
    addsUp(fill, 11, 4648);
    const grow = line(fill, 29);
    assert.equal(grow.cause?.id, 'map-growth');
    assert.deepEqual(grow.types, ['map[int]int']);
    assert.deepEqual(
      grow.allocations.map((a) => [a.runtime, a.type]),
      [['mapassign_fast64', 'map[int]int storage (groups, tables)']],
    );
    // The listing cannot know the size of what a map insert allocates: it is the profile's, marked measured.
    assert.ok(grow.allocations[0]!.size === null || (grow.allocations[0]!.sizeMeasured && grow.allocations[0]!.size! > 0));
    assert.ok(!JSON.stringify(grow).includes('errorString'), JSON.stringify(grow));
    assert.equal(line(fill, 27).cause?.id, 'returned-value');

    // 3. The make+copy branch after the type switch's jump table: a 112-byte slice, no size carried from the
    // branch laid out before it.
    const cp = bench('BenchmarkCopy');
    addsUp(cp, 2, 136);
    const mk = line(cp, 52);
    assert.ok(near(mk.bytesPerOp, 112, 1), JSON.stringify(mk));
    // make+copy's mallocgc names no type; its size is the profile's, per allocation (112 B, a size class).
    assert.deepEqual(
      mk.allocations.map((a) => [a.runtime, a.type, a.size, a.sizeMeasured]),
      [['mallocgc', null, 112, true]],
    );
    assert.deepEqual(
      mk.sites.map((s) => s.expr),
      ['make([]byte, len(b))'],
    );
    assert.deepEqual(mk.typeDetails, []);
    assert.ok(near(line(cp, 54).bytesPerOp, 24, 1));

    // What analyze ranks by: the figures went to the sites that made the allocations, not to the appends.
    const a = runCli(['analyze', '--format', 'json', '-C', dir], { env: tc.env });
    assert.equal(a.code, 0, a.stderr);
    const m = JSON.parse(a.stdout) as {
      sites: { file: string; line: number; expr: string; cost?: { source: string; allocsPerOp?: number } }[];
    };
    const cost = (n: number, expr: string) => m.sites.find((s) => s.file === 'lines.go' && s.line === n && s.expr === expr)?.cost;
    assert.equal(cost(15, 'append(dst, s...)')?.source, 'estimated');
    assert.equal(cost(15, 'append(dst, byte(44))')?.source, 'estimated');
    assert.equal(cost(27, 'make(map[int]int)')?.source, 'measured');
    assert.equal(cost(52, 'make([]byte, len(b))')?.allocsPerOp, 1);
  });
}
