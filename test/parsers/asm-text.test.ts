// The -S listing parser against real captured listings (test/fixtures/asm/*/COMMANDS.txt names each command and Go
// release), and the size-class helpers it uses. Expectations are exact: which runtime entry point is called at
// which line of which function, with which type, size and constant arguments.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { allocEntryPoint, type AsmAllocCall, type AsmParse } from '../../src/model/alloc-types.js';
import { AsmTextParser, parseAsmText, readableType, shortenPaths, typeFromItab, typeFromSymbol } from '../../src/parsers/asm-text.js';
import { LineSplitter, splitLines } from '../../src/parsers/line-splitter.js';
import { isTinyAllocation, MAX_SMALL_SIZE, PAGE_SIZE, roundToSizeClass, SIZE_CLASSES, typeSize } from '../../src/model/size-classes.js';
import { fixturesDir } from '../helpers/paths.js';

const asmDir = join(fixturesDir, 'asm');

const CAPTURES = [
  'examples-go1.26/S.txt',
  'examples-go1.26/S-arm64.txt',
  'examples-go1.26/S-test.txt',
  'entrypoints/S.txt',
  '../go1.19-seed/S.txt',
  'examples-go1.27/S.txt',
  'examples-go1.27/S-arm64.txt',
  'examples-go1.27/S-test.txt',
  'entrypoints-go1.27/S.txt',
  'benchlines-go1.26/S.txt',
  'benchlines-go1.27/S.txt',
];

function raw(name: string): string {
  return readFileSync(join(asmDir, name), 'utf8');
}

const cache = new Map<string, AsmParse>();
function parse(name: string): AsmParse {
  let r = cache.get(name);
  if (!r) cache.set(name, (r = parseAsmText(splitLines(raw(name)))));
  return r;
}

/** [function without package, line, runtime function, display] for a compact exact comparison. */
function table(calls: AsmAllocCall[], pkgPrefix: string): [string, number, string, string | null][] {
  return calls.map((c) => [c.function.slice(pkgPrefix.length), c.line, c.runtime, c.display]);
}

function call(r: AsmParse, fn: string, runtime: string): AsmAllocCall {
  const found = r.calls.filter((c) => c.function === fn && c.runtime === runtime);
  assert.equal(found.length, 1, `${fn} → runtime.${runtime}`);
  return found[0]!;
}

const EX = 'example.com/heapscope/examples.';
const ALLOC_GO = '/REPO/examples/alloc.go';

/** What examples/alloc.go allocates, as the go1.26.8 amd64 listing shows it (the arm64 listing agrees). */
const EXAMPLES: [string, number, string, string | null][] = [
  ['NewPoint', 17, 'newobject', 'examples.Point'],
  ['AddressOfParam', 24, 'newobject', '[]int'],
  ['memAllocRepro', 30, 'newobject', '[]int'],
  ['noAlloc1', 37, 'newobject', '[]int'],
  ['Describe', 43, 'convT64', 'int'],
  ['Counter', 48, 'newobject', 'int'],
  ['Counter', 49, 'newobject', 'closure capturing *int'],
  ['Async', 57, 'makechan', 'chan int'],
  ['Async', 58, 'newobject', 'closure capturing chan int, int'],
  ['Buffer', 66, 'makeslice', 'uint8'],
  ['Large', 73, 'makeslice', 'uint8'],
  ['Register', 84, 'newobject', 'examples.item'],
  ['Register', 85, 'growslice', '*examples.item'],
  ['Join', 90, 'concatstring3', null],
  ['Bytes', 95, 'stringtoslicebyte', null],
];

