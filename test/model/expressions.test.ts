// Type arguments out of the compiler's function names, brackets counted (a slice or array type argument holds
// brackets of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripTypeArgs } from '../../src/model/expressions.js';

test('type arguments are removed whole', () => {
  assert.equal(stripTypeArgs('Firsts[go.shape.[]int,go.shape.int]'), 'Firsts');
  assert.equal(stripTypeArgs('(*List[go.shape.int]).Push'), '(*List).Push');
  assert.equal(stripTypeArgs('Map[go.shape.[2]string,go.shape.map[string][]int].func1'), 'Map.func1');
  assert.equal(stripTypeArgs('Label'), 'Label');
});
