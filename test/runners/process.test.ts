// The process runner against real child processes: output that arrives faster than it is consumed is taken
// whole and in order, and a consumer that throws fails the run instead of crashing heapscope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/runners/process.js';

// 400,000 numbered lines (about 45 MB, more than the runner holds before it makes the child wait), written
// as fast as the pipe takes them, on stderr as the go command writes compiler output.
const WRITER = `
const line = (i) => i + ' ' + 'x'.repeat(100) + '\\n';
let i = 0;
function more() {
  while (i < 400000) {
    if (!process.stderr.write(line(i++))) return process.stderr.once('drain', more);
  }
}
more();
`;

test('a fast writer and a slow reader: every line arrives, in order, and the run ends', async () => {
  let n = 0;
  let bad = -1;
  let spin = 0;
  const r = await run(process.execPath, ['-e', WRITER], {
    cwd: process.cwd(),
    onStderrLine: (l) => {
      if (bad < 0 && Number(l.slice(0, l.indexOf(' '))) !== n) bad = n;
      n++;
      // A slow consumer: the child must be held up, not the memory filled.
      for (let k = 0; k < 200; k++) spin += k;
    },
  });
  assert.equal(r.code, 0);
  assert.equal(bad, -1, `line ${bad} out of order`);
  assert.equal(n, 400000);
  assert.ok(spin > 0);
});

test('a consumer that throws rejects the run; the child is not left blocked', async () => {
  await assert.rejects(
    run(process.execPath, ['-e', WRITER], {
      cwd: process.cwd(),
      onStderrLine: (l) => {
        if (l.startsWith('1000 ')) throw new Error('consumer broke');
      },
    }),
    /consumer broke/,
  );
});

// The child is started through the watchdog's wrapper (watchdog.ts); what runs must be the program as if started
// directly: its own pid as its process group, not the wrapper's fd 3 (an inherited pipe to the watchdog would keep
// the watchdog waiting after heapscope's end), SIGPIPE at its default, its arguments untouched.
const PROBE = `
echo "pid $$"
echo "stat $(cat /proc/$$/stat)"
[ -e /proc/$$/fd/3 ] && echo "fd3 $(readlink /proc/$$/fd/3)"

grep SigIgn /proc/$$/status
for a in "$@"; do echo "arg $a"; done`;

test('a child started through the watchdog wrapper is the program itself, with nothing inherited', async (t) => {
  if (process.platform !== 'linux') return t.skip('reads /proc');
  const lines: string[] = [];
  const r = await run('sh', ['-c', PROBE, 'sh', 'a b', '$HOME', '"q"'], {
    cwd: process.cwd(),
    onStdoutLine: (l) => lines.push(l),
  });
  assert.equal(r.code, 0);
  const pid = lines.find((l) => l.startsWith('pid '))!.slice(4);
  // Fields after the command's name: state, ppid, pgrp.
  const stat = lines.find((l) => l.startsWith('stat '))!;
  assert.equal(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[2], pid);
  assert.equal(
    lines.find((l) => l.startsWith('fd3 ')),
    undefined,
  );
  const ignored = BigInt('0x' + lines.find((l) => l.startsWith('SigIgn:'))!.split(/\s+/)[1]);
  assert.equal(ignored & (1n << 12n), 0n, 'SIGPIPE (13) ignored');
  assert.deepEqual(
    lines.filter((l) => l.startsWith('arg ')).map((l) => l.slice(4)),
    ['a b', '$HOME', '"q"'],
  );
});

test('a program that is not on PATH is "command not found", not a shell status', async () => {
  await assert.rejects(
    run('heapscope-no-such-program', [], { cwd: process.cwd(), env: { PATH: '/nonexistent' } }),
    /heapscope-no-such-program: command not found/,
  );
});

test('a signal aborted before the run stops the child at once (abort is not sent twice)', async () => {
  const gone = new AbortController();
  gone.abort();
  const started = Date.now();
  const r = await run('sleep', ['30'], { cwd: '.', signal: gone.signal });
  assert.equal(r.signal, 'SIGTERM');
  assert.ok(Date.now() - started < 10_000, `stopped after ${Date.now() - started} ms`);
});

test('a working directory that is gone is named, not taken for a missing program', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-gone-'));
  rmSync(dir, { recursive: true });
  // spawn says ENOENT for both; a program that exists, and the go command (whatever PATH finds), in a directory gone.
  for (const cmd of [process.execPath, 'go']) {
    await assert.rejects(run(cmd, ['version'], { cwd: dir }), (e: Error) => {
      assert.equal(e.name, 'DirectoryGoneError');
      assert.equal(e.message, `the directory ${dir} no longer exists`);
      return true;
    });
  }
  // A program missing from an existing directory is still "command not found".
  await assert.rejects(
    run('heapscope-no-such-program', [], { cwd: tmpdir(), env: { PATH: '/nonexistent' } }),
    (e: Error) => e.name === 'GoToolError' && /command not found/.test(e.message),
  );
});
