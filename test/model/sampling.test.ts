// When the profiled runs sample, at what rate, and how sure a sampled count is (src/model/sampling.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCost, profilePlan, sampledCount, SAMPLES_TARGET, slopeHalfWidth } from '../../src/model/sampling.js';
import { profileIterations } from '../../src/runners/bench.js';

test('cheap benchmarks stay as they are; costly ones record fewer iterations, or a sample where recording is the cost', () => {
  // The examples' BenchmarkCounter: 68 ns/op, 2 allocs/op, timed for 1 s.
  const counter = { nsPerOp: 68, allocsPerOp: 2, bytesPerOp: 24, timedSeconds: 1 };
  assert.deepEqual(profilePlan(counter, profileIterations(68, 2)), { iterations: profileIterations(68, 2), rate: 1 });
  // fastjson's BenchmarkParse/canada/stdjson-map: 38 ms, 392,515 allocations and 10.6 MB per op.
  const canada = { nsPerOp: 38e6, allocsPerOp: 392515, bytesPerOp: 10583228, timedSeconds: 1.4 };
  const exact = profileIterations(canada.nsPerOp, canada.allocsPerOp);
  const plan = profilePlan(canada, exact);
  assert.deepEqual(plan.iterations, [2, 8]);
  assert.equal(plan.rate, Math.floor((10583228 * 8) / SAMPLES_TARGET));
  assert.ok(planCost(canada, plan) < 1 && planCost(canada, { iterations: exact, rate: 1 }) > 30);
  // fastjson's BenchmarkParse/citm/stdjson-empty-struct: 16 ms and 5 allocations per op, where the 100 iterations
  // of the exact runs are the cost: every allocation recorded, over fewer iterations.
  const citm = { nsPerOp: 16e6, allocsPerOp: 5, bytesPerOp: 267, timedSeconds: 1.3 };
  const fewer = profilePlan(citm, profileIterations(16e6, 5));
  assert.deepEqual(fewer, { iterations: [4, 16], rate: 1 });
  // Exact runs within a quarter of the timed runs' time stay as they are, however many allocations.
  const long = { nsPerOp: 2e6, allocsPerOp: 1000, bytesPerOp: 64000, timedSeconds: 60 };
  assert.deepEqual(profilePlan(long, profileIterations(2e6, 1000)), { iterations: profileIterations(2e6, 1000), rate: 1 });
  // No bytes: nothing to sample by.
  assert.equal(profilePlan({ ...canada, bytesPerOp: 0 }, exact).rate, 1);
});

test('a sampled count: the samples behind it, and a binomial variance that vanishes for exact profiles and large objects', () => {
  assert.deepEqual(sampledCount(1000, 32000, 1), { samples: 1000, varObjects: 0, varBytes: 0 });
  // 32-byte objects at rate 512: q = 1 − e^(−1/16); 1000 scaled objects hold about 61 samples.
  const q = 1 - Math.exp(-32 / 512);
  const c = sampledCount(1000, 32000, 512);
  assert.equal(c.samples, Math.round(1000 * q));
  assert.ok(Math.abs(c.varObjects - (1000 * (1 - q)) / q) < 1e-6);
  assert.ok(Math.abs(c.varBytes - c.varObjects * 32 * 32) < 1e-3);
  // A 1 MB object at rate 512 is recorded every time: no uncertainty.
  assert.ok(sampledCount(3, 3 << 20, 512).varObjects < 1e-9);
  // The slope's half-width: 1.96 σ of the difference, per op.
  assert.equal(slopeHalfWidth(9, 16, 10), (1.96 * 5) / 10);
});
