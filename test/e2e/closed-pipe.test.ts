// A reader that goes away (`heapscope analyze | head -2`): heapscope ends quietly with the status a shell gives
// the go command in the same place (141: killed by SIGPIPE), in every output format, fresh and replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliPath, examplesDir } from '../helpers/paths.js';
import { testCache } from '../helpers/cli.js';
import { formatsFor } from '../../src/reporters/registry.js';

function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: testCache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before heapscope writes a byte.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => ok({ code, stderr }));
  });
}

/** The same with standard error gone (`heapscope analyze 2>&1 | head -1`): what heapscope says there has no reader. */
function withClosedStderr(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: testCache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.on('close', (code) => ok({ code, stdout }));
  });
}

test('a closed standard output ends heapscope quietly (exit 141, nothing on stderr), every format, fresh and replayed', async () => {
  for (const format of formatsFor('analyze')) {
    for (const run of ['fresh', 'replayed']) {
      const r = await withClosedStdout(['analyze', '--format', format, '--no-progress', '-C', examplesDir, '--tests']);
      assert.equal(r.code, 141, `${format} ${run}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${format} ${run}`);
    }
  }
});

test('a closed standard error: a run with something to say there (a usage error) ends quietly with 141 too', async () => {
  const r = await withClosedStderr(['analyze', '--format', 'nosuch', '-C', examplesDir]);
  assert.equal(r.code, 141);
  assert.equal(r.stdout, '');
});
