// Property tests: every parser in src/parsers/ takes real captured lines mangled in the ways real output gets
// mangled (lines dropped, repeated, reordered, cut short, stray characters and Unicode, digits changed or blown up)
// and must neither throw nor put non-finite numbers into the model. Parsers report bad input as data.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';

import fc from 'fast-check';

import type { PackageFacts } from '../../src/model/types.js';
import { parseAsmText } from '../../src/parsers/asm-text.js';
import { parseBenchText } from '../../src/parsers/bench-text.js';
import { EscapeTextParser, parseEscapeText } from '../../src/parsers/escape-text.js';
import { parseGoListJson } from '../../src/parsers/go-list-json.js';
import { parseGcTrace } from '../../src/parsers/gctrace.js';
import { gcFigures } from '../../src/model/gc-figures.js';
import { ByteLineSplitter, LineSplitter, splitLines } from '../../src/parsers/line-splitter.js';
import { parseCpuProfile, parseMemProfile } from '../../src/parsers/pprof.js';
import { functionEnd } from '../../src/parsers/go-source.js';
import { fixturesDir } from '../helpers/paths.js';

/** Paths of the files under a folder whose names pass `keep`, sorted. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every `.txt` capture under a fixtures folder except COMMANDS.txt, as arrays of lines. */
function captures(dir: string, keep: (name: string) => boolean = () => true): string[][] {
  return filesUnder(dir, (n) => n.endsWith('.txt') && n !== 'COMMANDS.txt' && keep(n)).map((p) => splitLines(readFileSync(p, 'utf8')));
}

const escapeCaptures = captures(join(fixturesDir, 'escape'), (n) => n !== 'go-list.txt');
const benchCaptures = captures(join(fixturesDir, 'bench'));
const asmCaptures = captures(join(fixturesDir, 'asm'));
/** The gctrace captures' stderr (their .bench.txt stdout files are benchmark text). */
const gctraceCaptures = captures(join(fixturesDir, 'gctrace'), (n) => !n.endsWith('.bench.txt'));
/** Every profile among the fixtures (heap: at least go1.19-seed/mem.pprof; CPU: cpu/), gzipped as written and unzipped. */
const profiles = filesUnder(fixturesDir, (n) => n.endsWith('.pprof')).flatMap((p) => {
  const data = readFileSync(p);
  return [new Uint8Array(data), new Uint8Array(gunzipSync(data))];
});
const goListCaptures = [splitLines(readFileSync(join(fixturesDir, 'escape', 'tricky', 'go-list.txt'), 'utf8'))];

type Op =
  | { t: 'drop'; i: number }
  | { t: 'dup'; i: number }
  | { t: 'swap'; i: number; j: number }
  | { t: 'truncate'; i: number; k: number }
  | { t: 'insert'; i: number; k: number; s: string }
  | { t: 'digit'; i: number; k: number; d: string }
  | { t: 'bigNumber'; i: number; k: number; n: number }
  | { t: 'splice'; i: number; j: number; k: number };

const strayText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constantFrom(':', ': ', ':1:2: ', ' ', '   ', '(', ')', ' at ', '{', '}', '←', ' = ', '\r', '\t', '\n', 'é', '\u0000', '\ufffd', '😀'),
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('drop' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('dup' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ t: fc.constant('truncate' as const), i: fc.nat(), k: fc.nat() }),
  fc.record({ t: fc.constant('insert' as const), i: fc.nat(), k: fc.nat(), s: strayText }),
  fc.record({ t: fc.constant('digit' as const), i: fc.nat(), k: fc.nat(), d: fc.constantFrom('0', '1', '5', '9') }),
  // A digit run replaced by a long one: 10 digits overflow int32, 400 overflow a double.
  fc.record({ t: fc.constant('bigNumber' as const), i: fc.nat(), k: fc.nat(), n: fc.constantFrom(10, 17, 25, 400) }),
  fc.record({ t: fc.constant('splice' as const), i: fc.nat(), j: fc.nat(), k: fc.nat() }),
);

