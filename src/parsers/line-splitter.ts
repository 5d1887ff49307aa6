// Turns a stream of byte chunks into whole lines without ever holding more than one chunk and one partial
// line. A chunk may end inside a line or inside a multi-byte UTF-8 character: only bytes up to the last
// newline are decoded, the rest waits for the next chunk.

export class LineSplitter {
  private rest: Buffer = Buffer.alloc(0);

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const lastNl = bytes.lastIndexOf(0x0a);
    if (lastNl < 0) {
      // Copy: a caller may reuse its read buffer once push returns.
      this.rest = this.rest.length ? Buffer.concat([this.rest, bytes]) : Buffer.from(bytes);
      return;
    }
    const head = this.rest.length ? Buffer.concat([this.rest, bytes.subarray(0, lastNl)]) : bytes.subarray(0, lastNl);
    this.rest = Buffer.from(bytes.subarray(lastNl + 1));
    const text = head.toString('utf8');
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      this.onLine(stripCr(text, start, end));
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  end(): void {
    if (this.rest.length) {
      const text = this.rest.toString('utf8');
      this.rest = Buffer.alloc(0);
      this.onLine(stripCr(text, 0, text.length));
    }
  }
}

function stripCr(text: string, start: number, end: number): string {
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}

/**
 * Hands each whole line on as a byte range of a buffer, without decoding it: a consumer that needs only a few
 * lines as text (the escape parser drops most of the -m=2 explanation lines it reads) decodes just those, and
 * each decoded line is a string of its own rather than a slice that keeps a whole decoded chunk alive. The
 * range is valid only during the call; a trailing \r is left out, as LineSplitter does.
 */
export class ByteLineSplitter {
  private rest: Buffer | null = null;

  constructor(private readonly onLine: (buf: Buffer, start: number, end: number) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    if (this.rest) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        this.rest = Buffer.concat([this.rest, chunk]);
        return;
      }
      const line = Buffer.concat([this.rest, chunk.subarray(0, nl)]);
      this.rest = null;
      this.emit(line, 0, line.length);
      start = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      this.emit(chunk, start, nl);
      start = nl + 1;
    }
    // Copy: a caller may reuse its read buffer once push returns.
    if (start < chunk.length) this.rest = Buffer.from(chunk.subarray(start));
  }

  end(): void {
    const rest = this.rest;
    this.rest = null;
    if (rest) this.emit(rest, 0, rest.length);
  }

  private emit(buf: Buffer, start: number, end: number): void {
    this.onLine(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end);
  }
}

/** Splits a whole text into lines the same way (for fixtures and tests). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  s.push(text);
  s.end();
  return lines;
}
