// The CPU profile reader on a captured profile (test/fixtures/cpu/go1.26.8/COMMANDS.txt): sample types, stacks
// innermost first with inlined frames, and the join's shares on real stacks; a heap profile is not a CPU profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCpuProfile } from '../../src/parsers/pprof.js';
import { classifyStack } from '../../src/model/cpu-classes.js';
import { joinCpuCost } from '../../src/join/cpu-cost.js';
import type { BenchmarkReport } from '../../src/model/bench-report.js';
import { fixturesDir } from '../helpers/paths.js';

const pkg = 'example.com/heapscope/examples';

test('a CPU profile of BenchmarkCreatePointer: its stacks, the allocator and GC among them, charged to alloc.go:118', () => {
  const r = parseCpuProfile(new Uint8Array(readFileSync(join(fixturesDir, 'cpu', 'go1.26.8', 'createpointer.pprof'))));
  assert.ok(r.ok, r.ok ? '' : r.error);
  const p = r.profile;
  assert.equal(p.periodNs, 10_000_000);
  assert.ok(p.durationNs > 0 && p.samples.length > 0);
  for (const s of p.samples) assert.equal(s.nanos, s.count * p.periodNs);
  // Innermost first: the allocation's own frame, then CreatePointer at the &BigStruct{...} line, then the benchmark.
  const alloc = p.samples.filter((s) => classifyStack(s.stack) === 'alloc');
  assert.ok(alloc.length > 0);
  for (const s of alloc) {
    const i = s.stack.findIndex((f) => f.function === `${pkg}.CreatePointer`);
    assert.ok(i > 0 && s.stack[i]!.line === 118 && s.stack[i + 1]!.function === `${pkg}.BenchmarkCreatePointer`, JSON.stringify(s.stack));
  }
  assert.ok(p.samples.some((s) => classifyStack(s.stack) === 'gc'));

  const rep = {
    name: 'BenchmarkCreatePointer',
    bytesPerOp: 80,
    lines: [{ file: 'alloc.go', line: 118, bytesPerOp: 80 }],
    notes: [],
  } as unknown as BenchmarkReport;
  const resolve = (f: string): string => (f.includes('/examples/') ? f.slice(f.lastIndexOf('/examples/') + '/examples/'.length) : f);
  joinCpuCost(rep, { iterations: 1e7, ops: 1e7, gctrace: [], seconds: 0.8, error: null, profile: p }, resolve);
  assert.ok(rep.cpu && rep.cpu.samples >= 20, JSON.stringify(rep.cpu));
  assert.ok(rep.cpu.allocShare! > 0 && rep.cpu.gcShare! > 0, JSON.stringify(rep.cpu));
  // Every allocator sample has CreatePointer's line as its innermost module frame.
  assert.equal(rep.lines[0]!.cpuShare, rep.cpu.allocShare);
});

test('a heap profile is not a CPU profile; garbage is not a profile', () => {
  const mem = parseCpuProfile(new Uint8Array(readFileSync(join(fixturesDir, 'go1.19-seed', 'mem.pprof'))));
  assert.ok(
    !mem.ok &&
      /^not a CPU profile \(sample types: alloc_objects\/count, alloc_space\/bytes, inuse_objects\/count, inuse_space\/bytes\)$/.test(
        mem.error,
      ),
    JSON.stringify(mem),
  );
  const junk = parseCpuProfile(new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
  assert.ok(!junk.ok && junk.error.startsWith('not a readable gzip stream'));
});