describe('asm-text: examples module, go1.26.8 amd64', () => {
  const r = parse('examples-go1.26/S.txt');

  it('finds every allocation call of alloc.go with its type, and nothing else', () => {
    assert.equal(r.arch, 'amd64');
    assert.deepEqual(table(r.calls, EX), EXAMPLES);
    for (const c of r.calls) {
      assert.equal(c.package, 'example.com/heapscope/examples');
      assert.equal(c.variant, null);
      assert.equal(c.file, ALLOC_GO);
    }
    assert.equal(r.functions.length, 18);
    assert.deepEqual(r.unrecognised, []);
  });

  it("NewPoint's moved variable: a Point of 16 bytes, from the type register AX", () => {
    const c = call(r, EX + 'NewPoint', 'newobject');
    assert.deepEqual(c, {
      package: 'example.com/heapscope/examples',
      variant: null,
      function: EX + 'NewPoint',
      file: ALLOC_GO,
      line: 17,
      functionFile: ALLOC_GO,
      functionLine: 16,
      pc: 32,
      prevCallPc: null,
      runtime: 'newobject',
      kind: 'object',
      typeRole: 'object',
      typeSymbol: 'type:example.com/heapscope/examples.Point',
      type: 'example.com/heapscope/examples.Point',
      display: 'examples.Point',
      typeFrom: 'argument',
      typeSize: 16,
      constants: {},
      stackBuffer: null,
    });
  });

  it("Counter's closure: the context struct, its captures and size", () => {
    const [total, closure] = r.calls.filter((c) => c.function === EX + 'Counter');
    assert.equal(total!.type, 'int'); // total is moved to the heap: captured by reference
    assert.equal(closure!.typeSymbol, 'type:noalg.struct { F uintptr; X0 *int }');
    assert.equal(closure!.type, 'struct { F uintptr; X0 *int }');
    assert.deepEqual(closure!.captures, ['*int']);
    assert.equal(closure!.typeSize, 16);
    assert.equal(call(r, EX + 'Async', 'newobject').typeSize, 24);
  });

  it("growslice's element type comes from SI, with the constant num", () => {
    const c = call(r, EX + 'Register', 'growslice');
    assert.equal(c.kind, 'slice-growth');
    assert.equal(c.typeRole, 'element');
    assert.equal(c.typeSymbol, 'type:*example.com/heapscope/examples.item');
    assert.equal(c.typeSize, 8);
    assert.deepEqual(c.constants, { num: 1 });
  });

  it('reads constant arguments and nil temporary buffers', () => {
    assert.deepEqual(call(r, EX + 'Large', 'makeslice').constants, { len: 81920, cap: 81920 });
    assert.deepEqual(call(r, EX + 'Buffer', 'makeslice').constants, {}); // n is only known at run time
    assert.deepEqual(call(r, EX + 'Async', 'makechan').constants, { size: 1 });
    assert.equal(call(r, EX + 'Join', 'concatstring3').stackBuffer, false); // the result escapes: buf is nil
    assert.equal(call(r, EX + 'Bytes', 'stringtoslicebyte').stackBuffer, false);
  });

  it('convT64 takes no type: the boxed type is the interface word stored after the call', () => {
    const c = call(r, EX + 'Describe', 'convT64');
    assert.equal(c.kind, 'interface-box');
    assert.equal(c.typeFrom, 'interface-word');
    assert.equal(c.typeSymbol, 'type:int');
    assert.equal(c.typeSize, 8);
  });

  it('reads type sizes from the type descriptors the package emits', () => {
    assert.equal(r.typeSizes['example.com/heapscope/examples.BigStruct'], 72);
    assert.equal(r.typeSizes['struct { F uintptr; X0 chan int; X1 int }'], 24);
    // Go 1.25's 32-byte stack buffer for a variable-size make that does not escape.
    assert.equal(r.typeSizes['struct { example.com/heapscope/examples._ [0]uintptr; example.com/heapscope/examples.arr [32]uint8 }'], 32);
  });
});

describe('asm-text: examples module, go1.26.8 arm64', () => {
  it('finds the same calls and types from MOVD $type:T(SB), R0 and R4', () => {
    const r = parse('examples-go1.26/S-arm64.txt');
    assert.equal(r.arch, 'arm64');
    assert.deepEqual(table(r.calls, EX), EXAMPLES);
    assert.deepEqual(call(r, EX + 'Large', 'makeslice').constants, { len: 81920, cap: 81920 });
    assert.equal(call(r, EX + 'Register', 'growslice').type, '*example.com/heapscope/examples.item');
    assert.equal(call(r, EX + 'Join', 'concatstring3').stackBuffer, false); // MOVD ZR, R0
    assert.deepEqual(r.unrecognised, []);
  });
});

