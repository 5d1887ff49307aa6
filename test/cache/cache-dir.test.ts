// The cache directory as a whole: the bound keeps the most recently used entries, partial writes of dead runs
// go, and neither trimming nor cleaning touches a file heapscope did not write.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheEntries, cacheLimit, cleanCache, trimCache } from '../../src/cache/cache-dir.js';
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

test('over its bound, the least recently used entries go until three quarters of it; at most once an hour', async () => {
  const dir = tempDir('heapscope-trim-');
  const now = Date.now();
  // Ten entries of 100 bytes; entry i was last used i hours ago.
  const paths = Array.from({ length: 10 }, (_, i) => entry(dir, i, 100, now, i * HOUR));
  const foreign = join(dir, 'notes.txt');
  writeFileSync(foreign, 'not heapscope');
  const deadTmp = entry(dir, 20, 10, now, 2 * HOUR, '.123.tmp');
  const liveTmp = entry(dir, 21, 0, now, 60 * 1000, '.124.tmp');
  const r = await trimCache(dir, 800, now);
  assert.ok(r);
  // 1000 bytes against a bound of 800: down to 600 at most, the oldest first.
  assert.deepEqual(
    paths.map((p) => existsSync(p)),
    [true, true, true, true, true, true, false, false, false, false],
  );
  assert.equal(existsSync(deadTmp), false, 'a dead run’s partial write goes');
  assert.equal(existsSync(liveTmp), true, 'a partial write in progress stays');
  assert.equal(existsSync(foreign), true, 'a file heapscope did not write stays');
  // Within the hour nothing is checked again, whatever the size.
  entry(dir, 30, 5000, now, 0);
  assert.equal(await trimCache(dir, 800, now + HOUR / 2), null);
  assert.ok(await trimCache(dir, 800, now + HOUR + 1));
});

test('clean removes every heapscope file and nothing else', async () => {
  const dir = tempDir('heapscope-clean-');
  const now = Date.now();
  for (let i = 0; i < 5; i++) entry(dir, i, 10, now, 0);
  mkdirSync(join(dir, 'results'));
  writeFileSync(join(dir, 'results', 'ab12.out'), 'x');
  mkdirSync(join(dir, 'runs'));
  writeFileSync(join(dir, 'runs', 'cd34.json'), '[]');
  writeFileSync(join(dir, 'tools.json'), '{}');
  writeFileSync(join(dir, 'keep.txt'), 'mine');
  assert.equal((await cacheEntries(dir)).length, 8);
  const r = await cleanCache(dir);
  assert.equal(r.removed, 8);
  assert.equal((await cacheEntries(dir)).length, 0);
  assert.equal(existsSync(join(dir, 'keep.txt')), true);
});

test('HEAPSCOPE_CACHE_LIMIT: bytes or K, M, G (1024-based); anything else is refused', () => {
  assert.equal(cacheLimit({}), 2 * 1024 ** 3);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '500M' }), 500 * 1024 ** 2);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '1GiB' }), 1024 ** 3);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '4096' }), 4096);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: 'banana' }), null);
  assert.equal(cacheLimit({ HEAPSCOPE_CACHE_LIMIT: '-5M' }), null);
});
