// The join on captured compiler output, without running Go: the causes module's -m=2 text (go1.26.8 and
// go1.27.4, test/fixtures/escape/causes/COMMANDS.txt) parsed and joined. Each heap decision gets the cause its
// explanation's root gives, the chain to the decision that roots it, and whether the runtime allocates for it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEscapeText } from '../../src/parsers/escape-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { buildModel } from '../../src/join/build-model.js';
import { sourceReader } from '../../src/runners/source-lines.js';
import type { AnalysisModel, Site } from '../../src/model/types.js';
import { fixturesDir } from '../helpers/paths.js';
import { moduleSources } from '../helpers/sources.js';

const moduleDir = join(fixturesDir, 'modules', 'causes');

function model(version: string, declarations = true): AnalysisModel {
  const text = readFileSync(join(fixturesDir, 'escape', 'causes', `m2-${version}.txt`), 'utf8');
  // The text names files relative to the module directory, where the source reader finds them.
  const facts = parseEscapeText(splitLines(text), { resolveFiles: (names) => new Map(names.map((n) => [n, n.replace(/^\.\//, '')])) });
  const source = sourceReader(moduleSources(moduleDir), {
    dirOf: (p) => (p === 'example.com/causes' ? moduleDir : undefined),
    nameOf: () => undefined,
    named: () => undefined,
  });
  return buildModel({
    go: { version, goos: 'linux', goarch: 'amd64' },
    root: moduleDir,
    units: [{ importPath: 'example.com/causes', dir: moduleDir, facts, errors: [], cached: false }],
    sourceLine: (f, l) => source.line(f, l),
    resultNames: (fn) => source.resultNames(fn),
    typeKind: declarations ? (pkg, file, name) => source.typeKind(pkg, file, name) : undefined,
  });
}

/** `function expr` (a second decision of one expression in a function: ` (2)`) → [cause, root cause or '', allocates]. */
const EXPECTED: Record<string, [cause: string, root: string, allocates: string]> = {
  'LoopAddr x': ['outlives-loop', '', 'always'],
  'LoopMake make(map[string]int)': ['outlives-loop', '', 'always'],
  'IntoHeapObject make([]byte, 0, 64)': ['stored-in-heap-object', 'returned-address', 'always'],
  'IntoHeapObject &T{...}': ['returned-address', '', 'always'],
  'IntoGlobalObject x': ['stored-in-heap-object', 'stored-in-heap', 'always'],
  'IntoGlobalObject &T{...}': ['stored-in-heap', '', 'always'],
  'BoxStored v': ['interface-stored', '', 'sometimes'],
  'BoxGlobal v': ['interface-stored', '', 'sometimes'],
  'Variadic ... argument': ['variadic-slice', '', 'always'],
  'Sprintf n': ['interface-conversion', '', 'sometimes'],
  'Write make([]byte, 0, 8)': ['leaking-param-call', '', 'always'],
  'Err code': ['interface-conversion', '', 'sometimes'],
  'Err &errors.errorString{...}': ['returned-address', '', 'always'],
  'Err &errors.errorString{...} (2)': ['returned-address', '', 'always'],
  'NamedResult n': ['interface-stored', '', 'sometimes'],
  'Captured x': ['returned-address', '', 'always'],
  '(*sinkT).AppendField append(s.parts, v)': ['append-escaping-slice', '', 'sometimes'],
  'Stub &stub{}': ['stored-in-heap-object', 'stored-in-heap', 'always'],
  'Stub s.exit': ['stored-in-heap', '', 'always'],
  'NoCapture func literal': ['closure-capture', '', 'never'],
  'CapturedWrite.func1 make([]int, 0, n)': ['closure-capture', '', 'sometimes'],
  // A pointer converted to an interface boxes nothing: the store or the call that keeps the pointee is the cause.
  'AppendBox append(xs, &Box{...})': ['append-escaping-slice', '', 'sometimes'],
  'AppendBox &Box{...}': ['append-escaping-slice', '', 'always'],
  'StoreAddr n': ['leaking-param-call', '', 'always'],
  'Encode v': ['interface-conversion', '', 'sometimes'],
  // Named map and slice literals are a map and a slice, not boxes.
  'NamedMap Labels{...}': ['leaking-param-call', '', 'always'],
  'NamedSlice Names{...}': ['returned-value', '', 'always'],
  // Constants and scalars leave no note in the flows: the type's declaration says what the literal is.
  'NamedMapConst Labels{...}': ['leaking-param-call', '', 'always'],
  'NamedSliceInts Ints{...}': ['returned-value', '', 'always'],
  // fmt.Println(string(b)): the box holding the string (at the conversion) and the string's bytes it holds.
  'Printed string(b)': ['interface-conversion', '', 'sometimes'],
  'Printed string(b) (2)': ['string-conversion', 'interface-conversion', 'sometimes'],
};

/** Where the releases differ: json.NewEncoder's body (go1.27.4's stores the writer through a pointer). */
const BY_VERSION: Record<string, Record<string, [cause: string, root: string, allocates: string]>> = {
  'go1.26.8': { 'Encode buf': ['leaking-param-call', '', 'always'] },
  'go1.27.4': { 'Encode buf': ['stored-in-heap', '', 'always'] },
};

const key = (s: Site): string => `${s.function} ${s.expr}`;

for (const version of ['go1.26.8', 'go1.27.4']) {
  describe(`causes module, ${version}`, () => {
    const m = model(version);
    const heap = m.sites.filter((s) => s.heap);

    it('every heap decision has the cause its explanation gives, none unclassified', () => {
      const got: Record<string, [string, string, string]> = {};
      for (const s of heap) {
        let k = key(s);
        for (let n = 2; k in got; n++) k = `${key(s)} (${n})`;
        got[k] = [s.cause?.id ?? '', s.rootCause?.id ?? '', s.allocates ?? ''];
      }
      assert.deepEqual(got, { ...EXPECTED, ...BY_VERSION[version] });
    });

    it("a chain leads to the decision that roots it, with that decision's id", () => {
      const x = heap.find((s) => key(s) === 'IntoGlobalObject x')!;
      const lit = heap.find((s) => key(s) === 'IntoGlobalObject &T{...}')!;
      assert.deepEqual(
        x.chain?.map((l) => [l.id, l.expr, l.line, l.cause]),
        [[lit.id, '&T{...}', lit.line, 'stored-in-heap']],
      );
      assert.match(x.detail ?? '', /stored in &T\{\.\.\.\}/);
      const stub = heap.find((s) => key(s) === 'Stub &stub{}')!;
      assert.deepEqual(
        stub.chain?.map((l) => l.expr),
        ['s.exit'],
      );
    });

    it('a value kept past its loop names the variable declared outside the loop', () => {
      const x = heap.find((s) => key(s) === 'LoopAddr x')!;
      assert.match(x.detail ?? '', /^kept in ps \(ps\[i\] = &x at causes\.go:31:9\)/);
    });

    it('a call that keeps its argument is named, with its own leaking parameter when it is analysed here', () => {
      const w = heap.find((s) => key(s) === 'Write make([]byte, 0, 8)')!;
      assert.match(w.detail ?? '', /^passed to w\.Write at causes\.go:83:9: w\.Write is not analysed here/);
      const n = heap.find((s) => key(s) === 'Sprintf n')!;
      assert.match(n.detail ?? '', /^passed to fmt\.Sprintf at/);
    });

    it('a pointer converted to an interface names the call that keeps it, not the conversion', () => {
      const n = heap.find((s) => key(s) === 'StoreAddr n')!;
      assert.match(n.detail ?? '', /^passed to keepAny at causes\.go:155:32: keepAny's parameter x leaks/);
      const box = heap.find((s) => key(s) === 'Printed string(b)')!;
      const bytes = heap.find((s) => key(s) === 'Printed string(b)' && s !== box)!;
      assert.deepEqual(
        bytes.chain?.map((l) => [l.id, l.cause]),
        [[box.id, 'interface-conversion']],
      );
    });

    it('without the declarations, only the flows tell a named literal from a box', () => {
      const bare = model(version, false).sites.filter((s) => s.heap);
      const cause = (k: string): string | undefined => bare.find((s) => key(s) === k)?.cause?.id;
      assert.equal(cause('NamedMap Labels{...}'), 'leaking-param-call');
      assert.equal(cause('NamedSlice Names{...}'), 'returned-value');
      assert.equal(cause('NamedMapConst Labels{...}'), 'interface-conversion');
    });

    it('named results are read from the declaration: a value assigned to one is returned', () => {
      const fn = m.functions.find((f) => f.name === 'NamedResult')!;
      assert.deepEqual(sourceReader(moduleSources(moduleDir)).resultNames(fn), ['v']);
    });
  });
}
