// The trace pass's failures, each a note and never a crash: go/tracesum (built for real into a private cache) on
// files that are not traces or are damaged ones, and a "test binary" that writes no trace at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { summarise, tracePass } from '../../src/runners/trace-pass.js';
import { traceSummaryTool } from '../../src/runners/trace-tool.js';
import { tempDir } from '../helpers/cli.js';

test('trace pass: a corrupt, a foreign and a missing trace each give a note; the helper is built once per toolchain', async () => {
  const cache = tempDir('heapscope-trace-cache-');
  const work = tempDir('heapscope-trace-work-');
  const version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  const tool = await traceSummaryTool(cache, version, process.env);
  assert.ok('path' in tool, 'error' in tool ? tool.error : '');
  const again = await traceSummaryTool(cache, version, process.env);
  assert.ok('path' in again && again.path === tool.path && statSync(again.path).isFile());

  // A trace's header followed by bytes that are no batch of events.
  const corrupt = join(work, 'corrupt.trace');
  writeFileSync(corrupt, Buffer.concat([Buffer.from('go 1.26 trace\x00\x00\x00'), Buffer.alloc(4096, 0xa7)]));
  const a = await summarise(tool.path, corrupt, work, 1000);
  assert.equal(a.figures, null);
  assert.equal(a.notes.length, 1);
  assert.match(a.notes[0]!, /^no trace summary: the execution trace cannot be decoded \(golang\.org\/x\/exp\/trace: /);

  // Not a trace at all (this test's own script).
  const foreign = join(work, 'foreign.trace');
  writeFileSync(foreign, readFileSync(new URL(import.meta.url)));
  const b = await summarise(tool.path, foreign, work, 1000);
  assert.equal(b.figures, null);
  assert.match(b.notes[0]!, /cannot be decoded .*not a Go execution trace/);

  // A binary that exits at once without writing the trace it was asked for.
  const opts = {
    dir: work,
    root: work,
    patterns: [],
    bench: '.',
    count: 1,
    timeout: '1m',
    env: process.env,
    resolveFile: (p: string) => p,
  };
  const c = await tracePass('/bin/true', work, opts, 'BenchmarkX', 10, join(work, 'none.trace'), tool.path);
  assert.deepEqual(c, { figures: null, notes: ['no trace summary: the trace pass wrote no execution trace'] });
  await tool.cleanup();
});
