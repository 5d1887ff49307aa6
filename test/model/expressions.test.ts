// The compiler's printed expressions read by shape: type arguments out of function names (brackets counted: a
// slice or array type argument holds brackets of its own), concatenations, call arguments, literal elements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callArguments, isConcatenation, literalElements, splitTopLevel, stripTypeArgs } from '../../src/model/expressions.js';

test('type arguments are removed whole', () => {
  assert.equal(stripTypeArgs('Firsts[go.shape.[]int,go.shape.int]'), 'Firsts');
  assert.equal(stripTypeArgs('(*List[go.shape.int]).Push'), '(*List).Push');
  assert.equal(stripTypeArgs('Map[go.shape.[2]string,go.shape.map[string][]int].func1'), 'Map.func1');
  assert.equal(stripTypeArgs('Label'), 'Label');
});

test('a concatenation is an expression whose own operator is +, not one holding a + inside', () => {
  assert.equal(isConcatenation('a + b'), true);
  assert.equal(isConcatenation('"x=" + s + "!"'), true);
  assert.equal(isConcatenation('string(b) + s'), true);
  assert.equal(isConcatenation('append(s, a + b)'), false);
  assert.equal(isConcatenation('f(a + b)'), false);
  assert.equal(isConcatenation('"a + b"'), false);
  assert.equal(isConcatenation('x[i + 1]'), false);
  assert.equal(isConcatenation('&T{...}'), false);
});

test('splitTopLevel skips brackets, string and rune literals and comments', () => {
  assert.deepEqual(splitTopLevel('a, f(b, c), "d, e", \',\', [2]int{1, 2}', ','), ['a', ' f(b, c)', ' "d, e"', " ','", ' [2]int{1, 2}']);
  assert.deepEqual(splitTopLevel('a, // b, c\nd /* e, f */', ','), ['a', ' // b, c\nd /* e, f */']);
  assert.deepEqual(splitTopLevel('"\\"," , x', ','), ['"\\"," ', ' x']);
});

test('callArguments reads a call as the compiler prints it', () => {
  assert.deepEqual(callArguments('make([]int, n)', 'make'), ['[]int', 'n']);
  assert.deepEqual(callArguments('make([]func(a, b int), 0, n)', 'make'), ['[]func(a, b int)', '0', 'n']);
  assert.deepEqual(callArguments('make(map[string]int)', 'make'), ['map[string]int']);
  assert.equal(callArguments('make(a)(b)', 'make'), null);
  assert.equal(callArguments('maker(n)', 'make'), null);
});

test('literalElements counts a literal from its brace, over lines, with comments and trailing commas', () => {
  assert.equal(literalElements('{a, b} }'), 2);
  assert.equal(literalElements('{n}'), 1);
  assert.equal(literalElements('{}'), 0);
  assert.equal(literalElements('{\n\ta: f(x, y), // first\n\tb: T{1, 2},\n}'), 2);
  assert.equal(literalElements('{a: "}", b}'), 2);
  assert.equal(literalElements('{a,\n'), null);
  assert.equal(literalElements('mk(s)'), null);
});
