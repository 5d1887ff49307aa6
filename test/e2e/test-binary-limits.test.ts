// The limits heapscope puts on test binaries itself, end to end on a module (fixtures/modules/spawner) whose test
// binary starts a `sleep 300` on every run, holding none of heapscope's pipes, and whose BenchmarkSpin never
// returns and is not stopped by the binary's own -test.timeout. heapscope must stop each run at --timeout (and a
// grace period), name the benchmark that was running, and leave no process behind: the whole process group of
// every test binary run is ended when the run is over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import type { DiffReport } from '../../src/model/diff.js';

const spawner = join(fixturesDir, 'modules', 'spawner');

/** Alive and not a zombie waiting for init to reap it (a killed process whose parent is gone can be one). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    assert.equal((e as NodeJS.ErrnoException).code, 'ESRCH');
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false; // gone meanwhile
  }
}

/** Every `sleep` the test binary's runs started (their pids in `file`) has ended; leftovers are killed, then failed. */
async function assertSleepsEnded(file: string, runs: number): Promise<void> {
  const pids = readFileSync(file, 'utf8').trim().split('\n').map(Number);
  assert.ok(pids.length >= runs, `${pids.length} runs of the test binary recorded a sleep, expected at least ${runs}`);
  // SIGKILL is sent before heapscope exits; the kernel takes a moment to end the process.
  const end = Date.now() + 2000;
  while (pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  const left = pids.filter(alive);
  for (const p of left) process.kill(p, 'SIGKILL');
  assert.deepEqual(left, [], 'sleep processes outlived heapscope');
}

test('bench --timeout: the spinning benchmark is stopped and named, exit 1; no process a run started is left', async () => {
  const pids = join(tempDir('heapscope-spawner-'), 'pids');
  const t0 = Date.now();
  const r = runCli(['bench', '--format', 'json', '--timeout', '5s', '-C', spawner], { env: { SPAWNER_PIDS: pids } });
  const took = Date.now() - t0;
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const errors = rep.packages.flatMap((p) => p.errors);
  assert.ok(
    errors.some((e) => /^BenchmarkSpin timed out after 5s \(--timeout\)/.test(e)),
    JSON.stringify(errors),
  );
  // The benchmark before it was measured and profiled.
  assert.deepEqual(
    rep.benchmarks.map((b) => b.name),
    ['BenchmarkAlloc'],
  );
  // Before: the binary's own -test.timeout never fired, and heapscope waited 10 s for its hard stop. Now 5 s and
  // the 2.5 s grace, beside the build and the analysis.
  assert.ok(took < 30_000, `bench took ${took} ms`);
  // The timing pass, the list of benchmarks after the timeout, and the two profiled runs: each left a sleep.
  await assertSleepsEnded(pids, 4);
});

const git = (cwd: string, ...args: string[]): void => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=heapscope test', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

test('diff --bench --timeout: the spinning benchmark is stopped at --timeout on its side and named, exit 2', async () => {
  // HEAD without BenchmarkSpin; the working tree adds it.
  const mod = join(tempDir('heapscope-spawner-repo-'), 'm');
  cpSync(spawner, mod, { recursive: true });
  const spin = join(mod, 'spin_test.go');
  renameSync(spin, `${spin}.new`);
  git(mod, 'init', '-q');
  git(mod, 'add', '-A');
  git(mod, 'commit', '-qm', 'without BenchmarkSpin');
  renameSync(`${spin}.new`, spin);
  assert.ok(existsSync(spin));

  const pids = join(tempDir('heapscope-spawner-'), 'pids');
  const t0 = Date.now();
  const r = runCli(['diff', 'HEAD', '--bench', 'Spin', '--count', '2', '--timeout', '5s', '--format', 'json'], {
    cwd: mod,
    env: { SPAWNER_PIDS: pids },
  });
  const took = Date.now() - t0;
  // A benchmark that did not finish on a side is a comparison that cannot pass a gate, as one that failed.
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^heapscope: example\.com\/spawner \(the working tree\): BenchmarkSpin timed out after 5s \(--timeout\)/m);
  const d = JSON.parse(r.stdout) as DiffReport;
  assert.ok(
    d.bench!.errors.some((e) => /BenchmarkSpin timed out after 5s/.test(e)),
    JSON.stringify(d.bench!.errors),
  );
  // Before: --timeout was passed to the binary only, and diff was still waiting after 300 s. The working tree's
  // binary is not run again in the second round: it would only wait as long again.
  assert.ok(took < 30_000, `diff took ${took} ms`);
  // Both rounds on HEAD and the one on the working tree.
  await assertSleepsEnded(pids, 3);
});
