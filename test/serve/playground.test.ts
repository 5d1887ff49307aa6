// The playground's request checks and its bound on concurrent builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnippet, PLAYGROUND_LIMITS, PlaygroundError, slot } from '../../src/serve/playground.js';

test('snippet files: Go files or go.mod inside the module, bounded', () => {
  assert.deepEqual(
    [...checkSnippet({ files: { 'main.go': 'package main', 'sub/x.go': 'package sub', 'go.mod': 'module m' } }).files.keys()],
    ['main.go', 'sub/x.go', 'go.mod'],
  );
  for (const name of ['../x.go', '/etc/x.go', 'a/../../x.go', 'x.txt', '.hidden.go', 'a//b.go', 'go.sum', 'x.go\u0000']) {
    assert.throws(
      () => checkSnippet({ files: { [name]: 'package x' } }),
      (e) => e instanceof PlaygroundError && e.status === 400,
      name,
    );
  }
  assert.throws(() => checkSnippet({ files: {} }), PlaygroundError);
  assert.throws(() => checkSnippet({ files: ['main.go'] }), PlaygroundError);
  assert.throws(() => checkSnippet({ files: { 'main.go': 7 } }), PlaygroundError);
  assert.throws(
    () => checkSnippet({ files: { 'main.go': 'x'.repeat(PLAYGROUND_LIMITS.bytes + 1) } }),
    (e) => e instanceof PlaygroundError && e.status === 413,
  );
  assert.equal(checkSnippet({ files: { 'a.go': '' }, bench: true }).bench, true);
  assert.equal(checkSnippet({ files: { 'a.go': '' }, bench: 'yes' }).bench, false);
});

test('at most PARALLEL builds at once, QUEUED more wait, the rest are refused with 429', async () => {
  let running = 0;
  let peak = 0;
  const releases: (() => void)[] = [];
  const task = () =>
    slot(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((r) => releases.push(r));
      running--;
      return 'done';
    });
  const n = PLAYGROUND_LIMITS.parallel + PLAYGROUND_LIMITS.queued;
  const accepted = Array.from({ length: n }, task);
  await assert.rejects(task(), (e) => e instanceof PlaygroundError && e.status === 429);
  // Let every task through, two at a time.
  while (releases.length || running) {
    await new Promise((r) => setImmediate(r));
    releases.shift()?.();
  }
  assert.deepEqual(await Promise.all(accepted), Array(n).fill('done'));
  assert.equal(peak, PLAYGROUND_LIMITS.parallel);
});
