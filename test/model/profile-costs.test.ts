// Per-line figures from a profile: the innermost module frame for a memory profile, each module line once per
// sample (cumulative) for a CPU profile, files outside the module ignored, and unknown profile kinds refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileCosts } from '../../src/model/profile-costs.js';
import type { AnyProfile } from '../../src/parsers/pprof.js';

const frame = (file: string, line: number) => ({ function: 'f', file, line });
const inModule = (f: string): string | null => (f.startsWith('/m/') ? f.slice(3) : null);

test('memory: the innermost frame in the module is charged', () => {
  const p: AnyProfile = {
    sampleTypes: ['alloc_objects/count', 'alloc_space/bytes'],
    samples: [
      { stack: [frame('/go/src/runtime/malloc.go', 1), frame('/m/a.go', 10), frame('/m/b.go', 20)], values: [3, 48] },
      { stack: [frame('/m/a.go', 10)], values: [1, 16] },
      { stack: [frame('/m/b.go', 20)], values: [4, 64] },
    ],
  };
  const c = profileCosts(p, 'mem.pprof', inModule);
  assert.ok(!('error' in c));
  assert.equal(c.kind, 'memory');
  assert.deepEqual(Object.fromEntries(c.lines), { 'a.go:10': { value: 4, share: 0.5 }, 'b.go:20': { value: 4, share: 0.5 } });
});

test('cpu: every module line on the stack, once per sample', () => {
  const p: AnyProfile = {
    sampleTypes: ['samples/count', 'cpu/nanoseconds'],
    samples: [
      { stack: [frame('/m/a.go', 10), frame('/m/a.go', 10), frame('/m/b.go', 20)], values: [1, 10] },
      { stack: [frame('/m/b.go', 20)], values: [3, 30] },
    ],
  };
  const c = profileCosts(p, 'cpu.pprof', inModule);
  assert.ok(!('error' in c));
  assert.equal(c.kind, 'cpu');
  assert.deepEqual(Object.fromEntries(c.lines), { 'a.go:10': { value: 10, share: 0.25 }, 'b.go:20': { value: 40, share: 1 } });
});

test('a profile of another kind is refused', () => {
  const c = profileCosts({ sampleTypes: ['contentions/count', 'delay/nanoseconds'], samples: [] }, 'block.pprof', inModule);
  assert.ok('error' in c && /neither a memory nor a CPU profile/.test(c.error));
});
