// The gctrace parser against real GODEBUG=gctrace=1 stderr of go1.21.13, go1.26.8 and go1.27.4
// (test/fixtures/gctrace/COMMANDS.txt names each command): every field of known lines, forced cycles, the
// goroutine-leak cycles, lines after the benchmark's own output, scavenger lines, and lines that do not read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parseGcTrace, parseGcTraceText } from '../../src/parsers/gctrace.js';
import { fixturesDir } from '../helpers/paths.js';

const RELEASES = ['go1.21.13', 'go1.26.8', 'go1.27.4'] as const;

function raw(release: string, name: string): string {
  return readFileSync(join(fixturesDir, 'gctrace', release, `${name}.txt`), 'utf8');
}

/** The captured lines that hold a gctrace line, by a plain search independent of the parser. */
function gcLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.includes(' MB goal, '))
    .map((l) => l.slice(l.indexOf('gc ')));
}

describe('parseGcTrace on captures', () => {
  for (const release of RELEASES) {
    it(`${release}: every cycle of the pointer run, numbered from 1, three forced first`, () => {
      const text = raw(release, 'pointer');
      const r = parseGcTraceText(text);
      const expected = gcLines(text);
      assert.equal(r.cycles.length, expected.length);
      assert.ok(r.cycles.length > 10, 'the pointer benchmark runs GC cycles');
      assert.deepEqual(
        r.cycles.map((c) => c.number),
        expected.map((_, i) => i + 1),
      );
      assert.deepEqual(
        r.cycles.map((c) => c.forced),
        expected.map((l) => l.endsWith(' (forced)')),
      );
      assert.deepEqual(
        r.cycles.slice(0, 4).map((c) => c.forced),
        [true, true, true, false],
      );
      // Each line's goal and heap sizes as printed.
      for (const [i, c] of r.cycles.entries()) {
        const m = /(\d+)->(\d+)->(\d+) MB, (\d+) MB goal/.exec(expected[i]!)!;
        assert.deepEqual([c.heapMB.start, c.heapMB.end, c.heapMB.live, c.goalMB], m.slice(1, 5).map(Number));
        assert.equal(c.procs, 2);
        assert.equal(c.leakCheck, false);
      }
      assert.deepEqual([r.unread, r.unreadNumbers, r.periodic, r.scavenger, r.other], [[], [], 0, 0, 0]);
    });
  }

  it('go1.26.8: every field of a forced line and of a timed-run line', () => {
    const r = parseGcTraceText(raw('go1.26.8', 'pointer'));
    // gc 1 @0.000s 4%: 0.12+0.15+0.003 ms clock, 0.25+0/0.069/0.12+0.007 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)
    assert.deepEqual(r.cycles[0], {
      number: 1,
      atSeconds: 0,
      gcCpuPercent: 4,
      clockMs: { sweepTermination: 0.12, mark: 0.15, markTermination: 0.003 },
      cpuMs: { sweepTermination: 0.25, assist: 0, background: 0.069, idle: 0.12, markTermination: 0.007 },
      heapMB: { start: 0, end: 0, live: 0 },
      goalMB: 4,
      stacksMB: 0,
      globalsMB: 0,
      procs: 2,
      forced: true,
      leakCheck: false,
      line: 1,
    });
    // gc 4 @0.013s 1%: 0.13+0.42+0.001 ms clock, 0.27+0.018/0.046/0.13+0.003 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
    const c = r.cycles[3]!;
    assert.deepEqual(
      [c.number, c.atSeconds, c.gcCpuPercent, c.clockMs, c.cpuMs, c.heapMB, c.forced, c.line],
      [
        4,
        0.013,
        1,
        { sweepTermination: 0.13, mark: 0.42, markTermination: 0.001 },
        { sweepTermination: 0.27, assist: 0.018, background: 0.046, idle: 0.13, markTermination: 0.003 },
        { start: 3, end: 4, live: 0 },
        false,
        4,
      ],
    );
  });

  it('go1.21.13: a mark phase of 10 ms or more is printed in whole ms', () => {
    // gc 4 @0.030s 4%: 0.017+12+0.067 ms clock, 0.034+0.038/0.058/0.068+0.13 ms cpu, 3->7->3 MB, 4 MB goal, ...
    const c = parseGcTraceText(raw('go1.21.13', 'pointer')).cycles[3]!;
    assert.deepEqual(c.clockMs, { sweepTermination: 0.017, mark: 12, markTermination: 0.067 });
    assert.deepEqual(c.heapMB, { start: 3, end: 7, live: 3 });
  });

  for (const release of ['go1.26.8', 'go1.27.4']) {
    it(`${release}: the cycles that look for leaked goroutines are read, with their mark`, () => {
      const r = parseGcTraceText(raw(release, 'leak'));
      assert.deepEqual(
        r.cycles.map((c) => [c.number, c.leakCheck, c.forced]),
        [
          [1, false, true],
          [2, false, true],
          [3, true, true],
          [4, false, true],
          [5, true, true],
        ],
      );
      assert.equal(r.unreadNumbers.length, 0);
    });
  }

  for (const release of RELEASES) {
    it(`${release}: lines after the benchmark's own stderr output are read; its output is counted as other`, () => {
      const text = raw(release, 'chatty');
      const r = parseGcTraceText(text);
      const expected = gcLines(text);
      const lines = text.split('\n').slice(0, -1);
      assert.equal(r.cycles.length, expected.length);
      assert.deepEqual(
        r.cycles.map((c) => c.number),
        expected.map((_, i) => i + 1),
      );
      // The fifth line of each capture is "tick0 tick1 ... gc 4 @...".
      assert.match(lines[4]!, /^tick0 .* gc 4 @/);
      assert.deepEqual([r.cycles[3]!.number, r.cycles[3]!.line, r.cycles[3]!.forced], [4, 5, false]);
      assert.equal(r.other, lines.length - expected.length);
      assert.ok(r.other >= 1);
      assert.equal(r.unreadNumbers.length, 0);
    });
  }

  it('go1.26.8: GOGC=off prints a goal of about 2^43 MiB', () => {
    const r = parseGcTraceText(raw('go1.26.8', 'gogc-off'));
    assert.deepEqual(
      r.cycles.map((c) => [c.forced, c.goalMB]),
      [
        [true, 8532210231537],
        [true, 8532210231537],
        [true, 8532210231537],
      ],
    );
  });

  it('go1.26.8: scavenger lines between the gc lines are counted apart', () => {
    const text = raw('go1.26.8', 'scav');
    const r = parseGcTraceText(text);
    const scav = text.split('\n').filter((l) => l.startsWith('scav ')).length;
    assert.ok(scav > 0);
    assert.deepEqual([r.cycles.length, r.scavenger, r.other], [gcLines(text).length, scav, 0]);
  });
});

