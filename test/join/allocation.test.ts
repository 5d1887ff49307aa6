// The rule for each heap decision from the expression's shape where the walk pass says nothing (join/allocation.ts):
// a table of expressions, each with the rule the runtime entry point it compiles to calls for. What runs is
// checked against benchmarks in test/e2e/allocates.test.ts; this covers the shapes the fixture cannot reach
// (a compiler without walk reports, a literal written over several lines, one at an inlined call's position).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideAllocations, type AllocationContext } from '../../src/join/allocation.js';
import { isBoxedValue, valueFacts } from '../../src/join/classify.js';
import type { Site } from '../../src/model/types.js';

const SOURCE = [
  'package p',
  'func F(a, b int) { sink = pair{a, b} }',
  'func G(a, b int) {',
  '\tsink = pair{',
  '\t\ta: a, // first',
  '\t\tb: b,',
  '\t}',
  '}',
  'func H(n int) { sink = wrap{n} }',
  'func I(s string) { keep(mk(s)) }',
  'func J(a, b int) { sink = [2]int{a, b} }',
];

function site(expr: string, line = 1, column = 1): Site {
  return { file: 'p.go', line, column, package: 'p', function: 'F', heap: true, kind: 'escapes', expr, cause: null, flow: [] };
}

function rules(sites: Site[], walkReports: boolean): string[] {
  const ctx: AllocationContext = {
    staticValues: [],
    walkReports,
    isBox: (s) => isBoxedValue(s, valueFacts(sites, new Map())),
    enclosing: () => 'F',
    sourceLine: (file, line) => (file === 'p.go' ? SOURCE[line - 1] : undefined),
  };
  decideAllocations(sites, ctx);
  return sites.map((s) => `${s.allocates} ${s.allocatesRule}`);
}

test('each shape gets the rule of the runtime call it compiles to', () => {
  const cases: [expr: string, want: string][] = [
    ['append(s, a + b)', 'sometimes append-grows'],
    ['a + b', 'sometimes concat-reuse'],
    ['make([]int, n)', 'sometimes run-time-length'],
    ['make([]byte, 0, n)', 'sometimes run-time-length'],
    ['make([]byte, 8, n)', 'always allocates'],
    ['make([]byte, 16)', 'always allocates'],
    ['make([]byte, 0, 16)', 'always allocates'],
    ['make([]byte, 0)', 'never zero-length'],
    ['make([]byte, 0, 0)', 'never zero-length'],
    ['make(map[string]int, n)', 'always allocates'],
    ['[]byte{}', 'never zero-length'],
    ['[]byte{...}', 'always allocates'],
    ['string(b)', 'sometimes short-string'],
    ['([]byte)(s)', 'sometimes empty-string'],
    ['([]byte)("abc")', 'always allocates'],
    ['([]rune)(s)', 'sometimes empty-string'],
    ['Names{}', 'sometimes empty-literal'],
    ['f(a + b)', 'sometimes runtime-fast-path'],
    ['n', 'sometimes runtime-fast-path'],
    ['&T{...}', 'always allocates'],
  ];
  assert.deepEqual(
    rules(
      cases.map(([e]) => site(e)),
      true,
    ),
    cases.map(([, w]) => w),
  );
});

test('a literal boxed into an interface: two or more elements always allocate, one may take a fast path', () => {
  const got = rules(
    [
      site('pair{...}', 2, 31), // pair{a, b}
      site('pair{...}', 4, 13), // over three lines, with a comment
      site('wrap{...}', 9, 28), // wrap{n}: boxed as its one integer
      site('named{...}', 10, 25), // inlined here: the position is the call's, no brace to count from
      site('[2]int{...}', 11, 33),
    ],
    true,
  );
  assert.deepEqual(got, [
    'always composite-literal',
    'always composite-literal',
    'sometimes runtime-fast-path',
    'sometimes runtime-fast-path',
    'always composite-literal',
  ]);
  // Without the walk pass's reports a literal of constants (static data) cannot be told from one that is not.
  assert.deepEqual(rules([site('pair{...}', 2, 31), site('Level(6)'), site('Names{}')], false), [
    'sometimes runtime-fast-path',
    'never constant',
    'sometimes runtime-fast-path',
  ]);
});
