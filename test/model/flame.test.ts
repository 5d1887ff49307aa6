// The flame graph's data: per-op figures from the difference of two profiled runs, nested so that no frame is
// wider than its parent even when the runs charge the same allocations to different frames (the tiny allocator).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flameGraph, type FlameNode } from '../../src/model/flame.js';
import type { Frame, MemProfile } from '../../src/model/profile.js';

const f = (fn: string, line: number): Frame => ({ function: fn, file: 'a.go', line });
const bench = f('m.BenchmarkX', 1);
const caller = f('m.Describe', 43);
const callee = f('fmt.Sprint', 280);
const other = f('fmt.Sprint', 278);
const owns = (x: Frame) => x.function === 'm.BenchmarkX';
const place = (x: Frame) => ({ file: x.file, line: x.line });
const profile = (samples: [Frame[], number, number][]): MemProfile => ({
  samples: samples.map(([stack, allocObjects, allocBytes]) => ({ stack, allocObjects, allocBytes })),
  rate: 1,
});

function check(n: FlameNode): void {
  assert.ok(n.allocs >= 0 && n.bytes >= 0, n.name);
  const allocs = n.children.reduce((t, c) => t + c.allocs, 0);
  const bytes = n.children.reduce((t, c) => t + c.bytes, 0);
  assert.ok(n.allocs - allocs >= -1e-9, `${n.name}: ${n.allocs} < ${allocs}`);
  assert.ok(n.bytes - bytes >= -1e-9, `${n.name}: ${n.bytes} < ${bytes}`);
  n.children.forEach(check);
}

test('a child is never wider than its parent when the runs split a block between caller and callee', () => {
  // 300 more iterations, 300 more 16-byte blocks: the short run charged 101 to the caller itself and 133 to the
  // callee, the long run all 534 to the callee, so the callee's own difference (401 blocks) exceeds the caller's (300).
  const low = profile([
    [[caller, bench], 101, 1616],
    [[callee, caller, bench], 133, 2128],
    [[other, caller, bench], 7, 1400],
  ]);
  const high = profile([
    [[callee, caller, bench], 534, 8544],
    [[other, caller, bench], 7, 1400],
  ]);
  const root = flameGraph('BenchmarkX', { profile: low, iterations: 100 }, { profile: high, iterations: 400 }, owns, place);
  assert.ok(root);
  check(root);
  // The root and the caller keep the slope of the whole benchmark; the callee is scaled down to it.
  assert.equal(root.allocs, 1);
  assert.equal(root.bytes, 16);
  const d = root.children[0]!;
  assert.equal(d.name, 'm.Describe');
  assert.equal(d.allocs, 1);
  assert.equal(d.children.length, 1);
  assert.equal(d.children[0]!.name, 'fmt.Sprint');
  assert.equal(d.children[0]!.allocs, 1);
  assert.equal(d.children[0]!.bytes, 16);
});

test('setup the long run did not repeat (a negative difference) is dropped, never drawn below zero', () => {
  const low = profile([
    [[other, caller, bench], 5, 5000],
    [[callee, caller, bench], 100, 1600],
  ]);
  const high = profile([[[callee, caller, bench], 400, 6400]]);
  const root = flameGraph('BenchmarkX', { profile: low, iterations: 100 }, { profile: high, iterations: 400 }, owns, place);
  assert.ok(root);
  check(root);
  const d = root.children[0]!;
  assert.deepEqual(
    d.children.map((c) => [c.name, c.line]),
    [['fmt.Sprint', 280]],
  );
  // The caller's own difference is below zero once the setup is subtracted: nothing to draw, but never negative.
  assert.ok(root.allocs >= 0);
});

test('rounding never lets three children add up to more than their parent', () => {
  const thirds = [f('g.A', 1), f('g.B', 2), f('g.C', 3)].map((x): [Frame[], number, number] => [[x, caller, bench], 1, 1]);
  const root = flameGraph('BenchmarkX', { profile: profile([]), iterations: 0 }, { profile: profile(thirds), iterations: 3 }, owns, place);
  assert.ok(root);
  check(root);
  assert.equal(root.children[0]!.children.length, 3);
});

test('no profiled iterations apart: no graph', () => {
  assert.equal(
    flameGraph('BenchmarkX', { profile: profile([]), iterations: 5 }, { profile: profile([]), iterations: 5 }, owns, place),
    null,
  );
});