describe('asm-text: examples test variant and test main, go1.26.8', () => {
  const r = parse('examples-go1.26/S-test.txt');

  it('names the test variant, and code inlined into benchmarks at the callee position', () => {
    const variant = 'example.com/heapscope/examples.test';
    const inVariant = r.calls.filter((c) => c.variant === variant);
    assert.equal(inVariant.length, 25);
    assert.ok(inVariant.every((c) => c.package === 'example.com/heapscope/examples'));
    const counter = inVariant.filter((c) => c.function === EX + 'BenchmarkCounter');
    assert.deepEqual(
      counter.map((c) => [c.file, c.line, c.functionFile, c.functionLine, c.display]),
      [
        [ALLOC_GO, 48, '/REPO/examples/alloc_test.go', 43, 'int'],
        [ALLOC_GO, 49, '/REPO/examples/alloc_test.go', 43, 'closure capturing *int'],
      ],
    );
    // AddressOfParam is not inlined (go:noinline) and leaks its argument: the benchmark's literal moves.
    const lit = call(r, EX + 'BenchmarkAddressOfParam', 'newobject');
    assert.deepEqual([lit.file, lit.line, lit.type, lit.typeSize], ['/REPO/examples/alloc_test.go', 22, '[3]int', 24]);
  });

  it('reads the generated test main package without a variant', () => {
    const main = r.calls.filter((c) => c.package === 'example.com/heapscope/examples.test');
    assert.equal(main.length, 2);
    assert.ok(main.every((c) => c.variant === null && c.file === '/usr/local/go/src/reflect/value.go' && c.line === 221));
    assert.ok(main.every((c) => c.type === 'reflect.ValueError'));
    assert.deepEqual(r.unrecognised, []);
  });
});

