// Compiler names in Go's words. The raw names are as go1.26.8 and go1.27.4 print them in the -m=2 output of the
// fixtures and of zap and chi (go build -gcflags=-m=2): closures, inlined closures, results, shapes, init.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableFunction, readableShapes, readableText, type NameContext } from '../../src/join/go-names.js';
import type { FunctionInfo } from '../../src/model/types.js';

const fn = (name: string, file: string, line: number, column: number): FunctionInfo => ({
  name,
  package: 'p',
  file,
  line,
  column,
  inlinable: false,
  cost: null,
  budget: null,
  reason: null,
});
const ctx: NameContext = {
  functions: new Map([['p\0NewPool.func1', fn('NewPool.func1', 'buffer/pool.go', 35, 15)]]),
  source: (f) =>
    f === 'focus.go'
      ? {
          file: f,
          funcs: [],
          cold: [],
          loops: [],
          inits: [{ names: ['Registry'], at: [16, 16, 16, 50] }],
          loopCalls: [],
          calls: [],
          benchmarks: [],
          directives: [],
        }
      : undefined,
  where: (f, l, c) => `${f}:${l}:${c}`,
};

test('closures: by position where the compiler named one, otherwise by the function around them', () => {
  assert.equal(readableFunction('NewPool.func1', 'p', ctx), 'the func literal at buffer/pool.go:35:15');
  assert.equal(readableFunction('NewPool.func1#RMgI/RZtu4k=#', 'p', ctx), 'the func literal at buffer/pool.go:35:15');
  assert.equal(readableFunction('init.NewPool.func1', 'p', ctx), 'a func literal in NewPool, inlined into the package initialisation');
  assert.equal(readableFunction('StripPrefix.func1.StripPrefix.1', 'p', ctx), 'a func literal in StripPrefix');
});

test('package initialisation, generated functions, shapes', () => {
  assert.equal(readableFunction('init', 'p', ctx, { file: 'focus.go', line: 16, column: 44 }), 'the initialiser of var Registry');
  assert.equal(readableFunction('init', 'p', ctx, { file: 'focus.go', line: 30, column: 1 }), 'the package initialisation');
  assert.equal(readableFunction('init.0', 'p', ctx), 'func init (the first in the package)');
  assert.equal(readableFunction('type:.eq.[2]interface {}', 'p', ctx), 'the equality function of [2]interface {}');
  assert.equal(readableFunction('(*Logger).Sync-fm', 'p', ctx), 'the method value (*Logger).Sync');
  assert.equal(readableFunction('Map[go.shape.int,go.shape.string]', 'p', ctx), 'Map[~int,~string]');
  assert.equal(readableFunction('Get[go.shape.*uint8]', 'p', ctx), 'Get[any pointer type]');
  assert.equal(readableFunction('Label', 'p', ctx), null);
  assert.equal(readableShapes('append(go.shape.[]string{}, slices.s...)'), 'append(~[]string{}, slices.s...)');
});

test('results: the function own only as a location on a return edge; inside an expression, an inlined call', () => {
  assert.equal(readableText('~r0', 'NewPoint', 'p', ctx, true), 'the result of NewPoint');
  assert.equal(readableText('~r1', 'Parse', 'p', ctx, true), 'result 2 of Parse');
  assert.equal(readableText('"p" + ~r0', 'Label', 'p', ctx), '"p" + the result of an inlined call');
  assert.equal(readableText('.autotmp_7 = ~R0', 'F', 'p', ctx), 'a compiler temporary = the result of an inlined call');
  assert.equal(readableText('#next', 'F', 'p', ctx), "the range-over-func loop's state");
  assert.equal(readableText('call to NewPool.func1', 'F', 'p', ctx), 'call to the func literal at buffer/pool.go:35:15');
  const plain = 'append(b.bs, v)';
  assert.equal(readableText(plain, 'F', 'p', ctx), plain);
});
