// gzip, then base64, of a text given in pieces, made a piece at a time: the page's data block for std is 37 MB of
// JSON, and packing it in one piece held the text (75 MB as a two-byte string), its UTF-8 bytes and the compressed
// bytes at once. Node's zlib has no synchronous stream (its one-shot calls close their handle), so each piece is
// compressed alone as raw deflate, primed with the 32 KiB of text before it as the dictionary and ended on a byte
// boundary (Z_SYNC_FLUSH), the last one with Z_FINISH: concatenated, with gzip's header and trailer around them,
// they are one deflate stream, as pigz makes them (https://github.com/madler/pigz/blob/master/pigz.c, "parallel
// compression"). The page decodes it with DecompressionStream('gzip') like any gzip member; the bytes differ from
// gzipSync's by the flush points only.

import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Deflate's window: the most text a later piece can refer back to. */
const WINDOW = 32 * 1024;
/** Text collected before it is compressed: pieces much smaller than this compress worse and cost more calls. */
const PIECE = 1 << 20;
/** gzip's header (RFC 1952) as zlib writes it for gzipSync: deflate, no name or time, Unix. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

/** Yields base64 text whose concatenation is base64(gzip(text.join(''))), holding about a MiB of text at a time. */
export function* gzipBase64(text: Iterable<string>, level = 6, piece = PIECE): Generator<string> {
  let crc = 0;
  let size = 0;
  let dictionary: Buffer | null = null;
  let carry = Buffer.alloc(0); // compressed bytes not yet encoded: base64 takes them three at a time
  const encode = (b: Buffer, last: boolean): string => {
    const all = carry.length ? Buffer.concat([carry, b]) : b;
    const whole = last ? all.length : all.length - (all.length % 3);
    carry = Buffer.from(all.subarray(whole));
    return all.toString('base64', 0, whole);
  };
  const compress = (input: Buffer, last: boolean): string => {
    crc = crc32(input, crc);
    size += input.length;
    const out = deflateRawSync(input, {
      level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(dictionary ? { dictionary } : {}),
    });
    if (input.length >= WINDOW) dictionary = Buffer.from(input.subarray(input.length - WINDOW));
    else if (input.length) {
      const joined: Buffer = dictionary ? Buffer.concat([dictionary, input]) : input;
      dictionary = Buffer.from(joined.subarray(Math.max(0, joined.length - WINDOW)));
    }
    return encode(out, false);
  };
  let pending: string[] = [];
  let pendingLength = 0;
  let head = encode(HEADER, false);
  for (const s of text) {
    pending.push(s);
    pendingLength += s.length;
    if (pendingLength < piece) continue;
    const chunk = head + compress(Buffer.from(pending.join(''), 'utf8'), false);
    head = '';
    pending = [];
    pendingLength = 0;
    if (chunk) yield chunk;
  }
  const tail = head + compress(Buffer.from(pending.join(''), 'utf8'), true);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  yield tail + encode(trailer, true);
}
