// LineSplitter turns byte chunks into lines; chunks may end anywhere, including inside a UTF-8 character or
// between the \r and \n of a CRLF.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { LineSplitter, splitLines } from '../../src/parsers/line-splitter.js';

/** What the splitter must produce: split on \n, no empty last line for a final \n, one trailing \r dropped. */
function reference(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (text.endsWith('\n')) parts.pop();
  return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p));
}

function feed(chunks: (Buffer | string)[]): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  for (const c of chunks) s.push(c);
  s.end();
  return lines;
}

/** Cuts bytes at the given offsets (sorted, deduplicated, clipped). */
function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const points = [...new Set(offsets.map((o) => Math.min(Math.max(o, 0), bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}

describe('splitLines', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\n\n', ['a', '']],
    ['\n', ['']],
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['a\r', ['a']],
    ['a\r\r\n', ['a\r']],
    ['a\rb\n', ['a\rb']],
    ['./x.go:1:2:   flow: ~r0 ← &p:\n', ['./x.go:1:2:   flow: ~r0 ← &p:']],
    ['tmpl/page é.tmpl:11:2: moved to heap: s\n', ['tmpl/page é.tmpl:11:2: moved to heap: s']],
  ];
  for (const [text, lines] of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(splitLines(text), lines);
      assert.deepEqual(reference(text), lines);
    });
  }
});

describe('LineSplitter chunk boundaries', () => {
  it('a two-byte character split between chunks', () => {
    const bytes = Buffer.from('é\n', 'utf8');
    assert.deepEqual(feed([bytes.subarray(0, 1), bytes.subarray(1)]), ['é']);
  });

  it('a three-byte arrow split in every place, then the newline in its own chunk', () => {
    const bytes = Buffer.from('flow: ~r0 ← &p:', 'utf8');
    const arrow = bytes.indexOf(Buffer.from('←', 'utf8'));
    for (const k of [arrow + 1, arrow + 2]) {
      assert.deepEqual(feed([bytes.subarray(0, k), bytes.subarray(k), '\n']), ['flow: ~r0 ← &p:']);
    }
  });

  it('a four-byte character one byte at a time, with a newline inside the last chunk', () => {
    const bytes = Buffer.from('x😀\ny', 'utf8');
    assert.deepEqual(feed([...bytes].map((b) => Buffer.from([b]))), ['x😀', 'y']);
  });

  it('CRLF split between \\r and \\n', () => {
    assert.deepEqual(feed(['a\r', '\nb\r', '\n']), ['a', 'b']);
  });

  it('many chunks without a newline make one line', () => {
    assert.deepEqual(feed(['ab', 'c', '', 'de', 'f\n', 'g']), ['abcdef', 'g']);
  });

  it('strings and Buffers may be mixed', () => {
    assert.deepEqual(feed(['a', Buffer.from('b\nc'), 'd\n']), ['ab', 'cd']);
  });

  it('end() with nothing pending emits nothing; end() twice is harmless', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push('a\n');
    s.end();
    s.end();
    assert.deepEqual(lines, ['a']);
  });

  it('copies the tail after the last newline: reusing the pushed buffer does not change lines', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const buf = Buffer.from('abc\nde', 'utf8');
    s.push(buf);
    buf.fill(0x7a); // 'z'
    s.push('\n');
    s.end();
    assert.deepEqual(lines, ['abc', 'de']);
  });

  // A chunk without any newline is kept by reference (line-splitter.ts: `this.rest = bytes`), so a caller that
  // reuses its read buffer (fs.readSync into one Buffer) would corrupt the pending line. Child-process streams
  // hand over fresh Buffers, so the runners are not affected today.
  it('a chunk without a newline is not kept by reference', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const buf = Buffer.from('abc', 'utf8');
    s.push(buf);
    buf.fill(0x7a);
    s.push('\n');
    s.end();
    assert.deepEqual(lines, ['abc']);
  });
});

describe('LineSplitter properties', () => {
  // Lines of any Unicode text, joined with \n or \r\n, with or without a final newline.
  const textArb = fc
    .tuple(
      fc.array(fc.string({ unit: fc.constantFrom('a', ' ', ':', '1', 'é', '←', '😀', '\r', '\t', 'z') }), { maxLength: 12 }),
      fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([a, b, crlf, finalNl]) => {
      const lines = [...a, ...b].map((l) => l.replace(/\n/g, ''));
      const sep = crlf ? '\r\n' : '\n';
      return lines.join(sep) + (finalNl && lines.length ? sep : '');
    });

  it('any chunking of the bytes gives the lines of the whole text', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 20 }), (text, offsets) => {
        const bytes = Buffer.from(text, 'utf8');
        const lines = feed(
          cut(
            bytes,
            offsets.map((o) => (bytes.length ? o % (bytes.length + 1) : 0)),
          ),
        );
        assert.deepEqual(lines, reference(text));
        assert.deepEqual(splitLines(text), reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('fixed chunk sizes 1..7', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 7 }), (text, size) => {
        const bytes = Buffer.from(text, 'utf8');
        const chunks: Buffer[] = [];
        for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
        assert.deepEqual(feed(chunks), reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
