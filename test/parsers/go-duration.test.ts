// Go's duration syntax as time.ParseDuration reads it (go test's -timeout and -benchtime): values checked against
// what Go's own parser gives for the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration } from '../../src/parsers/go-duration.js';

test('parseGoDuration: units, sums, fractions, signs and bare zero as time.ParseDuration reads them', () => {
  assert.equal(parseGoDuration('1h30m'), 5400000);
  assert.equal(parseGoDuration('500ms'), 500);
  assert.equal(parseGoDuration('90s'), 90000);
  assert.equal(parseGoDuration('.5s'), 500);
  assert.equal(parseGoDuration('1.5m'), 90000);
  assert.equal(parseGoDuration('250us'), 0.25);
  assert.equal(parseGoDuration('250\u00b5s'), 0.25);
  assert.equal(parseGoDuration('1000000ns'), 1);
  assert.equal(parseGoDuration('-2s'), -2000);
  assert.equal(parseGoDuration('+2s'), 2000);
  assert.equal(parseGoDuration('0'), 0);
  // Not durations: a count of iterations, a bare number, an unknown unit, nothing, a unit alone.
  for (const s of ['10x', '1', '5d', '', 's', '1s2', '1 s']) assert.equal(parseGoDuration(s), null, s);
});
