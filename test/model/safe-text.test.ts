// Untrusted text is made safe to print: every control, bidirectional and invisible character is shown in Go's
// strconv.Quote notation; newlines and tabs, which messages use, are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeLine, safeText } from '../../src/model/safe-text.js';

test('terminal escapes, C1 controls and invisible or bidirectional characters are escaped', () => {
  const cases: [string, string][] = [
    ['\x1b[2J\x1b]0;pwned\x07', '\\x1b[2J\\x1b]0;pwned\\a'],
    ['a\rb\bc\x00d\x7f', 'a\\rb\\bc\\x00d\\x7f'],
    ['\x9b31m', '\\u009b31m'],
    ['x\u202ey\u2066z\u2069', 'x\\u202ey\\u2066z\\u2069'],
    ['zero\u200bwidth\u200f\ufeff', 'zero\\u200bwidth\\u200f\\ufeff'],
    ['\u2028\u00ad\u061c', '\\u2028\\u00ad\\u061c'],
  ];
  for (const [raw, shown] of cases) assert.equal(safeText(raw), shown, JSON.stringify(raw));
});

test('ordinary text, newlines and tabs are left alone; safeLine keeps to one line', () => {
  for (const s of ['alloc.go:30:20: &values escapes', 'naïve → γ 日本', 'two\nlines\tand a tab', '']) assert.equal(safeText(s), s);
  assert.equal(safeLine('a\nb\x1b'), 'a\\nb\\x1b');
});
