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

test('a closed standard output ends heapscope quietly (exit 141, nothing on stderr), every format, fresh and replayed', async () => {
  for (const format of formatsFor('analyze')) {
    for (const run of ['fresh', 'replayed']) {
      const r = await withClosedStdout(['analyze', '--format', format, '--no-progress', '-C', examplesDir, '--tests']);
      assert.equal(r.code, 141, `${format} ${run}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${format} ${run}`);
    }
  }
});
