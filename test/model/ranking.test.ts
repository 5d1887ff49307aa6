// The ranking's order of costs: measured before estimated; among measured sites, those whose allocator CPU the
// cost pass measured first, by that share, then the others by bytes per op.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costOrder } from '../../src/model/ranking.js';
import type { SiteCost } from '../../src/model/types.js';

test('measured sites rank by allocator CPU where measured, then by B/op; estimates last', () => {
  const costs: Record<string, SiteCost> = {
    // A 16 KiB buffer made once per op: many bytes, a small share of the CPU (the GC's work is not the allocator's).
    buffer: { source: 'measured', score: 16384, basis: '', allocsPerOp: 1, bytesPerOp: 16384, cpuShare: 0.12 },
    // An 80-byte struct: few bytes, the larger share.
    pointer: { source: 'measured', score: 80, basis: '', allocsPerOp: 1, bytesPerOp: 80, cpuShare: 0.4 },
    cheap: { source: 'measured', score: 100000, basis: '', allocsPerOp: 1, bytesPerOp: 100000, cpuShare: 0 },
    // Measured without a cost pass (--no-cost, too few samples): after those with a share, by bytes.
    big: { source: 'measured', score: 4096, basis: '', allocsPerOp: 1, bytesPerOp: 4096 },
    small: { source: 'measured', score: 16, basis: '', allocsPerOp: 2, bytesPerOp: 16 },
    loop: { source: 'estimated', score: 100, basis: '' },
  };
  const order = Object.keys(costs).sort((a, b) => costOrder(costs[a], costs[b]));
  assert.deepEqual(order, ['pointer', 'buffer', 'cheap', 'big', 'small', 'loop']);
});
