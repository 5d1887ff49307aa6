// The finished-report cache: a report written chunk by chunk while it is rendered reads back byte for byte.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { ResultCache } from '../../src/cache/result-cache.js';

test('chunks queued while rendering are stored in order, whole, and only under their state', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-results-'));
  try {
    const cache = new ResultCache(dir);
    const chunks: Buffer[] = [];
    // Sizes from a byte to 3 MB, so that writes of very different lengths are in flight at once.
    for (let i = 0; i < 200; i++) chunks.push(Buffer.alloc(i % 50 === 0 ? 3 << 20 : 1 + ((i * 7919) % 5000), i));
    const w = await cache.create('r', 'state-1', 0);
    assert.ok(w);
    for (const c of chunks) w.write(c);
    await w.commit();
    const hit = await cache.get('r', 'state-1');
    assert.ok(hit);
    assert.equal(hit.code, 0);
    const back: Buffer[] = [];
    for await (const c of hit.output) back.push(c);
    assert.ok(back.length >= 2, 'replayed in chunks');
    assert.ok(Buffer.concat(back).equals(Buffer.concat(chunks)));
    assert.equal(await cache.get('r', 'state-2'), null);
    assert.deepEqual(readdirSync(join(dir, 'results')), ['r.out']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a writer that waits for room after each chunk keeps at most a few MiB unwritten, and stores the same bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-results-'));
  try {
    const cache = new ResultCache(dir);
    // 40 MiB in chunks of 1 byte to 5 MiB: more than the bound in one chunk, and many small ones between.
    const chunks: Buffer[] = [];
    for (let i = 0; i < 120; i++) chunks.push(Buffer.alloc(i % 15 === 0 ? 5 << 20 : 1 + ((i * 7919) % 90000), i));
    const w = await cache.create('r', 'state-1', 0);
    assert.ok(w);
    let most = 0;
    for (const c of chunks) {
      w.write(c);
      await w.room();
      most = Math.max(most, w.unwritten);
    }
    assert.ok(most <= 4 << 20, `at most 4 MiB left unwritten after room(), saw ${most}`);
    await w.commit();
    const hit = await cache.get('r', 'state-1');
    assert.ok(hit);
    const back: Buffer[] = [];
    for await (const c of hit.output) back.push(c);
    assert.ok(Buffer.concat(back).equals(Buffer.concat(chunks)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache that cannot be written is no error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-results-'));
  try {
    const cache = new ResultCache(join(dir, 'missing', '\0bad'));
    assert.equal(await cache.create('r', 's', 0), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stored report cut short, changed, or with a header of another shape is a miss, never replayed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-results-'));
  try {
    const cache = new ResultCache(dir);
    const store = async (): Promise<string> => {
      const w = await cache.create('r', 's', 0);
      assert.ok(w);
      w.write(Buffer.from('{"report":"' + 'x'.repeat(10000) + '"}\n'));
      await w.commit();
      assert.ok(await cache.get('r', 's'), 'whole entry is a hit');
      return join(dir, 'results', 'r.out');
    };
    const damages: [string, (p: string) => void][] = [
      ['truncated', (p) => truncateSync(p, statSync(p).size - 100)],
      [
        'one byte changed',
        (p) => {
          const b = readFileSync(p);
          b[b.length - 50] = 0x79;
          writeFileSync(p, b);
        },
      ],
      ['bytes appended', (p) => writeFileSync(p, Buffer.concat([readFileSync(p), Buffer.from('more')]))],
      ['empty', (p) => writeFileSync(p, '')],
      ['header only', (p) => truncateSync(p, 512)],
      ['old format', (p) => writeFileSync(p, '{"format":"heapscope-result-1","state":"s","code":0}\n{}')],
      ['JSON of another shape', (p) => writeFileSync(p, '{}'.padEnd(511) + '\n{}')],
      [
        'a directory',
        (p) => {
          rmSync(p);
          mkdirSync(p);
        },
      ],
    ];
    for (const [what, damage] of damages) {
      const p = await store();
      damage(p);
      assert.equal(await cache.get('r', 's'), null, what);
      rmSync(p, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
