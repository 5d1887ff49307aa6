// The escape parser's byte-level pieces on the compiler's real -m=2 output of the examples
// (test/fixtures/escape/go1.26.8/COMMANDS.txt): the flow-edge test agrees with the parser's regular expression on
// every line, the prefix tests with startsWith, and the arena gives back every line as it was appended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasAsciiAt, hasBytesAt, isFlowEdge, TextArena } from '../../src/parsers/escape-bytes.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'escape', 'go1.26.8');
const lines = ['m2.txt', 'm2-escapedebug.txt', 'mtest.txt'].flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
// escape-text.ts's RE_FLOW_AT, applied from just after "flow: " as the parser applies it.
const RE_FLOW = /^.*? (?:←|=) .*:$/;

test('isFlowEdge: the same verdict as the parser regular expression on every "flow:" line the compiler printed', () => {
  let edges = 0;
  let flows = 0;
  for (const line of lines) {
    const at = line.indexOf('flow: ');
    if (at < 0) continue;
    flows++;
    const buf = Buffer.from(line, 'utf8');
    const from = Buffer.byteLength(line.slice(0, at + 'flow: '.length), 'utf8');
    const want = RE_FLOW.test(line.slice(at + 'flow: '.length));
    assert.equal(isFlowEdge(buf, from, buf.length), want, line);
    if (want) edges++;
  }
  assert.ok(flows >= 40, `${flows} flow lines`);
  assert.equal(edges, flows, 'every flow line of the examples is an edge "x ← y:"');
  // Lines that are not edges: no arrow, the ":" missing, a carriage return inside.
  for (const s of ['~r0 ← &p', '~r0 &p:', '~r0 ←\r &p:', 'a = b:', '{heap} = &{storage for T}:'])
    assert.equal(isFlowEdge(Buffer.from(s), 0, Buffer.byteLength(s)), RE_FLOW.test(s), s);
});

test('hasAsciiAt and hasBytesAt: a prefix test at an offset, bounded by the line end', () => {
  for (const line of lines.slice(0, 200)) {
    const buf = Buffer.from(line, 'utf8');
    for (const want of ['./alloc.go:', '# example.com', 'flow: ', './alloc_test.go:']) {
      assert.equal(hasAsciiAt(buf, 0, buf.length, want), line.startsWith(want), `${want} in ${line}`);
      assert.equal(hasBytesAt(buf, 0, Buffer.from(want), want.length), line.startsWith(want));
    }
    // The end bounds the test: a prefix that runs past it is not there, even where the buffer goes on.
    assert.equal(hasAsciiAt(buf, 0, Math.min(3, buf.length), './alloc.go:'), false);
  }
});

test('TextArena: every line of the output appended and read back as it was, across growth and reset', () => {
  const arena = new TextArena();
  const spans: [number, number, string][] = [];
  for (const [i, line] of lines.entries()) {
    const start = arena.used;
    const end = i % 2 ? arena.appendText(line) : arena.append(Buffer.from(`x${line}y`, 'utf8'), 1, Buffer.byteLength(`x${line}`, 'utf8'));
    spans.push([start, end - 1, line]);
  }
  // A line longer than the arena's first buffer makes it grow without losing what it held.
  const long = 'é'.repeat(600_000);
  const start = arena.used;
  spans.push([start, arena.appendText(long) - 1, long]);
  for (const [s, e, line] of spans) assert.equal(arena.text(s, e), line);
  arena.reset();
  assert.equal(arena.used, 0);
  const e = arena.appendText(lines[1]!);
  assert.equal(arena.text(0, e - 1), lines[1]);
});

test('TextArena: bodies of several lines read back whole across block boundaries, before and after a reset', () => {
  // Blocks of 64 bytes: most bodies cross one; some lines are longer than a block.
  const arena = new TextArena(64);
  for (let round = 0; round < 2; round++) {
    const bodies: [number, number, string][] = [];
    for (let b = 0; b < 300; b++) {
      const start = arena.used;
      const body = lines.slice(b * 3, b * 3 + 1 + (b % 4)).map((l, k) => (k % 2 ? l : `${l}é→${'x'.repeat(b % 70)}`));
      let end = start;
      for (const [k, l] of body.entries())
        end = k % 2 ? arena.appendText(l) : arena.append(Buffer.from(`<${l}>`, 'utf8'), 1, Buffer.byteLength(`<${l}`, 'utf8'));
      bodies.push([start, end - 1, body.join('\n')]);
    }
    for (const [s, e, text] of bodies) assert.equal(arena.text(s, e), text);
    arena.reset();
    assert.equal(arena.used, 0);
  }
});
