// functionEnd against the bundled examples (positions the compiler printed for them) and against the
// lexical cases brace matching must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionEnd } from '../../src/parsers/go-source.js';
import { examplesDir } from '../helpers/paths.js';

test("ends of the examples' functions and closures, at the compiler's start positions", () => {
  const src = readFileSync(join(examplesDir, 'alloc.go'));
  // "./alloc.go:47:6: can inline Counter", "./alloc.go:49:9: can inline Counter.func1", ...
  assert.deepEqual(functionEnd(src, 47, 6), { line: 53, column: 1 });
  assert.deepEqual(functionEnd(src, 49, 9), { line: 52, column: 2 });
  assert.deepEqual(functionEnd(src, 56, 6), { line: 62, column: 1 });
  assert.deepEqual(functionEnd(src, 58, 5), { line: 60, column: 2 });
  assert.deepEqual(functionEnd(src, 30, 6), { line: 35, column: 1 });
});

test('braces in strings, runes, comments, raw strings and signature types are not the body', () => {
  const go = Buffer.from(
    [
      'package p',
      'func F(x interface{ M() }, y struct{ a int }) interface{ N() } { // {',
      '\ts := "}{"; r := \'}\'; t := `}',
      '{`',
      '\t/* } */',
      '\treturn nil',
      '}',
      'func asm(x int) int',
      'func é() { }',
    ].join('\n'),
  );
  assert.deepEqual(functionEnd(go, 2, 6), { line: 7, column: 1 });
  assert.equal(functionEnd(go, 8, 6), null, 'a declaration without a body');
  assert.deepEqual(functionEnd(go, 9, 6), { line: 9, column: 13 }, 'columns count bytes: é is two');
  assert.equal(functionEnd(go, 99, 1), null);
});
