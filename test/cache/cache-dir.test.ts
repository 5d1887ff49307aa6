// The cache directory as a whole: the bound keeps the most recently used entries of every kind (a revision in use
// stays), partial writes of runs that ended go, the ledger spares a walk until the cache is over its bound, and
// neither trimming nor cleaning touches a file heapscope did not write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheEntries, cacheLimit, cleanCache, enforceBounds, noteGrowth, REVISION_MARK, trimCache } from '../../src/cache/cache-dir.js';
import { tempDir } from '../helpers/cli.js';

const HOUR = 3600 * 1000;
const key = (i: number): string => i.toString(16).padStart(64, '0');

/** A facts entry of size bytes, last used `ago` ms before now. */
function entry(dir: string, i: number, size: number, now: number, ago: number, suffix = ''): string {
  const k = key(i);
  mkdirSync(join(dir, k.slice(0, 2)), { recursive: true });
  const p = join(dir, k.slice(0, 2), `${k}.json${suffix}`);
  writeFileSync(p, Buffer.alloc(size));
  const t = new Date(now - ago);
  utimesSync(p, t, t);
  return p;
}

/** A process id that is not running: a child that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

test('over its bound, the least recently used entries go until three quarters of it; every kind counts', async () => {
  const dir = tempDir('heapscope-trim-');
  const now = Date.now();
  // Ten entries of 100 bytes; entry i was last used i hours ago.
  const paths = Array.from({ length: 10 }, (_, i) => entry(dir, i, 100, now, i * HOUR));
  const foreign = join(dir, 'notes.txt');
  writeFileSync(foreign, 'not heapscope');
  const deadTmp = entry(dir, 20, 10, now, 60 * 1000, `.${deadPid()}.tmp`);
  const liveTmp = entry(dir, 21, 0, now, 60 * 1000, `.${process.pid}.tmp`);
  const r = trimCache(dir, 800, now);
  assert.ok(r);
  // 1000 bytes against a bound of 800: down to 600 at most, the oldest first.
  assert.deepEqual(
    paths.map((p) => existsSync(p)),
    [true, true, true, true, true, true, false, false, false, false],
  );
  assert.equal(r.total, 600);
  assert.equal(existsSync(deadTmp), false, 'the partial write of a run that ended goes, however recent');
  assert.equal(existsSync(liveTmp), true, 'a partial write in progress stays');
  assert.equal(existsSync(foreign), true, 'a file heapscope did not write stays');

  // Bench's figures, the helper and diff's revisions count too; a revision a running diff marked stays.
  const measured = join(dir, 'measured', 'a'.repeat(32) + '.json');
  const bin = join(dir, 'bin', 'srcfacts-0123456789abcdef-go1.26.8-linux-x64');
  for (const [p, size, ago] of [
    [measured, 300, 20 * HOUR],
    [bin, 300, 21 * HOUR],
  ] as const) {
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, Buffer.alloc(size));
    utimesSync(p, new Date(now - ago), new Date(now - ago));
  }
  const revision = (sha: string, ago: number): string => {
    const d = join(dir, 'revisions', sha);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'a.go'), Buffer.alloc(500));
    writeFileSync(join(d, REVISION_MARK), JSON.stringify({ bytes: 500, submodules: [] }));
    utimesSync(d, new Date(now - ago), new Date(now - ago));
    return d;
  };
  const used = revision('1'.repeat(40), 30 * HOUR);
  const unused = revision('2'.repeat(40), 29 * HOUR);
  writeFileSync(`${used}.${process.pid}.use`, '');
  const staleMark = `${unused}.${deadPid()}.use`;
  writeFileSync(staleMark, '');
  assert.deepEqual(
    (await cacheEntries(dir))
      .filter((e) => !e.partial)
      .filter((e) => e.kind !== 'facts')
      .map((e) => `${e.kind} ${e.size}`)
      .sort(),
    ['bin 300', 'measured 300', 'revisions 500', 'revisions 500'],
  );
  // 600 + 600 + 1000 against 1000: down to 750. The revision in use stays though it is the oldest.
  trimCache(dir, 1000, now);
  assert.deepEqual([existsSync(used), existsSync(unused), existsSync(bin), existsSync(measured)], [true, false, false, false]);
  assert.equal(existsSync(staleMark), false, 'the mark of a run that ended goes');
});

test('the bound is enforced after a run that grew the cache; a walk only when the ledger says it is over', () => {
  const dir = tempDir('heapscope-ledger-');
  const now = Date.now();
  // No ledger yet: the first run that adds walks the cache and writes one.
  entry(dir, 1, 400, now, 2 * HOUR);
  noteGrowth(dir, 400);
  enforceBounds(1000);
  assert.equal(readFileSync(join(dir, 'ledger'), 'utf8'), 'heapscope-ledger-1\n400\n');
  // Files the ledger does not know of are not looked for while it says the cache is under its bound...
  entry(dir, 2, 900, now, HOUR);
  entry(dir, 3, 100, now, 0);
  noteGrowth(dir, 100);
  enforceBounds(1000);
  assert.equal(cacheEntries(dir).length, 3);
  // ...and a run that adds nothing does not enforce anything.
  enforceBounds(1000);
  noteGrowth(dir, 0);
  enforceBounds(1000);
  assert.equal(cacheEntries(dir).length, 3);
  // Once it says over (500 + 600), the walk trims to three quarters (the oldest go) and rewrites it.
  entry(dir, 4, 600, now, 0);
  noteGrowth(dir, 600);
  enforceBounds(1000);
  assert.deepEqual(
    cacheEntries(dir)
      .map((e) => e.size)
      .sort(),
    [100, 600],
  );
  assert.equal(readFileSync(join(dir, 'ledger'), 'utf8'), 'heapscope-ledger-1\n700\n');
});

test('clean removes every heapscope file and nothing else', async () => {
  const dir = tempDir('heapscope-clean-');
  const now = Date.now();
  for (let i = 0; i < 5; i++) entry(dir, i, 10, now, 0);
  mkdirSync(join(dir, 'results'));
  writeFileSync(join(dir, 'results', 'ab12.out'), 'x');
  writeFileSync(join(dir, 'results', 'ab12-cd34.out'), 'x'); // <invocation>-<settings>, as result names are now
  mkdirSync(join(dir, 'runs'));
  writeFileSync(join(dir, 'runs', 'cd34.json'), '[]');
  writeFileSync(join(dir, 'tools.json'), '{}');
  mkdirSync(join(dir, 'measured'));
  writeFileSync(join(dir, 'measured', 'b'.repeat(32) + '.json'), '{}');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'srcfacts-0123456789abcdef-go1.26.8-linux-x64'), 'ELF');
  mkdirSync(join(dir, 'revisions', 'c'.repeat(40)), { recursive: true });
  writeFileSync(join(dir, 'revisions', 'c'.repeat(40), 'a.go'), 'package a');
  writeFileSync(join(dir, 'ledger'), 'heapscope-ledger-1\n0\n');
  writeFileSync(join(dir, 'keep.txt'), 'mine');
  assert.equal((await cacheEntries(dir)).length, 12);
  const r = cleanCache(dir);
  assert.equal(r.removed, 12);
  assert.deepEqual(readdirSync(dir), ['keep.txt']);
});

test('HEAPSCOPE_CACHE_LIMIT: bytes or K, M, G (1024-based); anything else is refused', () => {
  assert.equal(cacheLimit({}), 2 * 1024 ** 3);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '500M' }), 500 * 1024 ** 2);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '1GiB' }), 1024 ** 3);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '4096' }), 4096);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: 'banana' }), null);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '-5M' }), null);
});