describe('asm-text: every entry point (entrypoints module, go1.26.8)', () => {
  const r = parse('entrypoints/S.txt');
  const EP = 'example.com/heapscope/entrypoints.';

  it('finds each runtime call with its type, constants and buffers', () => {
    const rows = r.calls.map((c) => [
      c.function.slice(EP.length),
      c.line,
      c.runtime,
      c.kind,
      c.type === null ? null : shortenPaths(c.type),
      c.typeFrom,
      c.typeSize,
      c.constants,
      c.stackBuffer,
    ]);
    assert.deepEqual(rows, [
      ['Maps', 36, 'makemap_small', 'map', null, null, null, {}, null],
      ['Maps', 37, 'makemap', 'map', 'map[int]*entrypoints.pair', 'argument', 8, {}, null],
      ['Boxing', 42, 'convT16', 'interface-box', 'uint16', 'interface-word', 2, {}, null],
      ['Boxing', 43, 'convT32', 'interface-box', 'uint32', 'interface-word', 4, {}, null],
      ['Boxing', 44, 'convTstring', 'interface-box', 'string', 'interface-word', 16, {}, null],
      ['Boxing', 45, 'convTslice', 'interface-box', '[]uint8', 'interface-word', 24, {}, null],
      ['Boxing', 46, 'convT', 'interface-box', 'entrypoints.pair', 'argument', 24, {}, null],
      ['Boxing', 47, 'convTnoptr', 'interface-box', 'entrypoints.square', 'argument', 16, {}, null],
      ['Strings', 52, 'concatstrings', 'string', null, null, null, {}, false],
      ['Strings', 53, 'slicebytetostring', 'string', null, null, null, {}, false],
      ['Strings', 54, 'stringtoslicerune', 'runes', null, null, null, {}, false],
      ['Strings', 55, 'slicerunetostring', 'string', null, null, null, {}, false],
      ['Strings', 56, 'intstring', 'string', null, null, null, {}, false],
      ['Strings', 57, 'concatbyte2', 'bytes', null, null, null, {}, false],
      // make+copy of a pointer-free slice: mallocgc with a nil type, not makeslicecopy.
      ['Slices', 62, 'mallocgc', 'object', null, null, null, { needzero: 0 }, null],
      ['Slices', 65, 'makeslice', 'slice', 'int64', 'argument', 8, {}, null],
      ['Slices', 66, 'growslice', 'slice-growth', 'int', 'argument', 8, { num: 3 }, null],
      // Go 1.26: appends build on the stack; the result is moved to the heap where it escapes.
      ['Collect', 73, 'growslice', 'slice-growth', 'int', 'argument', 8, { num: 1 }, null],
      ['Collect', 75, 'moveSliceNoCapNoScan', 'slice-move', null, null, null, { elemSize: 8 }, null],
      ['Chans', 80, 'makechan', 'chan', 'chan entrypoints.pair', 'argument', 8, {}, null],
      ['Closures', 84, 'newobject', 'object', 'int', 'argument', 8, {}, null],
      ['Closures', 86, 'newobject', 'object', 'struct { F uintptr; X0 *int; X1 string }', 'argument', 32, {}, null],
      ['Closures', 90, 'newobject', 'object', 'struct { F uintptr; R entrypoints.square }', 'argument', 24, {}, null],
      ['Big', 95, 'newobject', 'object', '[200000]uint8', 'argument', 200000, {}, null],
      ['makeBox', 116, 'newobject', 'object', 'int', 'argument', 8, {}, null],
      ['Inlined', 116, 'newobject', 'object', 'int', 'argument', 8, {}, null],
      ['Inlined', 123, 'convT64', 'interface-box', 'int', 'interface-word', 8, {}, null],
      // A shaped generic function loads the type from its dictionary: unknown, not guessed.
      ['Generic[go.shape.int]', 104, 'newobject', 'object', null, null, null, {}, null],
      [
        'Generic[go.shape.struct { example.com/heapscope/entrypoints.a *int; example.com/heapscope/entrypoints.b string }]',
        104,
        'newobject',
        'object',
        null,
        null,
        null,
        {},
        null,
      ],
    ]);
    assert.deepEqual(r.unrecognised, []);
  });

  it('describes closures and method values', () => {
    const [x, clo, mv] = r.calls.filter((c) => c.function === EP + 'Closures');
    assert.equal(x!.display, 'int');
    assert.equal(clo!.display, 'closure capturing *int, string');
    assert.deepEqual(clo!.captures, ['*int', 'string']);
    assert.equal(mv!.display, 'method value bound to entrypoints.square');
    assert.equal(mv!.methodValueReceiver, 'example.com/heapscope/entrypoints.square');
  });

  it('records the inlined callee position as printed, beside the enclosing function', () => {
    const c = call(r, EP + 'Inlined', 'newobject');
    assert.deepEqual([c.line, c.functionLine], [116, 121]);
    assert.equal(call(r, EP + 'Boxing', 'convTnoptr').typeSymbol, 'type:example.com/heapscope/entrypoints.square');
  });
});

describe('asm-text: go1.27.4 size-specialised allocators (entrypoints and examples modules)', () => {
  const EP = 'example.com/heapscope/entrypoints.';

  it('reads mallocgcSmall*SC<n> and mallocgcTinySC2 as mallocgc: the type from BX, the requested size from AX', () => {
    const r = parse('entrypoints-go1.27/S.txt');
    const rows = r.calls
      .filter((c) => c.runtime.startsWith('mallocgc'))
      .map((c) => [
        c.function.slice(EP.length),
        c.line,
        c.runtime,
        c.kind,
        c.type === null ? null : shortenPaths(c.type),
        c.typeSize,
        c.constants,
      ]);
    assert.deepEqual(rows, [
      // make+copy of a pointer-free slice: plain mallocgc with a nil type, as on go1.26.
      ['Slices', 62, 'mallocgc', 'object', null, null, { needzero: 0 }],
      ['Closures', 86, 'mallocgcSmallScanNoHeaderSC4', 'object', 'struct { F uintptr; X0 *int; X1 string }', 32, { size: 32, needzero: 1 }],
      ['Closures', 90, 'mallocgcSmallNoScanSC3', 'object', 'struct { F uintptr; R entrypoints.square }', 24, { size: 24, needzero: 1 }],
      ['makeBox', 116, 'mallocgcTinySC2', 'object', 'int', 8, { size: 8, needzero: 1 }],
      ['Inlined', 116, 'mallocgcTinySC2', 'object', 'int', 8, { size: 8, needzero: 1 }],
    ]);
    assert.equal(r.calls.length, parse('entrypoints/S.txt').calls.length, 'one call for each call of the go1.26.8 listing');
    assert.deepEqual(r.unrecognised, []);
  });

  it('finds every allocation of the examples, with the new header field order (size, align, args, locals)', () => {
    for (const name of ['examples-go1.27/S.txt', 'examples-go1.27/S-arm64.txt']) {
      const r = parse(name);
      assert.deepEqual(
        r.calls.map((c) => [c.function.slice(EX.length), c.line, c.type === null ? null : shortenPaths(c.type)]),
        parse(name.replace('go1.27', 'go1.26')).calls.map((c) => [
          c.function.slice(EX.length),
          c.line,
          c.type === null ? null : shortenPaths(c.type),
        ]),
        name,
      );
      const np = r.calls.find((c) => c.function === EX + 'NewPoint')!;
      assert.deepEqual([np.runtime, np.typeSize], ['mallocgcSmallNoScanSC2', 16], name);
      assert.ok(
        r.functions.some((f) => f.symbol === EX + 'NewPoint' && f.size > 0),
        name,
      );
    }
  });
});

