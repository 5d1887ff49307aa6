// The page's data block packed a piece at a time: any split of the text decodes to the same text, and later pieces
// refer back into earlier ones.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';

import { gzipBase64 } from '../../../src/reporters/html/gzip-base64.js';

const unpack = (chunks: string[]): string => gunzipSync(Buffer.from(chunks.join(''), 'base64')).toString('utf8');

/** text cut at every `every` characters, never inside a surrogate pair. */
function cut(text: string, every: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let j = Math.min(text.length, i + every);
    if (j < text.length && /[\uDC00-\uDFFF]/.test(text[j]!)) j++;
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

test('any split into pieces, compressed in pieces of any size, decodes to the text', () => {
  const words = ['{"sites":[', 'flow: {heap} ← &x', '逃逸到堆', '😀', '"', '\\n', 'x'.repeat(3000), ',', '}'];
  let text = '';
  for (let i = 0; text.length < 300_000; i++) text += words[(i * 7919) % words.length]!;
  const texts = ['', 'a', '😀', text];
  for (const t of texts)
    for (const every of [1, 5, 4096, 100_000, Infinity])
      for (const piece of [1, 1000, 40_000, 1 << 20]) {
        const chunks = [...gzipBase64(cut(t, every), 6, piece)];
        assert.equal(unpack(chunks), t, `text of ${t.length}, cut every ${every}, pieces of ${piece}`);
        // Every chunk but the last is whole base64 (a multiple of 4), so they can be written one after another.
        for (const c of chunks.slice(0, -1)) assert.equal(c.length % 4, 0);
      }
});

test('a piece refers back to the text before it, as one gzip stream would', () => {
  // 64 copies of 10 KB of random bytes (as hex): alone each piece hardly compresses; with the text before it as
  // the dictionary every copy after the first is a back-reference.
  const block = randomBytes(5000).toString('hex');
  const text = block.repeat(64);
  const b64 = [...gzipBase64(cut(text, block.length), 6, block.length)].join('');
  assert.equal(unpack([b64]), text);
  const packed = Buffer.from(b64, 'base64').length;
  assert.ok(packed < text.length / 10, `${packed} bytes packed for ${text.length}`);
});
