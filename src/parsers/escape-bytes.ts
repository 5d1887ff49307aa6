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
 */
export class TextArena {
  private buf = Buffer.allocUnsafe(1 << 20);
  used = 0;

  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.used + n, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  /** Appends src[start, end) and a newline; returns the new end. */
  append(src: Buffer, start: number, end: number): number {
    this.room(end - start + 1);
    const buf = this.buf;
    let at = this.used;
    // A body line is short: a loop beats Buffer.copy, which builds a view of the source on every call.
    if (end - start > 512) at += src.copy(buf, at, start, end);
    else for (let k = start; k < end; k++) buf[at++] = src[k]!;
    buf[at++] = 10;
    this.used = at;
    return at;
  }

  appendText(s: string): number {
    this.room(Buffer.byteLength(s, 'utf8') + 1);
    this.used += this.buf.write(s, this.used, 'utf8');
    this.buf[this.used++] = 10;
    return this.used;
  }

  text(start: number, end: number): string {
    return this.buf.toString('utf8', start, end);
  }

  /** Forgets every line; a buffer grown for one huge package is not kept for the rest. */
  reset(): void {
    this.used = 0;
    if (this.buf.length > 1 << 24) this.buf = Buffer.allocUnsafe(1 << 20);
  }
}
