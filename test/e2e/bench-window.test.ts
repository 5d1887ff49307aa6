// heapscope bench charges per op only what the benchmark's timed loop allocates, and its lines add up to what
// go test measured: run-time sizes from the profile, profiled runs as long as --benchtime Nx asks, a goroutine's
// allocations charged to the benchmark that started it, setup before b.ResetTimer and under b.StopTimer kept apart,
// package initialisation never per op. On the benchwindow fixture, with the installed Go and the next release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, TOOLCHAINS } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { BenchLine, BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';

const near = (actual: number, expected: number, tol = 0.05): boolean => Math.abs(actual - expected) <= tol;
const at = (l: BenchLine): string => `${l.file}:${l.line}`;

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: bench on benchwindow: per-line figures add up to go test, nothing outside the timed loop charged per op`, () => {
    const dir = join(fixturesDir, 'modules', 'benchwindow');
    const r = runCli(['bench', '--format', 'json', '--benchtime', '20000x', '-C', dir], { env: tc.env });
    assert.equal(r.code, 0, r.stderr);
    const rep = JSON.parse(r.stdout) as BenchReport;
    if (tc.env['GOTOOLCHAIN']) assert.equal(rep.go.version, tc.env['GOTOOLCHAIN']);
    const bench = (name: string): BenchmarkReport => {
      const b = rep.benchmarks.find((x) => x.name === name);
      assert.ok(b, `${name} reported`);
      return b!;
    };
    // The lines that allocate per op, rounded away from the noise of a GC or a pool.
    const perOp = (b: BenchmarkReport): string[] => b.lines.filter((l) => l.allocsPerOp >= 0.5).map(at);
    const line = (b: BenchmarkReport, where: string): BenchLine => {
      const l = b.lines.find((x) => at(x) === where);
      assert.ok(l, `${b.name}: ${where} in ${JSON.stringify(b.lines.map(at))}`);
      return l!;
    };

    for (const b of rep.benchmarks) {
      // --benchtime 20000x: the profiled runs go toward it (0.2 s of recording each, about 10 µs an allocation),
      // so one-offs are not 1/(N2 − N1) per op at 400 iterations.
      assert.ok(b.profiledIterations && b.profiledIterations[1] >= 5000, `${b.name}: ${b.profiledIterations}`);
      // Package initialisation (2 MB of strings on window.go:26, sampled at the default rate) is never per op.
      assert.ok(!b.lines.some((l) => l.file === 'window.go' && l.line >= 24 && l.line <= 27), `${b.name}: ${b.lines.map(at)}`);
      // The lines add up to go test's allocs/op (printed truncated), or a note says why they do not.
      const sum = b.lines.reduce((t, l) => t + l.allocsPerOp, 0);
      assert.ok(
        b.allocsPerOp === Math.floor(sum + 0.005) || b.notes.some((n) => /add up to/.test(n)),
        `${b.name}: ${sum} vs ${b.allocsPerOp}`,
      );
    }

    // make([]byte, 0, size) with size a variable: the size measured, not the listing's len of 0.
    const buf = line(bench('BenchmarkBuffer'), 'window.go:15');
    assert.ok(near(buf.allocsPerOp, 1) && near(buf.bytesPerOp, 112, 0.5));
    assert.deepEqual(
      buf.allocations.map((a) => [a.type, a.size, a.sizeMeasured]),
      [['[]uint8 backing array', 112, true]],
    );
    assert.deepEqual(
      buf.typeDetails.map((t) => [t.type, t.size]),
      [['[]uint8 backing array', 112]],
    );

    // A pool warm from the first op: the Point only, no refill line.
    const pool = bench('BenchmarkPool');
    assert.deepEqual(perOp(pool), ['window.go:40']);
    assert.ok(
      !pool.lines.some((l) => l.file === 'window.go' && l.line >= 32 && l.line <= 42 && l.line !== 40),
      JSON.stringify(pool.lines.map(at)),
    );

    // The Point allocated on the goroutine Produce starts is the benchmark's, beside its own 256 bytes.
    const g = bench('BenchmarkGoroutine');
    assert.equal(g.allocsPerOp, 2);
    assert.deepEqual(perOp(g).sort(), ['window.go:50', 'window_test.go:31']);
    assert.ok(near(line(g, 'window.go:50').bytesPerOp, 16, 0.5));
    assert.ok(!g.notes.some((n) => /tiny allocations/.test(n)), JSON.stringify(g.notes));

    // Setup before b.ResetTimer and work under b.StopTimer: b.N times, apart from the per-op lines.
    for (const [name, setup] of [
      ['BenchmarkSetup', ['window_test.go:38', 'window_test.go:40']],
      ['BenchmarkStopTimer', ['window_test.go:52']],
    ] as const) {
      const b = bench(name);
      assert.equal(b.allocsPerOp, 1);
      assert.deepEqual(perOp(b), ['window.go:64'], name);
      assert.ok(near(line(b, 'window.go:64').bytesPerOp, 24, 0.5));
      assert.deepEqual((b.untimed ?? []).map(at).sort(), [...setup]);
      assert.ok(near(b.untimed!.find((l) => at(l) === setup.at(-1))!.allocsPerOp, 1));
      assert.ok(b.untimed!.every((l) => l.notes.some((n) => /^setup: runs outside the timed loop/.test(n))));
      assert.ok(!b.notes.some((n) => /add up to/.test(n)), JSON.stringify(b.notes));
    }
  });
}
