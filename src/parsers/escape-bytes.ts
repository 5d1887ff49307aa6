// Byte-level pieces of the escape parser: most of -m=2's output is the body of explanations, and these let the
// parser recognise and keep those lines without decoding them into strings (see EscapeTextParser.pushBytes).

/** Whether buf holds the first n bytes of want at at. */
export function hasBytesAt(buf: Buffer, at: number, want: Buffer, n: number): boolean {
  if (at + n > buf.length) return false;
  for (let k = 0; k < n; k++) if (buf[at + k] !== want[k]) return false;
  return true;
}

/** Whether buf[at, end) starts with the ASCII text want. */
export function hasAsciiAt(buf: Buffer, at: number, end: number, want: string): boolean {
  if (at + want.length > end) return false;
  for (let k = 0; k < want.length; k++) if (buf[at + k] !== want.charCodeAt(k)) return false;
  return true;
}

/**
 * The escape parser's RE_FLOW_AT (`flow: .*? (?:←|=) .*:$`) on bytes, from just after its "flow: ": some text,
 * " ← " or " = ", some text, and ":" at the end, with no character that a regular expression's "." does not
 * match (\r, U+2028, U+2029). A test checks that both read every line alike.
 */
export function isFlowEdge(buf: Buffer, from: number, end: number): boolean {
  if (end <= from || buf[end - 1] !== 58) return false;
  let arrow = false;
  for (let k = from; k < end; k++) {
    const c = buf[k];
    if (c === 13) return false;
    if (c === 0xe2 && buf[k + 1] === 0x80 && (buf[k + 2] === 0xa8 || buf[k + 2] === 0xa9) && k + 2 < end) return false;
    if (c === 32 && !arrow) {
      // " ← " is 20 e2 86 90 20, " = " is 20 3d 20; the ":" that ends the line must come after either.
      if (buf[k + 1] === 0xe2 && buf[k + 2] === 0x86 && buf[k + 3] === 0x90 && buf[k + 4] === 32 && k + 5 < end) arrow = true;
      else if (buf[k + 1] === 61 && buf[k + 2] === 32 && k + 3 < end) arrow = true;
    }
  }
  return arrow;
}

/**
 * Lines of text kept as UTF-8 bytes, one after another, each ended by a newline. Explanation bodies live here
 * rather than as strings: half a million of them are kept while their package is read, and as strings each one
 * would be copied by every young-generation collection it lives through.
 *
 * The bytes lie in blocks that are never moved: a line goes whole into one block, the next block when it does not
 * fit. Growing one buffer by doubling left each outgrown buffer for the collector, outside the heap where it is
 * freed only by a full collection: 62 MiB over std, most of it for go/types. Positions count the unused end of
 * a block too, so they only grow; text() skips it.
 */
export class TextArena {
  private readonly blocks: Buffer[];
  /** Where each block starts, in positions. */
  private readonly starts: number[] = [0];
  /** Bytes written in each block. */
  private readonly filled: number[] = [0];
  private cur = 0;
  used = 0;

  constructor(private readonly blockSize = 1 << 20) {
    this.blocks = [Buffer.allocUnsafe(blockSize)];
  }

  /** Makes room for n bytes in one block; returns that block's offset to write at. */
  private room(n: number): number {
    for (;;) {
      const at = this.filled[this.cur]!;
      if (at + n <= this.blocks[this.cur]!.length) return at;
      const end = this.starts[this.cur]! + this.blocks[this.cur]!.length;
      this.cur++;
      if (this.cur === this.blocks.length) {
        this.blocks.push(Buffer.allocUnsafe(Math.max(this.blockSize, n)));
        this.starts.push(end);
      }
      this.filled[this.cur] = 0;
      this.used = this.starts[this.cur]!;
    }
  }

  /** Appends src[start, end) and a newline; returns the new end. */
  append(src: Buffer, start: number, end: number): number {
    let at = this.room(end - start + 1);
    const buf = this.blocks[this.cur]!;
    // A body line is short: a loop beats Buffer.copy, which builds a view of the source on every call.
    if (end - start > 512) at += src.copy(buf, at, start, end);
    else for (let k = start; k < end; k++) buf[at++] = src[k]!;
    buf[at++] = 10;
    return this.moved(at);
  }

  appendText(s: string): number {
    let at = this.room(Buffer.byteLength(s, 'utf8') + 1);
    const buf = this.blocks[this.cur]!;
    at += buf.write(s, at, 'utf8');
    buf[at++] = 10;
    return this.moved(at);
  }

  private moved(at: number): number {
    this.filled[this.cur] = at;
    this.used = this.starts[this.cur]! + at;
    return this.used;
  }

  /** The text at positions [start, end), the unused ends of blocks left out. */
  text(start: number, end: number): string {
    let b = this.cur;
    while (b > 0 && this.starts[b]! > start) b--;
    const s0 = this.starts[b]!;
    if (end <= s0 + this.filled[b]!) return this.blocks[b]!.toString('utf8', start - s0, end - s0);
    let out = '';
    for (; b <= this.cur && this.starts[b]! < end; b++) {
      const sb = this.starts[b]!;
      out += this.blocks[b]!.toString('utf8', Math.max(start - sb, 0), Math.min(end - sb, this.filled[b]!));
    }
    return out;
  }

  /** Forgets every line; blocks beyond the first 16 MiB, made for one huge package, are not kept for the rest. */
  reset(): void {
    let keep = 0;
    for (let size = 0; keep < this.blocks.length && (size += this.blocks[keep]!.length) <= 1 << 24;) keep++;
    keep = Math.max(keep, 1);
    this.blocks.length = keep;
    this.starts.length = keep;
    this.filled.length = keep;
    this.filled.fill(0);
    this.cur = 0;
    this.used = 0;
  }
}