/** Applies the operations in order; indices wrap around the current lengths. */
function mutate(input: readonly string[], ops: readonly Op[]): string[] {
  const lines = [...input];
  for (const op of ops) {
    if (lines.length === 0) break;
    const i = op.i % lines.length;
    const line = lines[i]!;
    switch (op.t) {
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'dup':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = op.j % lines.length;
        lines[i] = lines[j]!;
        lines[j] = line;
        break;
      }
      case 'truncate':
        lines[i] = line.slice(0, op.k % (line.length + 1));
        break;
      case 'insert': {
        const k = op.k % (line.length + 1);
        lines[i] = line.slice(0, k) + op.s + line.slice(k);
        break;
      }
      case 'digit':
      case 'bigNumber': {
        const runs = [...line.matchAll(/\d+/g)];
        if (runs.length === 0) break;
        const m = runs[op.k % runs.length]!;
        const at = m.index ?? 0;
        const repl = op.t === 'digit' ? op.d.repeat(m[0].length) : '9'.repeat(op.n);
        lines[i] = line.slice(0, at) + repl + line.slice(at + m[0].length);
        break;
      }
      case 'splice': {
        const other = lines[op.j % lines.length]!;
        const k = op.k % (line.length + 1);
        lines[i] = line.slice(0, k) + other.slice(k);
        break;
      }
    }
  }
  return lines;
}

/** A capture (or a window of one) and the operations to apply to it. */
function mangled(pool: string[][]): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.constantFrom(...pool), fc.nat(), fc.integer({ min: 1, max: 400 }), fc.array(opArb, { maxLength: 40 }))
    .map(([lines, start, len, ops]) => {
      const s = lines.length ? start % lines.length : 0;
      return mutate(lines.slice(s, s + len), ops);
    });
}

/** Walks a value and fails on any number that is not finite (NaN, Infinity) at the given paths. */
function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}