describe('asm-text: go1.19 seed (type. prefix)', () => {
  const r = parse('../go1.19-seed/S.txt');

  it('finds the []int in memAllocRepro at repro.go:3 and the BigStruct of CreatePointer', () => {
    assert.deepEqual(
      r.calls.map((c) => [c.function, c.file, c.line, c.runtime, c.typeSymbol, c.type, c.typeSize]),
      [
        ['example.com/seed.memAllocRepro', '/SEED/repro.go', 3, 'newobject', 'type.[]int', '[]int', 24],
        ['example.com/seed.noAlloc1', '/SEED/repro.go', 10, 'newobject', 'type.[]int', '[]int', 24],
        [
          'example.com/seed.CreatePointer',
          '/SEED/repro.go',
          34,
          'newobject',
          'type.example.com/seed.BigStruct',
          'example.com/seed.BigStruct',
          80, // from the descriptor's first word (0x50)
        ],
      ],
    );
    assert.equal(r.arch, 'amd64');
    assert.deepEqual(
      r.functions.map((f) => [f.symbol, f.line, f.flags]),
      [
        ['example.com/seed.memAllocRepro', 3, []],
        ['example.com/seed.noAlloc1', 10, []],
        ['example.com/seed.noAlloc2', 14, ['nosplit']],
        ['example.com/seed.CreateCopy', 28, ['nosplit']],
        ['example.com/seed.CreatePointer', 33, []],
        ['type..eq.example.com/seed.BigStruct', 1, ['dupok']],
      ],
    );
    assert.deepEqual(r.unrecognised, []);
  });
});

