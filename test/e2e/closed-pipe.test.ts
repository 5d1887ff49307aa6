// A reader that goes away (`heapscope analyze | head -2`): heapscope ends quietly with the status a shell gives
// the go command in the same place (141: killed by SIGPIPE), in every output format, fresh and replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliPath, examplesDir } from '../helpers/paths.js';
import { testCache } from '../helpers/cli.js';
import { formatsFor } from '../../src/reporters/registry.js';

/** Runs heapscope with one of its output streams' reader gone before it writes a byte; the other is read. */
function withClosed(stream: 'stdout' | 'stderr', args: string[]): Promise<{ code: number | null; other: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: testCache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child[stream].destroy();
    let other = '';
    child[stream === 'stdout' ? 'stderr' : 'stdout'].on('data', (c: Buffer) => (other += c.toString('utf8')));
    child.on('close', (code) => ok({ code, other }));
  });
}

test('a closed standard output ends heapscope quietly (exit 141, nothing on stderr), every format, fresh and replayed', async () => {
  for (const format of formatsFor('analyze')) {
    for (const run of ['fresh', 'replayed']) {
      const r = await withClosed('stdout', ['analyze', '--format', format, '--no-progress', '-C', examplesDir, '--tests']);
      assert.equal(r.code, 141, `${format} ${run}: ${r.other}`);
      assert.equal(r.other, '', `${format} ${run}`);
    }
  }
});

test('a closed standard error: a run with something to say there (a usage error) ends quietly with 141 too', async () => {
  const r = await withClosed('stderr', ['analyze', '--format', 'nosuch', '-C', examplesDir]);
  assert.equal(r.code, 141);
  assert.equal(r.other, '');
});
