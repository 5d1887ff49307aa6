// The process runner against real child processes: output that arrives faster than it is consumed is taken
// whole and in order, and a consumer that throws fails the run instead of crashing heapscope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