describe('asm-text: register tracking on small listings', () => {
  const head = [
    '# example.com/m',
    'example.com/m.F STEXT size=64 args=0x0 locals=0x18 funcid=0x0 align=0x0',
    '\t0x0000 00000 (/m/f.go:3)\tTEXT\texample.com/m.F(SB), ABIInternal, $24-0',
  ];

  it('forgets a type once the register is overwritten', () => {
    const r = parseAsmText([
      ...head,
      '\t0x000e 00014 (/m/f.go:4)\tLEAQ\ttype:int(SB), AX',
      '\t0x0015 00021 (/m/f.go:4)\tMOVQ\t(DX), AX',
      '\t0x0018 00024 (/m/f.go:4)\tCALL\truntime.newobject(SB)',
    ]);
    assert.equal(r.calls.length, 1);
    assert.equal(r.calls[0]!.type, null);
  });

  it('forgets what it knew at a jump target, and follows register copies', () => {
    const r = parseAsmText([
      ...head,
      '\t0x000e 00014 (/m/f.go:4)\tLEAQ\ttype:int(SB), AX',
      '\t0x0015 00021 (/m/f.go:4)\tCALL\truntime.newobject(SB)',
      '\t0x001a 00026 (/m/f.go:5)\tLEAQ\ttype:string(SB), CX',
      '\t0x0021 00033 (/m/f.go:5)\tMOVQ\tCX, AX',
      '\t0x0024 00036 (/m/f.go:5)\tCALL\truntime.newobject(SB)',
      '\t0x0029 00041 (/m/f.go:6)\tLEAQ\ttype:bool(SB), AX',
      '\t0x0030 00048 (/m/f.go:6)\tPCDATA\t$1, $0',
      '\t0x0030 00048 (/m/f.go:6)\tCALL\truntime.newobject(SB)',
      '\t0x0035 00053 (/m/f.go:6)\tJMP\t48',
    ]);
    assert.deepEqual(
      r.calls.map((c) => [c.line, c.type]),
      [
        [4, 'int'],
        [5, 'string'],
        [6, null], // 48 is a jump target: AX may come from the JMP
      ],
    );
  });

  it('forgets what it knew after a jump that never falls through: the next block is reached by a jump', () => {
    const r = parseAsmText([
      ...head,
      '\t0x0004 00004 (/m/f.go:4)\tLEAQ\tm.F.jump3(SB), CX',
      '\t0x000b 00011 (/m/f.go:4)\tJMP\t(CX)(DX*8)',
      '\t0x000e 00014 (/m/f.go:5)\tXORL\tDI, DI',
      '\t0x0010 00016 (/m/f.go:5)\tRET',
      '\t0x0011 00017 (/m/f.go:6)\tMOVQ\tDI, AX', // DI came from before the jump table, not from line 5
      '\t0x0014 00020 (/m/f.go:6)\tCALL\truntime.mallocgc(SB)',
      '\t0x0019 00025 (/m/f.go:7)\tLEAQ\ttype:int(SB), AX',
      '\t0x0020 00032 (/m/f.go:7)\tJMP\t60',
      '\t0x0025 00037 (/m/f.go:8)\tCALL\truntime.newobject(SB)', // reached by another jump: AX unknown
    ]);
    assert.deepEqual(
      r.calls.map((c) => [c.line, c.runtime, c.constants, c.type, c.prevCallPc]),
      [
        [6, 'mallocgc', {}, null, null],
        [8, 'newobject', {}, null, 20],
      ],
    );
  });

  it('does not read registers in an ABI0 function, and counts unknown runtime.malloc*/new* calls', () => {
    const r = parseAsmText([
      '# example.com/m',
      'example.com/m.G STEXT size=64 args=0x0 locals=0x18 funcid=0x0 align=0x0',
      '\t0x0000 00000 (/m/g.go:3)\tTEXT\texample.com/m.G(SB), ABI0, $24-0',
      '\t0x000e 00014 (/m/g.go:4)\tLEAQ\ttype:int(SB), AX',
      '\t0x0015 00021 (/m/g.go:4)\tCALL\truntime.newobject(SB)',
      '\t0x001a 00026 (/m/g.go:5)\tCALL\truntime.mallocgcSomethingNew(SB)',
      '\t0x001f 00031 (/m/g.go:6)\tCALL\truntime.newproc(SB)',
      '\t0x0024 00036 (/m/g.go:7)\tCALL\truntime.chansend1(SB)',
    ]);
    assert.deepEqual(
      r.calls.map((c) => [c.runtime, c.kind, c.type]),
      [
        ['newobject', 'object', null],
        ['mallocgcSomethingNew', 'unknown', null],
      ],
    );
  });

  it('keeps unknown lines with their line numbers, and never throws', () => {
    const r = parseAsmText(['# example.com/m', './f.go:3:2: undefined: foo', '\t0x0000 00000 (/m/f.go:3)\tRET', '\tsomething indented']);
    assert.deepEqual(r.unrecognised, [
      { line: 2, text: './f.go:3:2: undefined: foo' },
      { line: 3, text: '\t0x0000 00000 (/m/f.go:3)\tRET' }, // an instruction outside any function
      { line: 4, text: '\tsomething indented' },
    ]);
  });

  it('maps printed paths through resolveFile', () => {
    const r = parseAsmText(splitLines(raw('../go1.19-seed/S.txt')), { resolveFile: (f) => f.replace('/SEED/', '') });
    assert.equal(r.calls[0]!.file, 'repro.go');
    assert.equal(r.calls[0]!.functionFile, 'repro.go');
  });

  it('gives the same result when the text arrives in small chunks', () => {
    for (const name of ['examples-go1.26/S.txt', '../go1.19-seed/S.txt']) {
      const bytes = Buffer.from(raw(name), 'utf8');
      for (const size of [3, 61]) {
        const p = new AsmTextParser();
        const s = new LineSplitter((l) => p.push(l));
        for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
        s.end();
        assert.deepEqual(p.end(), parse(name), `${name} in ${size}-byte chunks`);
      }
    }
  });
});

