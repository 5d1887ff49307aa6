// A benchmark's GC figures from real captured gctrace lines (test/fixtures/gctrace/COMMANDS.txt): which cycles are
// the timed run's, the stop-the-world sum per op, goal and peak, and the notes for GOGC=off, a benchmark that forces
// cycles itself, lines that do not read and a trace with none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { gcFigures, gcOffByEnv, type GcFiguresInput } from '../../src/model/gc-figures.js';
import { parseGcTrace, parseGcTraceText } from '../../src/parsers/gctrace.js';
import { fixturesDir } from '../helpers/paths.js';

const RELEASES = ['go1.21.13', 'go1.26.8', 'go1.27.4'] as const;
const MIB = 2 ** 20;

function raw(release: string, name: string): string {
  return readFileSync(join(fixturesDir, 'gctrace', release, `${name}.txt`), 'utf8');
}

/** The ops of a capture: the iteration count its benchmark line printed. */
function opsOf(release: string, name: string): number {
  const bench = readFileSync(join(fixturesDir, 'gctrace', release, `${name}.bench.txt`), 'utf8');
  return Number(/^Benchmark\S+\s+(\d+)/m.exec(bench)![1]);
}

function input(release: string, name: string, benchmark: string, env: GcFiguresInput['env'] = {}): GcFiguresInput {
  return { trace: parseGcTraceText(raw(release, name)), ops: opsOf(release, name), goVersion: release, benchmark, env };
}

/** The timed run's lines, found by hand: those after the `skip`-th "(forced)" line. */
function timedLines(text: string, skip: number): string[] {
  const lines = text.split('\n').filter((l) => l.includes(' MB goal, '));
  let forced = 0;
  return lines.filter((l) => {
    if (forced >= skip) return true;
    if (l.endsWith(' (forced)')) forced++;
    return false;
  });
}

