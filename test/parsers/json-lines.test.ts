// Strict JSON with lines: accepts exactly what JSON.parse accepts (on a table of edge cases), and finds each
// value's line by its JSON pointer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonWithLines } from '../../src/parsers/json-lines.js';

const VALID = [
  '{}',
  '[]',
  ' \t\r\n{ }\n',
  '0',
  '-0.5e-3',
  '1E+2',
  'true',
  'null',
  '"a\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9"',
  '{"a": [1, {"b": [[], {}]}], "c": "d"}',
  '{"": 1, "\\u0061": 2}',
  '"\u2028 é 😀"',
];
const INVALID = [
  '',
  '{',
  '[1,]',
  '{"a":1,}',
  '{"a" 1}',
  '{a: 1}',
  "{'a': 1}",
  '01',
  '1.',
  '.5',
  '+1',
  '-',
  'tru',
  'nul',
  '"\t"',
  '"\\x"',
  '"\\u12"',
  '[1 2]',
  '{}{}',
  '{"a":}',
  '[,]',
  'NaN',
  '/* c */ {}',
  '"abc',
];

test('accepts what JSON.parse accepts, and nothing else', () => {
  for (const t of VALID) {
    const r = parseJsonWithLines(t);
    assert.ok(r.ok, `${JSON.stringify(t)}: ${JSON.stringify(r)}`);
    if (r.ok) assert.deepEqual(r.value, JSON.parse(t));
  }
  for (const t of INVALID) {
    assert.throws(() => JSON.parse(t), SyntaxError, `JSON.parse takes ${JSON.stringify(t)}`);
    assert.equal(parseJsonWithLines(t).ok, false, JSON.stringify(t));
  }
  // JSON.parse keeps the last of two equal keys; a configuration file must not hold both.
  assert.deepEqual(parseJsonWithLines('{"a": 1,\n "a": 2}'), { ok: false, line: 2, message: 'duplicate key "a"' });
  assert.deepEqual(parseJsonWithLines('{"a": 1, "\\u0061": 2}'), { ok: false, line: 1, message: 'duplicate key "\\u0061"' });
});

test('the line of a value by its pointer, or of its nearest ancestor', () => {
  const r = parseJsonWithLines('{\n "a/b": {\n  "c~d":\n   [1,\n    {"e": 2}]\n },\n "f": 3\n}');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.lineOf(''), 1);
  assert.equal(r.lineOf('/a~1b'), 2);
  assert.equal(r.lineOf('/a~1b/c~0d'), 4);
  assert.equal(r.lineOf('/a~1b/c~0d/1/e'), 5);
  assert.equal(r.lineOf('/a~1b/nosuch'), 2);
  assert.equal(r.lineOf('/f'), 7);
});