function checkEscapeFacts(facts: PackageFacts[]): void {
  for (const pkg of facts) {
    for (const s of pkg.sites) {
      assert.ok(Number.isFinite(s.line) && Number.isFinite(s.column), `site ${s.file}:${s.line}:${s.column}`);
      assert.ok(Number.isInteger(s.line) && s.line >= 0 && Number.isInteger(s.column) && s.column >= 0);
      for (const f of s.flow) assert.ok(Number.isFinite(f.line) && Number.isFinite(f.column), `flow ${f.file}:${f.line}:${f.column}`);
    }
    // Every number in the model, positions or not (cost, budget, derefs, width), is finite: the model is JSON.
    assertFinite(pkg, pkg.importPath);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
}

/** Runs per property; raise it for a longer hunt: `FUZZ_RUNS=20000 node --test dist/test/parsers/fuzz.test.js`. */
const RUNS = Number(process.env['FUZZ_RUNS']) || 400;

describe('fuzz: escape-text', () => {
  it('mangled -m=2 captures: never throws, every site has a finite line and column', () => {
    fc.assert(
      fc.property(mangled(escapeCaptures), (lines) => {
        checkEscapeFacts(parseEscapeText(lines));
      }),
      { numRuns: RUNS },
    );
  });

  it('mangled text streamed in random chunks gives the facts of the whole text', () => {
    fc.assert(
      fc.property(mangled(escapeCaptures), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), (lines, sizes) => {
        const bytes = Buffer.from(lines.join('\n'), 'utf8');
        // The runner's path: byte ranges, decoded only where the parser needs text.
        const parser = new EscapeTextParser();
        const splitter = new ByteLineSplitter((b, start, end) => parser.pushBytes(b, start, end));
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const end = Math.min(bytes.length, at + sizes[i % sizes.length]!);
          splitter.push(bytes.subarray(at, end));
          at = end;
        }
        splitter.end();
        const streamed = parser.end();
        checkEscapeFacts(streamed);
        assert.deepEqual(streamed, parseEscapeText(splitLines(bytes.toString('utf8'))));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a flow line is read alike on bytes (same position as its header) and as text (another position)', () => {
    // Body lines that repeat their header's position are recognised on the bytes (isFlowEdge); others go through
    // the regular expression. Both must accept exactly the same lines.
    const piece = fc.constantFrom('x', 'y', ' ', ':', ' ← ', ' = ', '←', '=', '\r', '\u2028', '\u2029', 'é', '{heap}', ' :', ': ');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 10 }).map((a) => a.join('')),
        (t) => {
          const parse = (bodyAt: string): PackageFacts => {
            const lines = ['# p', './a.go:1:2: x escapes to heap in F:', `${bodyAt}   flow: ${t}`, './a.go:1:2: x escapes to heap'];
            return parseEscapeText(lines)[0]!;
          };
          const onBytes = parse('./a.go:1:2:');
          const asText = parse('./b.go:9:9:');
          assert.deepEqual(onBytes.sites, asText.sites);
          assert.equal(onBytes.unknown.length, asText.unknown.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('arbitrary lines shaped like compiler output: never throws', () => {
    const word = fc.constantFrom(
      'moved to heap: ',
      ' escapes to heap',
      ' escapes to heap in ',
      ' does not escape',
      'leaking param: ',
      'leaking param content: ',
      ' to result ',
      ' level=',
      'parameter ',
      ' leaks to ',
      ' for ',
      ' with derefs=',
      'flow: ',
      ' ← ',
      ' = ',
      'from ',
      ' (',
      ') at ',
      'can inline ',
      ' with cost ',
      ' as: ',
      'cannot inline ',
      'inlining call to ',
      ' capturing by ref: ',
      ' (addr=true assign=false width=',
      'warning: truncated explanation',
      '<autogenerated>',
      '<unknown line number>',
      './x.go',
      ':',
      '1',
      '42',
      ' ',
      '   ',
      '# ',
      '[',
      ']',
      '{heap}',
      '~r0',
      ':',
    );
    const line = fc.array(fc.oneof(word, fc.string({ maxLength: 3 })), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => checkEscapeFacts(parseEscapeText(lines))),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: line-splitter', () => {
  it('any bytes (invalid UTF-8 included) in any chunks: never throws, no line holds a newline', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 10 }), (arr, cuts) => {
        const bytes = Buffer.from(arr);
        const lines: string[] = [];
        const s = new LineSplitter((l) => lines.push(l));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let at = 0;
        for (const p of points) {
          s.push(bytes.subarray(at, p));
          at = p;
        }
        s.push(bytes.subarray(at));
        s.end();
        for (const l of lines) assert.ok(!l.includes('\n'));
        // Decoding waits for whole lines, so any chunking decodes exactly like the whole buffer.
        assert.deepEqual(lines, splitLines(bytes.toString('utf8')));
        // The same lines as byte ranges, each decoded on its own.
        const ranges: string[] = [];
        const b = new ByteLineSplitter((buf, start, end) => ranges.push(buf.toString('utf8', start, end)));
        at = 0;
        for (const p of points) {
          b.push(bytes.subarray(at, p));
          at = p;
        }
        b.push(bytes.subarray(at));
        b.end();
        assert.deepEqual(ranges, lines);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: bench-text', () => {
  it('mangled benchmark captures: never throws, line numbers point into the input', () => {
    fc.assert(
      fc.property(mangled(benchCaptures), (lines) => {
        const r = parseBenchText(lines);
        for (const pkg of r.packages) {
          for (const b of pkg.benchmarks) {
            for (const run of b.runs) {
              assert.ok(Number.isInteger(run.line) && run.line >= 1 && run.line <= lines.length, `run line ${run.line}`);
              assert.equal(typeof run.iterations, 'number');
            }
          }
          for (const p of pkg.problems) assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.length);
        }
        for (const u of r.unrecognised) assert.ok(Number.isInteger(u.line) && u.line >= 1 && u.line <= lines.length);
      }),
      { numRuns: RUNS },
    );
  });

  // Once failed: a damaged `-P` suffix was taken as GOMAXPROCS (`BenchmarkX-0` gave 0, 400 digits Infinity).
  it('mangled benchmark captures: GOMAXPROCS is a positive safe integer', () => {
    fc.assert(
      fc.property(mangled(benchCaptures), (lines) => {
        for (const pkg of parseBenchText(lines).packages) {
          for (const b of pkg.benchmarks) assert.ok(Number.isSafeInteger(b.procs) && b.procs >= 1, `procs ${b.procs}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: asm-text', () => {
  it('mangled -S listings: never throws, positions are finite, line numbers point into the input', () => {
    fc.assert(
      fc.property(mangled(asmCaptures), (lines) => {
        const r = parseAsmText(lines);
        for (const c of r.calls) {
          assert.ok(Number.isInteger(c.line) && c.line >= 0, `call line ${c.line}`);
          assert.ok(Number.isInteger(c.functionLine) && c.functionLine >= 0, `function line ${c.functionLine}`);
        }
        for (const f of r.functions) assert.ok(Number.isInteger(f.line) && f.line >= 0, `function line ${f.line}`);
        for (const u of r.unrecognised) assert.ok(Number.isInteger(u.line) && u.line >= 1 && u.line <= lines.length);
      }),
      { numRuns: RUNS },
    );
  });

  // Once failed (FUZZ_RUNS=8000): a damaged offset column gave `pc: null` or Infinity, a 400-digit `size=` Infinity.
  it('mangled -S listings: every number in the result is finite', () => {
    fc.assert(
      fc.property(mangled(asmCaptures), (lines) => {
        const r = parseAsmText(lines);
        for (const c of r.calls) assert.ok(Number.isFinite(c.pc), `pc ${c.pc}`);
        assertFinite(r, 'asm');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: gctrace', () => {
  it('mangled gctrace captures: never throws, every number finite, the GC figures finite and not negative', () => {
    fc.assert(
      fc.property(mangled(gctraceCaptures), fc.constantFrom(1, 5000, 2_000_000), (lines, ops) => {
        const r = parseGcTrace(lines);
        assertFinite(r.cycles, 'cycles');
        for (const c of r.cycles) assert.ok(Number.isInteger(c.line) && c.line >= 1 && c.line <= lines.length);
        for (const u of r.unread) assert.ok(Number.isInteger(u.line) && u.line >= 1 && u.line <= lines.length);
        const { gc, notes } = gcFigures({ trace: r, ops, goVersion: 'go1.26.8', benchmark: 'BenchmarkX', env: {} });
        if (gc) {
          assertFinite(gc, 'gc');
          for (const v of [gc.cycles, gc.cyclesPer1kOps, gc.stwNsPerOp, gc.heapGoalBytes ?? 0, gc.peakHeapBytes ?? 0]) assert.ok(v >= 0);
        } else assert.ok(notes.length > 0, 'figures unknown without a note');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: pprof', () => {
  type ByteOp =
    | { t: 'set'; i: number; v: number }
    | { t: 'truncate'; k: number }
    | { t: 'insert'; k: number; bytes: Uint8Array }
    | { t: 'delete'; k: number; n: number }
    | { t: 'repeat'; k: number; n: number };
  const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
    fc.record({ t: fc.constant('set' as const), i: fc.nat(), v: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ t: fc.constant('truncate' as const), k: fc.nat() }),
    fc.record({ t: fc.constant('insert' as const), k: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
    fc.record({ t: fc.constant('delete' as const), k: fc.nat(), n: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ t: fc.constant('repeat' as const), k: fc.nat(), n: fc.integer({ min: 1, max: 64 }) }),
  );
  function mutateBytes(input: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
    let b = Buffer.from(input);
    for (const op of ops) {
      const len = b.length;
      switch (op.t) {
        case 'set':
          if (len) b[op.i % len] = op.v;
          break;
        case 'truncate':
          b = b.subarray(0, op.k % (len + 1));
          break;
        case 'insert': {
          const k = op.k % (len + 1);
          b = Buffer.concat([b.subarray(0, k), op.bytes, b.subarray(k)]);
          break;
        }
        case 'delete': {
          const k = op.k % (len + 1);
          b = Buffer.concat([b.subarray(0, k), b.subarray(k + op.n)]);
          break;
        }
        case 'repeat': {
          const k = op.k % (len + 1);
          b = Buffer.concat([b.subarray(0, k + op.n), b.subarray(k)]);
          break;
        }
      }
    }
    return new Uint8Array(b);
  }

  it('mangled heap and CPU profiles (raw and re-gzipped): never throws, an ok profile has finite numbers', () => {
    assert.ok(profiles.length >= 2);
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.array(byteOp, { minLength: 1, maxLength: 8 }), fc.boolean(), (data, ops, zip) => {
        const mangled = mutateBytes(data, ops);
        const bytes = zip ? new Uint8Array(gzipSync(mangled)) : mangled;
        const cpu = parseCpuProfile(bytes);
        if (cpu.ok) assertFinite(cpu.profile, 'cpu profile');
        else assert.equal(typeof cpu.error, 'string');
        const r = parseMemProfile(bytes);
        if (!r.ok) {
          assert.equal(typeof r.error, 'string');
          return;
        }
        assertFinite(r.profile, 'profile');
        for (const s of r.profile.samples) for (const f of s.stack) assert.ok(Number.isInteger(f.line), `frame line ${f.line}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: go-list-json', () => {
  it('mangled go list -json output: never throws, bad objects become problems', () => {
    fc.assert(
      fc.property(mangled(goListCaptures), (lines) => {
        const r = parseGoListJson(lines);
        for (const p of r.packages) assert.equal(typeof p.ImportPath, 'string');
        for (const p of r.problems) assert.equal(typeof p, 'string');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: go-source', () => {
  it('mangled Go source and any start position: never throws, an end lies after its start', () => {
    const src = readFileSync(join(fixturesDir, '..', '..', 'examples', 'alloc.go'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(src.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 40 }),
        (edits, line, column) => {
          const b = Buffer.from(src);
          for (const [i, v] of edits) b[i] = v;
          const end = functionEnd(b, line, column);
          if (end) assert.ok(end.line > line || (end.line === line && end.column >= column));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