function stwMs(lines: string[]): number {
  return lines.reduce((t, l) => {
    const [a, , c] = /: ([\d.+]+) ms clock/.exec(l)![1]!.split('+').map(Number);
    return t + a! + c!;
  }, 0);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(b) * 0.005;

describe('gcFigures on captured runs', () => {
  for (const release of RELEASES) {
    it(`${release}: CreatePointer counts the cycles after the testing package's three, with their pauses, goal and peak`, () => {
      const text = raw(release, 'pointer');
      const timed = timedLines(text, 3);
      const { gc, notes } = gcFigures(input(release, 'pointer', 'BenchmarkCreatePointer'));
      assert.deepEqual(notes, []);
      assert.ok(gc);
      assert.equal(gc.ops, 2_000_000);
      assert.equal(gc.cycles, timed.length);
      assert.ok(gc.cycles > 10);
      assert.ok(close(gc.cyclesPer1kOps, (timed.length * 1000) / 2_000_000));
      assert.ok(close(gc.stwNsPerOp, (stwMs(timed) * 1e6) / 2_000_000), `${gc.stwNsPerOp}`);
      const sizes = timed.map((l) => /(\d+)->(\d+)->\d+ MB, (\d+) MB goal/.exec(l)!.slice(1, 4).map(Number));
      assert.equal(gc.heapGoalBytes, Math.max(...sizes.map((s) => s[2]!)) * MIB);
      assert.equal(gc.peakHeapBytes, Math.max(...sizes.map((s) => Math.max(s[0]!, s[1]!))) * MIB);
      assert.equal(gc.source, 'gctrace');
    });

    it(`${release}: CreateCopy ran no cycle: 0 is a figure, goal and peak unknown, no note`, () => {
      const { gc, notes } = gcFigures(input(release, 'copy', 'BenchmarkCreateCopy'));
      assert.deepEqual(gc, {
        cycles: 0,
        cyclesPer1kOps: 0,
        stwNsPerOp: 0,
        heapGoalBytes: null,
        peakHeapBytes: null,
        ops: 2_000_000,
        source: 'gctrace',
      });
      assert.deepEqual(notes, []);
    });

    it(`${release}: GOGC=off: no cycle, and the note says GC is off rather than not needed`, () => {
      const { gc, notes } = gcFigures(input(release, 'gogc-off', 'BenchmarkCreatePointer', { GOGC: 'off' }));
      assert.deepEqual([gc?.cycles, gc?.heapGoalBytes, gc?.peakHeapBytes], [0, null, null]);
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, /^GC is off \(GOGC=off\): no cycle ran because collection is disabled/);
      // The same trace without the environment: the unbounded goal still tells GC was off.
      const bare = gcFigures(input(release, 'gogc-off', 'BenchmarkCreatePointer'));
      assert.equal(bare.gc?.cycles, 0);
      assert.match(bare.notes[0]!, /^GC is off during the timed run/);
    });

    it(`${release}: a benchmark that calls runtime.GC() has its forced cycles counted, and a note`, () => {
      const text = raw(release, 'forced');
      // 3 forced by the testing package, 5 by the benchmark (every 1000 of 5000 ops): counted after the probe's.
      assert.equal(text.split('\n').filter((l) => l.endsWith(' (forced)')).length, 8);
      const timed = timedLines(text, 2);
      const { gc, notes } = gcFigures(input(release, 'forced', 'BenchmarkForcesGC'));
      assert.equal(gc?.cycles, timed.length);
      assert.ok(gc.cycles >= 6);
      assert.ok(close(gc.stwNsPerOp, (stwMs(timed) * 1e6) / 5000));
      assert.equal(notes.length, 1);
      assert.match(
        notes[0]!,
        new RegExp(
          `^the benchmark forces GC cycles itself .*: ${timed.filter((l) => l.endsWith('(forced)')).length} forced cycles are counted`,
        ),
      );
    });

    it(`${release}: a benchmark writing to stderr beside the trace loses no cycle`, () => {
      const text = raw(release, 'chatty');
      const { gc, notes } = gcFigures(input(release, 'chatty', 'BenchmarkChatty'));
      assert.equal(gc?.cycles, timedLines(text, 3).length);
      assert.deepEqual(notes, []);
    });
  }

  it('go1.26.8: a sub-benchmark: six forced cycles of the testing package are not the benchmark forcing its own', () => {
    const text = raw('go1.26.8', 'sub');
    const { gc, notes } = gcFigures(input('go1.26.8', 'sub', 'BenchmarkMux/route:/a/b/c/d'));
    assert.equal(gc?.cycles, timedLines(text, 6).length);
    assert.ok(gc.cycles > 0);
    assert.deepEqual(notes, []);
  });

  for (const release of ['go1.26.8', 'go1.27.4']) {
    it(`${release}: a b.Loop benchmark: the testing package forces two cycles, not three`, () => {
      const text = raw(release, 'loop');
      assert.equal(text.split('\n').filter((l) => l.endsWith(' (forced)')).length, 2);
      const { gc, notes } = gcFigures(input(release, 'loop', 'BenchmarkLoopPointer'));
      assert.equal(gc?.cycles, timedLines(text, 2).length);
      assert.ok(gc.cycles > 10);
      assert.deepEqual(notes, []);
    });
  }

  it('go1.26.8: a live heap of 200,000 nodes: goal and peak past the 4 MB minimum', () => {
    const { gc } = gcFigures(input('go1.26.8', 'liveheap', 'BenchmarkLiveHeap'));
    assert.ok(gc && gc.heapGoalBytes !== null && gc.heapGoalBytes > 16 * MIB);
    assert.ok(gc.peakHeapBytes !== null && gc.peakHeapBytes > 16 * MIB);
  });
});

