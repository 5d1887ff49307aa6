// The ranking's order of costs: measured before estimated; among measured sites, those whose CPU the cost pass
// measured first, by CPU ns per op (allocator measured + GC estimated: comparable across benchmarks, where shares
// are not), then the others by bytes per op.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costOrder } from '../../src/model/ranking.js';
import type { SiteCost } from '../../src/model/types.js';

test('measured sites rank by CPU ns/op where measured, then by B/op; estimates last', () => {
  const costs: Record<string, SiteCost> = {
    // A 16 KiB buffer made once per op in a slow benchmark: a small share of its CPU, but more time than the pointer.
    buffer: { source: 'measured', score: 16384, basis: '', allocsPerOp: 1, bytesPerOp: 16384, cpuShare: 0.12, costNsPerOp: 900 },
    // An 80-byte struct in a 40 ns benchmark: the larger share of a smaller time.
    pointer: { source: 'measured', score: 80, basis: '', allocsPerOp: 1, bytesPerOp: 80, cpuShare: 0.4, costNsPerOp: 30 },
    cheap: { source: 'measured', score: 100000, basis: '', allocsPerOp: 1, bytesPerOp: 100000, cpuShare: 0, costNsPerOp: 0 },
    // Measured without a cost pass (--no-cost, too few samples): after those with a share, by bytes.
    big: { source: 'measured', score: 4096, basis: '', allocsPerOp: 1, bytesPerOp: 4096 },
    small: { source: 'measured', score: 16, basis: '', allocsPerOp: 2, bytesPerOp: 16 },
    loop: { source: 'estimated', score: 100, basis: '' },
  };
  const order = Object.keys(costs).sort((a, b) => costOrder(costs[a], costs[b]));
  assert.deepEqual(order, ['buffer', 'pointer', 'cheap', 'big', 'small', 'loop']);
});

test('--sort allocs: measured sites by allocs/op first, then as the cost ranking; estimates still last', () => {
  const costs: Record<string, SiteCost> = {
    slowOnce: { source: 'measured', score: 81920, basis: '', allocsPerOp: 1, bytesPerOp: 81920, costNsPerOp: 16000 },
    manySmall: { source: 'measured', score: 80, basis: '', allocsPerOp: 5, bytesPerOp: 80, costNsPerOp: 90 },
    twoSmall: { source: 'measured', score: 32, basis: '', allocsPerOp: 2, bytesPerOp: 32 },
    loop: { source: 'estimated', score: 100, basis: '' },
  };
  const by = (key: 'time' | 'allocs'): string[] => Object.keys(costs).sort((a, b) => costOrder(costs[a], costs[b], key));
  assert.deepEqual(by('time'), ['slowOnce', 'manySmall', 'twoSmall', 'loop']);
  assert.deepEqual(by('allocs'), ['manySmall', 'twoSmall', 'slowOnce', 'loop']);
});