describe('asm-text: a jump table and a map insert (benchlines module, go1.26.8 and go1.27.4)', () => {
  const BL = 'example.com/benchlines.';
  for (const release of ['go1.26', 'go1.27']) {
    const r = parse(`benchlines-${release}/S.txt`);
    const file = `/REPO/test/fixtures/asm/benchlines-${release}/lines.go`;

    it(`${release}: the make+copy branch after a jump table has no size carried over from another branch`, () => {
      assert.match(raw(`benchlines-${release}/S.txt`), /\tJMP\t\(\w+\)\(\w+\*8\)\n/, 'the type switch is a jump table');
      const c = call(r, BL + 'Copy', 'mallocgc');
      assert.equal(c.file, file);
      assert.equal(c.line, 52);
      // Its length arrives in a register from before the jump; the branch laid out before it set that one to 0.
      assert.deepEqual(c.constants, { needzero: 0 });
      assert.equal(c.type, null);
    });

    it(`${release}: m[i] = i is a map insert of map[int]int, and the inlined errors.New after it follows that call`, () => {
      const fill = r.calls.filter((c) => c.function === BL + 'Fill');
      assert.deepEqual(
        fill.map((c) => [c.line, c.runtime, c.kind, c.type]),
        [
          [27, 'makemap_small', 'map', null],
          [29, 'mapassign_fast64', 'map-insert', 'map[int]int'],
          [65, release === 'go1.26' ? 'newobject' : 'mallocgcSmallScanNoHeaderSC2', 'object', 'errors.errorString'],
        ],
      );
      assert.equal(fill[1]!.file, file);
      assert.match(fill[2]!.file, /\/src\/errors\/errors\.go$/);
      assert.equal(fill[2]!.prevCallPc, fill[1]!.pc);
      assert.deepEqual(r.unrecognised, []);
    });
  }
});

describe('asm-text: type names', () => {
  it('strips descriptor prefixes of both eras', () => {
    assert.equal(typeFromSymbol('type:[]int'), '[]int');
    assert.equal(typeFromSymbol('type.[]int'), '[]int');
    assert.equal(typeFromSymbol('type:.eq.[2]interface {}'), null);
    assert.equal(typeFromSymbol('type..eq.example.com/seed.BigStruct'), null);
    assert.equal(typeFromSymbol('go:string."/"'), null);
  });

  it('reads the dynamic type of an itab', () => {
    assert.equal(typeFromItab('go:itab.*os.File,io.Writer'), '*os.File');
    assert.equal(typeFromItab('go.itab.example.com/m.T[int,string],example.com/m.I'), 'example.com/m.T[int,string]');
    assert.equal(typeFromItab('type:int'), null);
  });

  it('shortens import paths and describes closures', () => {
    assert.equal(shortenPaths('map[int]*example.com/heapscope/entrypoints.pair'), 'map[int]*entrypoints.pair');
    assert.equal(shortenPaths('[]gopkg.in/yaml.v3.Node'), '[]yaml.v3.Node');
    assert.equal(shortenPaths('[]int'), '[]int');
    assert.deepEqual(readableType('type:noalg.struct { F uintptr; X0 *int; X1 example.com/m.T }'), {
      type: 'struct { F uintptr; X0 *int; X1 example.com/m.T }',
      display: 'closure capturing *int, m.T',
      captures: ['*int', 'example.com/m.T'],
    });
    assert.deepEqual(readableType('struct { F uintptr; R *example.com/m.T }'), {
      type: 'struct { F uintptr; R *example.com/m.T }',
      display: 'method value bound to *m.T',
      methodValueReceiver: '*example.com/m.T',
    });
  });

  it('knows which runtime functions allocate', () => {
    assert.equal(allocEntryPoint('growslice')?.slots[4], 'typ'); // SI on amd64, R4 on arm64
    // go1.26's experiment and go1.27's size-specialised allocators take mallocgc's arguments.
    assert.equal(allocEntryPoint('mallocgcTinySize8'), allocEntryPoint('mallocgc'));
    assert.equal(allocEntryPoint('mallocgcSmallScanNoHeaderSC7'), allocEntryPoint('mallocgc'));
    assert.equal(allocEntryPoint('mallocgcLargeSomething')?.kind, 'unknown');
    assert.equal(allocEntryPoint('newproc'), null);
    assert.equal(allocEntryPoint('typedmemmove'), null);
  });
});