describe('gcFigures on traces that do not say enough', () => {
  const pointer = raw('go1.27.4', 'pointer').split('\n').slice(0, -1);

  it('a format that does not read: figures null, the note names the release', () => {
    const trace = parseGcTrace(pointer.map((l) => l.replace(' ms clock', ' ms wall')));
    const r = gcFigures({ trace, ops: 2_000_000, goVersion: 'go1.99.1', benchmark: 'BenchmarkCreatePointer', env: {} });
    assert.equal(r.gc, null);
    assert.equal(r.notes.length, 1);
    assert.match(
      r.notes[0]!,
      new RegExp(`^GC figures unknown: go1\\.99\\.1's gctrace lines do not read .*\\(${pointer.length} like "gc 1 @`),
    );
  });

  it('no gctrace line at all: figures null with a note', () => {
    const r = gcFigures({ trace: parseGcTrace([]), ops: 100, goVersion: 'go1.26.8', benchmark: 'BenchmarkX', env: {} });
    assert.equal(r.gc, null);
    assert.match(r.notes[0]!, /^GC figures unknown: the cost pass printed no gctrace line/);
  });

  it('no ops: figures null with a note', () => {
    const r = gcFigures({ trace: parseGcTrace(pointer), ops: 0, goVersion: 'go1.27.4', benchmark: 'BenchmarkCreatePointer', env: {} });
    assert.equal(r.gc, null);
    assert.match(r.notes[0]!, /the cost pass ran 0 ops/);
  });

  it('a torn line still counts as a cycle, and says its pauses are missing', () => {
    const whole = gcFigures({
      trace: parseGcTrace(pointer),
      ops: 2_000_000,
      goVersion: 'go1.27.4',
      benchmark: 'BenchmarkCreatePointer',
      env: {},
    });
    const i = pointer.length - 2;
    const line = pointer[i]!;
    const cut = line.indexOf('+');
    const torn = [...pointer.slice(0, i), line.slice(0, cut) + 'tick9 ', line.slice(cut), ...pointer.slice(i + 1)];
    const r = gcFigures({ trace: parseGcTrace(torn), ops: 2_000_000, goVersion: 'go1.27.4', benchmark: 'BenchmarkCreatePointer', env: {} });
    assert.ok(r.gc && whole.gc);
    assert.equal(r.gc.cycles, whole.gc.cycles);
    assert.ok(r.gc.stwNsPerOp < whole.gc.stwNsPerOp);
    assert.match(r.notes[0]!, /^1 gctrace line did not read .*counted as cycles by their numbers/);
  });

  it('no forced cycle in the lines given: all are counted, with a note', () => {
    const unforced = pointer.filter((l) => !l.endsWith('(forced)'));
    const r = gcFigures({
      trace: parseGcTrace(unforced),
      ops: 2_000_000,
      goVersion: 'go1.27.4',
      benchmark: 'BenchmarkCreatePointer',
      env: {},
    });
    assert.equal(r.gc?.cycles, unforced.length);
    assert.match(r.notes[0]!, /runtime\.GC\(\) cycles are not in the trace/);
  });

  it("go1.26.8: GOGC=off with GOMEMLIMIT=8MiB: the cycles near the limit are counted, with the limit's goal", () => {
    const text = raw('go1.26.8', 'gogc-off-limit');
    const env = { GOGC: 'off', GOMEMLIMIT: '8MiB' };
    const r = gcFigures(input('go1.26.8', 'gogc-off-limit', 'BenchmarkCreatePointer', env));
    const timed = timedLines(text, 3);
    assert.ok(r.gc);
    assert.equal(r.gc.cycles, timed.length);
    assert.ok(r.gc.cycles > 10);
    // Goals of a few MiB under the limit, not the unbounded goal of GOGC=off alone.
    const goals = timed.map((l) => Number(/(\d+) MB goal/.exec(l)![1]));
    assert.ok(Math.max(...goals) < 8);
    assert.equal(r.gc.heapGoalBytes, Math.max(...goals) * MIB);
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0]!, /^GC is off \(GOGC=off\) except near the memory limit \(GOMEMLIMIT=8MiB\): \d+ cycles ran$/);
  });

  it('GOGC as the runtime reads it', () => {
    assert.deepEqual(
      ['off', '-1', '100', 'OFF', '', undefined].map((v) => gcOffByEnv(v)),
      [true, true, false, false, false, false],
    );
  });
});