describe('parseGcTrace on lines that do not read', () => {
  // A captured go1.26.8 line, and what other output or another release could make of it.
  const line =
    'gc 4 @0.013s 1%: 0.13+0.42+0.001 ms clock, 0.27+0.018/0.046/0.13+0.003 ms cpu, 3->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P';

  it('a line torn by another write keeps its cycle number; the rest is other output', () => {
    const cut = line.indexOf('0.42');
    const r = parseGcTrace([line.slice(0, cut) + 'tick9 ', line.slice(cut)]);
    assert.deepEqual(r.cycles, []);
    assert.deepEqual(r.unreadNumbers, [4]);
    assert.deepEqual(r.unread, [{ line: 1, number: 4, text: 'gc 4 @0.013s 1%: 0.13+tick9 ' }]);
    assert.equal(r.other, 1);
  });

  it('a renamed field is unread, not guessed', () => {
    const r = parseGcTrace([line.replace('MB goal', 'MB target'), line.replace(' ms clock', ' ms wall')]);
    assert.deepEqual([r.cycles.length, r.unreadNumbers], [0, [4, 4]]);
  });

  it('a line without stacks and globals (the format before go1.18) reads, with null for both', () => {
    const r = parseGcTrace([line.replace(' 0 MB stacks, 0 MB globals,', '')]);
    assert.deepEqual([r.cycles.length, r.cycles[0]!.stacksMB, r.cycles[0]!.globalsMB, r.cycles[0]!.goalMB], [1, null, null, 4]);
  });

  it('CRLF line ends, "GC forced" and old scavenger lines', () => {
    const r = parseGcTrace([line + '\r', 'GC forced', 'scvg: 0 MB released', line + ' (forced)']);
    assert.deepEqual([r.cycles.map((c) => c.forced), r.periodic, r.scavenger, r.other], [[false, true], 1, 1, 0]);
  });

  it('digits past what a double holds are unread', () => {
    const r = parseGcTrace([line.replace('4 MB goal', '99999999999999999999 MB goal')]);
    assert.deepEqual([r.cycles.length, r.unreadNumbers], [0, [4]]);
  });
});
