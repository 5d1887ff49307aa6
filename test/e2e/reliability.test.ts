// Runs that share a cache, and runs cut off at moments nobody chose: whatever happened before, the next answer is
// the one a run without the cache gives. The moments are spread over a whole run from an empty heapscope cache
// (the go command listing and replaying, heapscope parsing, writing its cache and its report), chosen by a fixed
// sequence so that a failure can be repeated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync, rmSync } from 'node:fs';
import { reportWithoutOrigin as report, runCli, tempDir } from '../helpers/cli.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'modules', 'causes');

function analyze(cache: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [cliPath, 'analyze', '--format', 'json', '-C', dir, './'], {
      env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
  });
}

test('four runs at once on one empty cache, then again on the cache they filled: each gives the answer of --no-cache', async () => {
  const want = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir, './']);
  assert.equal(want.code, 0, want.stderr);
  const cache = tempDir('heapscope-shared-');
  for (const round of ['empty cache', 'filled cache']) {
    const runs = await Promise.all([1, 2, 3, 4].map(() => analyze(cache)));
    for (const r of runs) {
      assert.equal(r.code, 0, `${round}: ${r.stderr}`);
      assert.deepEqual(report(r.stdout), report(want.stdout), round);
    }
  }
});

test('a run killed at any moment leaves nothing the next run would trust wrongly', async () => {
  const want = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir, './']);
  const cache = tempDir('heapscope-cut-');
  // A run from an empty heapscope cache (the go command replays its own) says how long the window is.
  const full = await analyze(cache);
  assert.equal(full.code, 0, full.stderr);
  let seed = 7;
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 6; i++) {
    // Half the runs start from an empty cache, half from the one the previous runs left.
    if (i % 3 === 0) rmSync(cache, { recursive: true, force: true });
    const signal = i % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
    const child = spawn(process.execPath, [cliPath, 'analyze', '--format', 'json', '-C', dir, './'], {
      env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: cache },
      stdio: 'ignore',
    });
    const closed = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, Math.floor(next() * full.ms)));
    child.kill(signal);
    await closed;
    const after = await analyze(cache);
    assert.equal(after.code, 0, `after ${signal} #${i}: ${after.stderr}`);
    assert.deepEqual(report(after.stdout), report(want.stdout), `after ${signal} #${i}`);
  }
});

test('a speculative build cancelled because everything was cached leaves no work directory behind', () => {
  const cache = tempDir('heapscope-spec-');
  const tmp = tempDir('heapscope-spec-tmp-');
  const env = { HEAPSCOPE_CACHE: cache, TMPDIR: tmp };
  assert.equal(runCli(['analyze', '--format', 'json', '-C', dir, './'], { env }).code, 0);
  // Another command line over the same packages: nothing is known to be cached for it, so the build starts at
  // once, beside go list; every package then comes from the cache and the build is cancelled.
  const r = runCli(['analyze', '--format', 'json', '-C', dir, '.'], { env: { ...env, HEAPSCOPE_DEBUG: '1' } });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(tmp), []);
});
