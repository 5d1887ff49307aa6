// heapscope stopped by a signal, end to end: the built CLI on a module whose benchmark sleeps, signalled while a
// child (the go command or the test binary) is known to run. Nothing of the run may be left: no process (each
// run's processes carry a marker in their environment) and nothing in the run's private TMPDIR. Also a test
// binary that leaves a process holding its output: bench must not wait for that process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';

const moduleDir = join(fixturesDir, 'modules', 'signals');
const cache = tempDir('heapscope-signals-cache-');

interface Proc {
  pid: number;
  cmd: string;
}

/** The processes whose environment holds the marker, read from /proc. */
function marked(mark: string): Proc[] {
  const found: Proc[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (!readFileSync(`/proc/${e}/environ`, 'latin1').includes(`HEAPSCOPE_SIGNALS_MARK=${mark}\0`)) continue;
      found.push({ pid: Number(e), cmd: readFileSync(`/proc/${e}/cmdline`, 'latin1').replaceAll('\0', ' ') });
    } catch {
      // gone meanwhile, or not ours
    }
  }
  return found;
}

async function waitFor<T>(what: string, probe: () => T | null | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Started {
  pid: number;
  mark: string;
  tmp: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(args: string[]): Started {
  const mark = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmp = tempDir('heapscope-signals-tmp-');
  const child = spawn(process.execPath, [cliPath, ...args, '-C', moduleDir], {
    env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: cache, TMPDIR: tmp, HEAPSCOPE_SIGNALS_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { pid: child.pid!, mark, tmp, exited };
}

/** Nothing of the run left, within `ms` (the watchdog works after heapscope has gone); leftovers are killed. */
async function assertNothingLeft(s: Started, ms: number): Promise<void> {
  const gone = (): boolean => marked(s.mark).length === 0 && readdirSync(s.tmp).length === 0;
  try {
    await waitFor('the run to leave nothing behind', gone, ms);
  } catch {
    const procs = marked(s.mark);
    for (const p of procs) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    assert.deepEqual({ processes: procs.map((p) => p.cmd), tmp: readdirSync(s.tmp) }, { processes: [], tmp: [] });
  }
}

const testBinaryRunning = (s: Started) => (): Proc | undefined =>
  marked(s.mark).find((p) => /\.test -test\.run=\^\$ -test\.bench=/.test(p.cmd));

// The go command compiling the test variant, once its work directory exists.
const goTestBuilding = (s: Started) => (): Proc | undefined =>
  marked(s.mark).find((p) => /(^|\/)go test -c /.test(p.cmd) && readdirSync(s.tmp).length > 0);

for (const [sig, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  test(`${sig} while bench runs a test binary: it is ended, its directory removed, exit ${code}`, async () => {
    const s = start(['bench', '--bench', 'Sleep']);
    await waitFor('the test binary', testBinaryRunning(s), 20000);
    process.kill(s.pid, sig);
    const r = await s.exited;
    assert.equal(r.code, code, `${r.signal ?? ''} ${r.stderr}`);
    await assertNothingLeft(s, 1000);
  });
}

test('SIGINT while analyze --tests builds: go and its work directory are gone, exit 130', async () => {
  const s = start(['analyze', '--tests', '--no-cache']);
  await waitFor('go test -c', goTestBuilding(s), 20000);
  process.kill(s.pid, 'SIGINT');
  const r = await s.exited;
  assert.equal(r.code, 130, `${r.signal ?? ''} ${r.stderr}`);
  await assertNothingLeft(s, 1000);
});

test('SIGKILL while bench runs a test binary: the watchdog ends it and removes the directories', async () => {
  const s = start(['bench', '--bench', 'Sleep']);
  await waitFor('the test binary', testBinaryRunning(s), 20000);
  process.kill(s.pid, 'SIGKILL');
  const r = await s.exited;
  assert.equal(r.signal, 'SIGKILL');
  await assertNothingLeft(s, 5000);
});

test('a test binary that leaves a process holding its output: bench ends within seconds, the process with it', async () => {
  const t0 = Date.now();
  const s = start(['bench', '--bench', 'Orphan', '--benchtime', '100x']);
  // Before: bench waited for the 30-second sleep in every run of the binary.
  const timer = setTimeout(() => process.kill(s.pid, 'SIGKILL'), 20000);
  const r = await s.exited;
  clearTimeout(timer);
  const took = Date.now() - t0;
  assert.equal(r.code, 0, `${r.signal ?? ''} ${r.stderr}`);
  assert.match(r.stdout, /BenchmarkOrphan/);
  assert.match(r.stdout + r.stderr, /output may be cut/);
  assert.ok(took < 15000, `bench took ${took} ms`);
  await assertNothingLeft(s, 1000);
});
