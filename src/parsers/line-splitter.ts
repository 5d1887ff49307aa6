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

/** Splits a whole text into lines the same way (for fixtures and tests). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  s.push(text);
  s.end();
  return lines;
}
