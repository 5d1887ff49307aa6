// The playground's request checks, its bound on concurrent builds, and requests abandoned while they wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnippet, PLAYGROUND_LIMITS, PlaygroundError, slot, slotUse } from '../../src/serve/playground.js';
import { hasNonTestCode, NAME_BYTES, SnippetError, splitSnippet } from '../../src/serve/snippet-text.js';

const refused = (body: unknown, status: number, names: string): void =>
  assert.throws(
    () => checkSnippet(body),
    (e) => {
      assert.ok(e instanceof PlaygroundError, String(e));
      assert.equal(e.status, status, e.message);
      assert.ok(e.message.startsWith(names), `${e.message} names ${names}`);
      assert.doesNotMatch(e.message, /\n|heapscope-play-|E[A-Z]{3,}:/, 'one line, no temporary path, no errno');
      return true;
    },
  );

test('snippet file names: plain .go names (or go.mod) in the one directory, at most 100 bytes', () => {
  const ok = ['main.go', 'a_test.go', 'go.mod', 'x-y.go', 'v1.2+x.go', `${'a'.repeat(NAME_BYTES - 3)}.go`];
  assert.deepEqual([...checkSnippet({ files: Object.fromEntries(ok.map((n) => [n, 'package x\n'])) }).files.keys()], ok);
  for (const name of [
    'go.mod/x.go',
    'x.go/y.go',
    'sub/x.go',
    '../x.go',
    '/etc/x.go',
    'a\\b.go',
    `${'a'.repeat(NAME_BYTES - 2)}.go`,
    `${'é'.repeat(60)}.go`,
    'x\u0000.go',
    'a b.go',
    '.hidden.go',
    '_x.go',
    'x.txt',
    'go.sum',
    '..',
    '',
  ]) {
    refused({ files: { 'main.go': 'package main\n', [name]: 'package x' } }, 400, JSON.stringify(name).slice(0, 41));
  }
  refused({ files: {} }, 400, 'the request');
  refused({ files: ['main.go'] }, 400, 'the request');
  refused({ text: 7 }, 400, 'the request');
  refused({ files: { 'main.go': 7 } }, 400, '"main.go"');
  refused({ files: { 'main.go': 'x'.repeat(PLAYGROUND_LIMITS.bytes + 1) } }, 413, 'more than');
  assert.equal(checkSnippet({ files: { 'a.go': '' }, bench: true }).bench, true);
  assert.equal(checkSnippet({ files: { 'a.go': '' }, bench: 'yes' }).bench, false);
});

test('snippet text: no header is main.go, so is text before the first one; a file given twice is refused', () => {
  const split = (text: string) => Object.fromEntries(checkSnippet({ text }).files);
  assert.deepEqual(split('package main\n'), { 'main.go': 'package main\n' });
  assert.deepEqual(split('package main\nfunc main() { f() }\n-- f.go --\npackage main\nfunc f() {}\n'), {
    'main.go': 'package main\nfunc main() { f() }\n',
    'f.go': 'package main\nfunc f() {}\n',
  });
  assert.deepEqual(split('\n  \n-- a.go --\npackage a\n-- go.mod --\nmodule a\n'), { 'a.go': 'package a\n', 'go.mod': 'module a\n' });
  refused({ text: '-- a.go --\npackage a\n-- b.go --\npackage a\n-- a.go --\npackage a\n' }, 400, '"a.go": given twice');
  refused({ text: 'package main\n-- main.go --\npackage main\n' }, 400, '"main.go": given twice');
  refused({ text: '-- ../x.go --\npackage x\n' }, 400, '"../x.go"');
  // The page splits with the same function: what it shows is what the server built.
  assert.deepEqual(
    splitSnippet('-- b.go --\nx\n-- a.go --\ny'),
    new Map([
      ['b.go', 'x\n'],
      ['a.go', 'y'],
    ]),
  );
  assert.throws(() => splitSnippet('-- a.go --\n-- a.go --\n'), SnippetError);
});

test('snippets with cgo are refused; a snippet of tests only has no code to build', () => {
  refused({ files: { 'main.go': 'package main\n', 'c.go': 'package main\n\nimport "C"\n' } }, 400, '"c.go": cgo');
  refused({ text: 'package main\n\nimport (\n\t"fmt"\n\t"C" // cgo\n)\n' }, 400, '"main.go": cgo');
  checkSnippet({ text: 'package main\n\nimport "fmt"\n\nvar s = "import \\"C\\""\n' });
  assert.equal(
    hasNonTestCode(
      new Map([
        ['a_test.go', ''],
        ['go.mod', ''],
      ]),
    ),
    false,
  );
  assert.equal(
    hasNonTestCode(
      new Map([
        ['a_test.go', ''],
        ['a.go', ''],
      ]),
    ),
    true,
  );
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

test('a request abandoned while it waits leaves the queue at once; one abandoned before never starts', async () => {
  const releases: (() => void)[] = [];
  const started: string[] = [];
  const task = (name: string, signal?: AbortSignal) =>
    slot(async () => {
      started.push(name);
      await new Promise<void>((r) => releases.push(r));
      return name;
    }, signal);
  const gone = new AbortController();
  gone.abort();
  await assert.rejects(task('gone', gone.signal), (e) => e instanceof PlaygroundError && e.status === 499);
  const running = Array.from({ length: PLAYGROUND_LIMITS.parallel }, (_, i) => task(`run${i}`));
  const leaving = new AbortController();
  const queued = [task('left', leaving.signal), task('next')];
  assert.deepEqual(slotUse(), { active: PLAYGROUND_LIMITS.parallel, waiting: 2 });
  leaving.abort();
  await assert.rejects(queued[0]!, (e) => e instanceof PlaygroundError && e.status === 499);
  assert.deepEqual(slotUse(), { active: PLAYGROUND_LIMITS.parallel, waiting: 1 });
  while (releases.length || slotUse().active) {
    await new Promise((r) => setImmediate(r));
    releases.shift()?.();
  }
  assert.deepEqual(await Promise.all([...running, queued[1]!]), ['run0', 'run1', 'next']);
  assert.deepEqual(started, ['run0', 'run1', 'next']);
  assert.deepEqual(slotUse(), { active: 0, waiting: 0 });
});
