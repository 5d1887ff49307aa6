// What allocations cost, measured by bench's cost pass on real runs: the copy-versus-pointer twin of the examples,
// an allocation inside strconv charged to the module's line that called it, and a benchmark whose cost is in the
// GC rather than in the allocator (a million live pointers to mark); on the installed Go and on go1.27.4, whose
// compiler calls the size-specialised allocator routines directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import type { BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';
import type { Site } from '../../src/model/types.js';

function named(rep: BenchReport, name: string): BenchmarkReport & { cpu: NonNullable<BenchmarkReport['cpu']> } {
  const b = rep.benchmarks.find((x) => x.name === name);
  assert.ok(b, `${name} reported`);
  // --cost-time 2s: about 200 samples (100 on a machine shared with other work), well above the 20 a share needs.
  assert.ok(b.cpu && b.cpu.allocShare !== null && b.cpu.gcShare !== null, `${name}: ${JSON.stringify(b.cpu)} ${b.notes.join('; ')}`);
  return b as BenchmarkReport & { cpu: NonNullable<BenchmarkReport['cpu']> };
}
const lineAt = (b: BenchmarkReport, file: string, n: number) => {
  const l = b.lines.find((x) => x.file === file && x.line === n);
  assert.ok(l, `${b.name}: ${file}:${n} in ${JSON.stringify(b.lines.map((x) => `${x.file}:${x.line}`))}`);
  return l;
};

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: the CPU in the allocator and in GC, per benchmark and per line`, () => {
    const r = runCli(
      ['bench', '--format', 'json', '--cost-time', '2s', '--bench', '^Benchmark(CreateCopy|CreatePointer|Itoa)$', '-C', examplesDir],
      {
        env: tc.env,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as BenchReport;
    if (tc.env['GOTOOLCHAIN']) assert.equal(rep.go.version, tc.env['GOTOOLCHAIN']);
    // The copy allocates nothing: no CPU in the allocator (0, not missing), next to no GC (the testing package's
    // runtime.GC before the run). The pointer spends a good part of its CPU allocating, and GC work besides.
    const copy = named(rep, 'BenchmarkCreateCopy');
    const ptr = named(rep, 'BenchmarkCreatePointer');
    assert.equal(copy.cpu.allocShare, 0, JSON.stringify(copy.cpu));
    assert.ok(copy.cpu.gcShare! < 0.1, JSON.stringify(copy.cpu));
    assert.ok(ptr.cpu.allocShare! > 0.15 && ptr.cpu.gcShare! > copy.cpu.gcShare!, JSON.stringify(ptr.cpu));
    // The pointer's allocator CPU is charged to `return &BigStruct{...}`, nearly all of it.
    const ret = lineAt(ptr, 'alloc.go', 118);
    assert.ok(ret.cpuShare! >= ptr.cpu.allocShare! * 0.8 && ret.cpuShare! <= ptr.cpu.allocShare!, JSON.stringify([ret, ptr.cpu]));
    assert.ok(ret.gcShareEstimate! > 0 && ret.gcShareEstimate! <= ptr.cpu.gcShare!, JSON.stringify(ret));
    // In time: the allocator's and the estimated GC's CPU per op, no more than the benchmark's ns/op times its procs.
    assert.ok(ret.costNsPerOp! > 0 && ret.costNsPerOp! <= ptr.nsPerOp! * ptr.procs, JSON.stringify([ret.costNsPerOp, ptr.nsPerOp]));
    // The GC's figures from the same run's gctrace: the copy needs no cycle in its timed run, the pointer many,
    // each with its two stop-the-world pauses.
    assert.equal(copy.gc?.cycles, 0, JSON.stringify(copy.gc));
    assert.ok(ptr.gc && ptr.gc.cycles > 0 && ptr.gc.stwNsPerOp > 0 && ptr.gc.cyclesPer1kOps > 0, JSON.stringify(ptr.gc));
    assert.ok(ptr.gc.heapGoalBytes! > 0 && ptr.gc.peakHeapBytes! > 0 && ptr.gc.ops > 0, JSON.stringify(ptr.gc));
    // Itoa allocates inside strconv: its allocator CPU lands on the module's line that called strconv.Itoa.
    const itoa = named(rep, 'BenchmarkItoa');
    const call = lineAt(itoa, 'alloc.go', 111);
    assert.ok(itoa.cpu.allocShare! > 0 && call.cpuShare! > 0 && call.cpuShare! <= itoa.cpu.allocShare!, JSON.stringify([call, itoa.cpu]));

    // analyze ranks by what this bench measured (the measured store): the pointer's site carries its allocator CPU.
    const a = runCli(['analyze', '--format', 'json', '-C', examplesDir], { env: tc.env });
    assert.equal(a.code, 0, a.stderr);
    const sites = (JSON.parse(a.stdout) as { sites: Site[] }).sites.filter((s) => s.file === 'alloc.go' && s.line === 118 && s.heap);
    assert.ok(
      sites.length > 0 &&
        sites.every((s) => s.cost?.source === 'measured' && s.cost.cpuShare === ret.cpuShare && s.cost.costNsPerOp === ret.costNsPerOp),
      JSON.stringify(sites),
    );

    // A million live nodes to mark and a loop that allocates large pointer-free buffers: more CPU in GC than in the allocator.
    const g = runCli(['bench', '--format', 'json', '--cost-time', '2s', '-C', join(fixturesDir, 'modules', 'gccost')], { env: tc.env });
    assert.equal(g.code, 0, g.stderr);
    const live = named(JSON.parse(g.stdout) as BenchReport, 'BenchmarkLiveHeap');
    assert.ok(live.gc && live.gc.cycles > 0, JSON.stringify(live.gc));
    assert.ok(live.cpu.gcShare! > live.cpu.allocShare!, JSON.stringify(live.cpu));
    assert.ok(lineAt(live, 'gccost.go', 37).cpuShare! > 0);
  });
}

test('GOGC=off: the pointer runs no GC cycle, and the benchmark says GC is off, not that none was needed', () => {
  const r = runCli(['bench', '--format', 'json', '--benchtime', '200ms', '--bench', '^BenchmarkCreatePointer$', '-C', examplesDir], {
    env: { GOGC: 'off' },
  });
  assert.equal(r.code, 0, r.stderr);
  const ptr = (JSON.parse(r.stdout) as BenchReport).benchmarks.find((b) => b.name === 'BenchmarkCreatePointer')!;
  assert.equal(ptr.gc?.cycles, 0, JSON.stringify(ptr.gc));
  assert.equal(ptr.gc?.heapGoalBytes, null, JSON.stringify(ptr.gc));
  assert.ok(
    ptr.notes.some((n) => n.includes('GOGC=off')),
    ptr.notes.join('\n'),
  );
});