describe('size-classes', () => {
  it('holds the 67 classes of internal/runtime/gc/sizeclasses.go', () => {
    assert.equal(SIZE_CLASSES.length, 67);
    assert.deepEqual(SIZE_CLASSES.slice(0, 12), [8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160]);
    assert.equal(SIZE_CLASSES.at(-1), MAX_SMALL_SIZE);
  });

  it('rounds requests as the allocator does', () => {
    assert.deepEqual(
      [0, 1, 8, 9, 24, 25, 80, 81, 101, 1025, 32768].map((n) => roundToSizeClass(n)),
      [0, 8, 8, 16, 24, 32, 80, 96, 112, 1152, 32768],
    );
    // Large objects: whole pages.
    assert.equal(roundToSizeClass(32769), 40960);
    assert.equal(roundToSizeClass(81920), 81920);
    assert.equal(roundToSizeClass(81921), 81920 + PAGE_SIZE);
    // Pointerful objects over 512 bytes carry an 8-byte malloc header.
    assert.equal(roundToSizeClass(512, { pointers: true }), 512);
    assert.equal(roundToSizeClass(576, { pointers: true }), 640);
    assert.equal(roundToSizeClass(576), 576);
    assert.equal(isTinyAllocation(8, false), true);
    assert.equal(isTinyAllocation(16, false), false);
    assert.equal(isTinyAllocation(8, true), false);
  });

  it('agrees with the measured B/op of the examples', () => {
    // BenchmarkBuffer: make([]byte, 100 or 101) → 112; BenchmarkLarge: 80 KiB → 81920; NewPoint: 16.
    assert.equal(roundToSizeClass(101), 112);
    assert.equal(roundToSizeClass(80 << 10), 81920);
    assert.equal(roundToSizeClass(typeSize('struct { X int; Y int }')!), 16);
  });

  it('sizes simple types and gives up on named ones', () => {
    const cases: [string, number | null][] = [
      ['bool', 1],
      ['uint16', 2],
      ['rune', 4],
      ['int', 8],
      ['complex128', 16],
      ['*int', 8],
      ['[]int', 24],
      ['string', 16],
      ['interface {}', 16],
      ['interface { M() }', 16],
      ['error', 16],
      ['map[string]int', 8],
      ['chan int', 8],
      ['<-chan int', 8],
      ['func(int, string) error', 8],
      ['[4]int32', 16],
      ['[0]uintptr', 0],
      ['[200000]uint8', 200000],
      ['type:noalg.struct { F uintptr; X0 *int }', 16],
      ['struct { a bool; b int64; c bool }', 24],
      ['struct { a int32; b [0]int }', 16], // a final zero-size field is padded (checked with unsafe.Sizeof)
      ['struct {}', 0],
      ['go.shape.int', 8],
      ['example.com/m.Point', null],
      ['struct { example.com/m.T; x int }', null], // embedded named type
      ['example.com/m.List[int]', null],
    ];
    for (const [t, want] of cases) assert.equal(typeSize(t), want, t);
    assert.equal(typeSize('[]int', 4), 12);
    assert.equal(typeSize('struct { a int64; b int32 }', 4), 12);
  });

  it('matches the size in every type descriptor of the captured listings it can compute', () => {
    let checked = 0;
    for (const name of CAPTURES) {
      for (const [t, size] of Object.entries(parse(name).typeSizes)) {
        const guess = typeSize(t);
        if (guess === null) continue;
        assert.equal(guess, size, `${name}: ${t}`);
        checked++;
      }
    }
    assert.equal(checked, 403);
  });
});
